import Database from "better-sqlite3";
import pg from "pg";
import { E2E } from "./env";

/**
 * Runs one statement against the database the e2e app uses, SQLite or PostgreSQL, for state the
 * UI cannot make quickly (other tenants, an expired session), or another database named by URL.
 * Write it with `$1` placeholders
 * and quoted identifiers, which both understand.
 */
export async function e2eSql<T = Record<string, unknown>>(
  sql: string,
  values: unknown[] = [],
  databaseUrl: string = E2E.databaseUrl,
): Promise<T[]> {
  if (!databaseUrl.startsWith("file:")) {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return (await client.query(sql, values)).rows as T[];
    } finally {
      await client.end();
    }
  }
  const db = new Database(databaseUrl.slice("file:".length), { timeout: 10_000 });
  try {
    // `$1` becomes the named parameter `@p1`, so one value can be used twice, as in PostgreSQL.
    const statement = db.prepare(sql.replace(/\$(\d+)/g, "@p$1"));
    const named = Object.fromEntries(values.map((value, index) => [`p${index + 1}`, value]));
    return statement.reader ? (statement.all(named) as T[]) : (statement.run(named), []);
  } finally {
    db.close();
  }
}

/** Now, as Prisma stores DateTime values (UTC) on either database. */
export const sqlNow = () => new Date().toISOString().replace("Z", "+00:00");
