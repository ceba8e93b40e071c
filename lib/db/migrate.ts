import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";

export type MigrationResult = { applied: string[]; alreadyApplied: number };

type Migration = { name: string; sql: string; checksum: string };

/** Where each provider's migrations live, relative to the project root. */
export const MIGRATIONS_DIRS = {
  sqlite: path.join("prisma", "migrations"),
  postgresql: path.join("prisma", "postgresql", "migrations"),
} as const;

/** Same table Prisma Migrate keeps, so `prisma migrate deploy` sees what Latch applied. */
const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" TEXT PRIMARY KEY NOT NULL,
  "checksum" TEXT NOT NULL,
  "finished_at" DATETIME,
  "migration_name" TEXT NOT NULL,
  "logs" TEXT,
  "rolled_back_at" DATETIME,
  "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
  "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

export function readMigrations(dir: string): Migration[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter(
      (entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, "migration.sql")),
    )
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

/**
 * Applies pending migrations to a SQLite file. The whole run holds SQLite's write lock
 * (BEGIN IMMEDIATE), so processes starting together migrate once: the others wait, then find
 * nothing left to do. A failing migration rolls back entirely.
 */
export function migrateSqlite(file: string, migrationsDir: string): MigrationResult {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const db = new Database(file, { timeout: 30_000 });
  // The file holds sealed secrets and hashes: readable by Latch's user only.
  fs.chmodSync(file, 0o600);
  try {
    db.pragma("journal_mode = WAL");
    // Redefining a table (Prisma's way to alter one on SQLite) drops it; with foreign keys
    // enforced that would cascade into its children. The pragma is a no-op inside a
    // transaction, so it is set here, and the keys are checked before committing instead.
    db.pragma("foreign_keys = OFF");
    const migrations = readMigrations(migrationsDir);
    const run = db.transaction(() => {
      db.exec(MIGRATIONS_TABLE);
      const done = new Set(
        db
          .prepare(
            `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
          )
          .all()
          .map((row) => (row as { migration_name: string }).migration_name),
      );
      const pending = migrations.filter((migration) => !done.has(migration.name));
      const record = db.prepare(
        `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, ?, 1)`,
      );
      for (const migration of pending) {
        const startedAt = Date.now();
        db.exec(migration.sql);
        record.run(randomUUID(), migration.checksum, Date.now(), migration.name, startedAt);
      }
      const broken = db.pragma("foreign_key_check") as unknown[];
      if (broken.length) throw new Error(`Migration left ${broken.length} broken foreign keys`);
      return { applied: pending.map((m) => m.name), alreadyApplied: done.size };
    });
    return run.immediate();
  } finally {
    db.close();
  }
}

/** Prisma Migrate's own definition of its table on PostgreSQL. */
const PG_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/** Any constant works; this one is "latch" in ASCII, so it is recognisable in pg_locks. */
const PG_MIGRATION_LOCK = 0x6c61746368;

/**
 * Applies pending migrations to a PostgreSQL database, in one transaction under a
 * transaction-level advisory lock: instances starting together migrate once (the others wait
 * for the lock, then find nothing left to do), and a failing migration rolls back entirely.
 * Prisma's own `migrate deploy` fails through the JS engine on PostgreSQL (prisma/prisma#27403).
 */
export async function migratePostgres(
  url: string,
  migrationsDir: string,
): Promise<MigrationResult> {
  const migrations = readMigrations(migrationsDir);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1)", [PG_MIGRATION_LOCK]);
    await client.query(PG_MIGRATIONS_TABLE);
    const { rows } = await client.query<{ migration_name: string }>(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const done = new Set(rows.map((row) => row.migration_name));
    const pending = migrations.filter((migration) => !done.has(migration.name));
    for (const migration of pending) {
      const startedAt = new Date();
      // No parameters: the simple query protocol, which runs a file of several statements.
      await client.query(migration.sql);
      await client.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ($1, $2, now(), $3, $4, 1)`,
        [randomUUID(), migration.checksum, migration.name, startedAt],
      );
    }
    await client.query("COMMIT");
    return { applied: pending.map((m) => m.name), alreadyApplied: done.size };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
