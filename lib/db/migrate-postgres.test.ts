import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { createPostgresDatabase, testPostgresUrl } from "../../testing/test-db";
import { MIGRATIONS_DIRS, migratePostgres, readMigrations } from "./migrate";

const MIGRATIONS_DIR = path.resolve(__dirname, "../..", MIGRATIONS_DIRS.postgresql);
const serverUrl = testPostgresUrl();

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** A copy of the real migrations plus one more, in a temporary directory. */
function migrationsWith(extraName: string, extraSql: string): string {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "latch-pg-migrate-")), "m");
  fs.cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  fs.mkdirSync(path.join(dir, extraName));
  fs.writeFileSync(path.join(dir, extraName, "migration.sql"), extraSql);
  return dir;
}

// Runs in the PostgreSQL pass of the suite (LATCH_TEST_POSTGRES_URL); see README, Development.
describe.runIf(serverUrl)("migratePostgres", () => {
  it("migrates once when several instances start together", async () => {
    const url = await createPostgresDatabase(serverUrl!);
    const results = await Promise.all(
      Array.from({ length: 4 }, () => migratePostgres(url, MIGRATIONS_DIR)),
    );
    const names = readMigrations(MIGRATIONS_DIR).map((migration) => migration.name);
    expect(results.filter((result) => result.applied.length > 0)).toEqual([
      { applied: names, alreadyApplied: 0 },
    ]);
    expect(await query(url, `SELECT migration_name FROM "_prisma_migrations"`)).toHaveLength(
      names.length,
    );
  });

  it("records what Prisma Migrate records, so `prisma migrate deploy` finds nothing to do", async () => {
    const url = await createPostgresDatabase(serverUrl!);
    await migratePostgres(url, MIGRATIONS_DIR);
    const rows = await query<{
      checksum: string;
      migration_name: string;
      finished_at: Date | null;
      applied_steps_count: number;
    }>(url, `SELECT * FROM "_prisma_migrations" ORDER BY migration_name`);
    const columns = await query<{ column_name: string; data_type: string }>(
      url,
      `SELECT column_name, data_type FROM information_schema.columns
       WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(columns.map((column) => `${column.column_name} ${column.data_type}`)).toEqual([
      "id character varying",
      "checksum character varying",
      "finished_at timestamp with time zone",
      "migration_name character varying",
      "logs text",
      "rolled_back_at timestamp with time zone",
      "started_at timestamp with time zone",
      "applied_steps_count integer",
    ]);
    for (const row of rows) {
      const sql = fs.readFileSync(path.join(MIGRATIONS_DIR, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it("applies only what was added since, and rolls a failing run back entirely", async () => {
    const url = await createPostgresDatabase(serverUrl!);
    const broken = migrationsWith(
      "99991231000000_broken",
      `CREATE TABLE "Half" ("id" TEXT);\nTHIS IS NOT SQL;\n`,
    );
    await expect(migratePostgres(url, broken)).rejects.toThrow();
    const tables = await query<{ table_name: string }>(
      url,
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`,
    );
    expect(tables.map((row) => row.table_name)).not.toContain("Workspace");
    expect(tables.map((row) => row.table_name)).not.toContain("Half");

    await migratePostgres(url, MIGRATIONS_DIR);
    const added = migrationsWith("99991231000000_notes", `CREATE TABLE "Note" ("id" TEXT);\n`);
    expect(await migratePostgres(url, added)).toEqual({
      applied: ["99991231000000_notes"],
      alreadyApplied: readMigrations(MIGRATIONS_DIR).length,
    });
  });
});
