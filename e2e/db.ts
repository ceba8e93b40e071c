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
    const numbers = [...sql.matchAll(/\$(\d+)/g)].map((match) => Number(match[1]));
    // `$1, $2, …` once each, in order, become `?`; otherwise named `@p1` parameters, so one value
    // can be used twice as in PostgreSQL (binding by name is slow for thousands of values).
    const inOrder = numbers.every((n, index) => n === index + 1);
    const statement = db.prepare(sql.replace(/\$(\d+)/g, inOrder ? "?" : "@p$1"));
    const args = inOrder
      ? values
      : [Object.fromEntries(values.map((value, index) => [`p${index + 1}`, value]))];
    return statement.reader ? (statement.all(...args) as T[]) : (statement.run(...args), []);
  } finally {
    db.close();
  }
}

/** Now, as Prisma stores DateTime values (UTC) on either database. */
export const sqlNow = () => new Date().toISOString().replace("Z", "+00:00");
