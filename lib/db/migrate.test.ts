import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrateSqlite, readMigrations } from "./migrate";

const MIGRATIONS_DIR = path.resolve(__dirname, "../../prisma/migrations");
const MIGRATION_NAMES = fs
  .readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

let dir: string;
let file: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "latch-migrate-"));
  // A directory that does not exist yet, as on a first start with DATABASE_URL=file:./data/latch.db.
  file = path.join(dir, "data", "latch.db");
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function query<T>(sql: string): T[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

describe("migrateSqlite", () => {
  it("applies every migration to a new database, creating its directory", () => {
    expect(MIGRATION_NAMES.length).toBeGreaterThan(0);
    expect(migrateSqlite(file, MIGRATIONS_DIR)).toEqual({
      applied: MIGRATION_NAMES,
      alreadyApplied: 0,
    });
    expect(fs.existsSync(file)).toBe(true);
  });

  it("creates the application's tables and indexes", () => {
    migrateSqlite(file, MIGRATIONS_DIR);
    const tables = query<{ name: string }>(
      `SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`,
    ).map((row) => row.name);
    expect(tables).toEqual(
      expect.arrayContaining([
        "ApiKey",
        "ConnectSession",
        "Connection",
        "Membership",
        "User",
        "Workspace",
        "_prisma_migrations",
      ]),
    );
    const indexes = query<{ name: string }>(`SELECT name FROM sqlite_master WHERE type = 'index'`);
    expect(indexes.map((row) => row.name)).toContain("User_email_key");
  });

  it("leaves a usable schema: rows can be written and constraints hold", () => {
    migrateSqlite(file, MIGRATIONS_DIR);
    const db = new Database(file);
    try {
      db.prepare(
        `INSERT INTO "User" (id, email, passwordHash) VALUES ('usr_1', 'a@b.c', 'h')`,
      ).run();
      expect(() =>
        db
          .prepare(`INSERT INTO "User" (id, email, passwordHash) VALUES ('usr_2', 'a@b.c', 'h')`)
          .run(),
      ).toThrow(/UNIQUE/);
    } finally {
      db.close();
    }
  });

  it("applies nothing the second time, and keeps the data", () => {
    migrateSqlite(file, MIGRATIONS_DIR);
    const db = new Database(file);
    db.prepare(`INSERT INTO "User" (id, email, passwordHash) VALUES ('usr_1', 'a@b.c', 'h')`).run();
    db.close();

    expect(migrateSqlite(file, MIGRATIONS_DIR)).toEqual({
      applied: [],
      alreadyApplied: MIGRATION_NAMES.length,
    });
    expect(query(`SELECT id FROM "User"`)).toEqual([{ id: "usr_1" }]);
    expect(query(`SELECT migration_name FROM "_prisma_migrations"`)).toHaveLength(
      MIGRATION_NAMES.length,
    );
  });

  it("records each migration as Prisma Migrate does, with the file's SHA-256", () => {
    const before = Date.now();
    migrateSqlite(file, MIGRATIONS_DIR);
    const rows = query<{
      id: string;
      checksum: string;
      migration_name: string;
      finished_at: number | null;
      rolled_back_at: unknown;
      applied_steps_count: number;
    }>(`SELECT * FROM "_prisma_migrations" ORDER BY migration_name`);

    expect(rows.map((row) => row.migration_name)).toEqual(MIGRATION_NAMES);
    for (const row of rows) {
      const bytes = fs.readFileSync(path.join(MIGRATIONS_DIR, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(bytes).digest("hex"));
      expect(row.finished_at).not.toBeNull();
      expect(Number(row.finished_at)).toBeGreaterThanOrEqual(before);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it("keeps every row when a later migration redefines a parent table", () => {
    // Prisma alters a SQLite table by copying it and dropping the old one; with foreign keys
    // enforced, dropping Workspace would cascade into everything that belongs to it.
    const migrations = path.join(dir, "migrations");
    fs.mkdirSync(migrations);
    fs.cpSync(
      path.join(MIGRATIONS_DIR, MIGRATION_NAMES[0]!),
      path.join(migrations, MIGRATION_NAMES[0]!),
      {
        recursive: true,
      },
    );
    migrateSqlite(file, migrations);
    const db = new Database(file);
    db.prepare(
      `INSERT INTO Workspace (id, name, updatedAt) VALUES ('ws_1', 'Kept', '2026-01-01')`,
    ).run();
    db.prepare(
      `INSERT INTO Connection (id, workspaceId, endUserId, clientId, siteCloudId, siteName, siteUrl, updatedAt)
       VALUES ('conn_1', 'ws_1', 'u1', 'c1', 'cloud', 'Site', 'https://s.atlassian.net', '2026-01-01')`,
    ).run();
    db.close();

    fs.cpSync(MIGRATIONS_DIR, migrations, { recursive: true });
    migrateSqlite(file, migrations);
    expect(query(`SELECT id FROM Workspace`)).toEqual([{ id: "ws_1" }]);
    expect(query(`SELECT id, searchText FROM Connection`)).toEqual([
      { id: "conn_1", searchText: "u1   site https://s.atlassian.net" },
    ]);
  });

  it("applies only the migrations added since the last run", () => {
    const migrations = path.join(dir, "migrations");
    fs.cpSync(MIGRATIONS_DIR, migrations, { recursive: true });
    migrateSqlite(file, migrations);

    const added = "99991231000000_add_notes";
    fs.mkdirSync(path.join(migrations, added));
    fs.writeFileSync(
      path.join(migrations, added, "migration.sql"),
      `CREATE TABLE "Note" ("id" TEXT NOT NULL PRIMARY KEY);\n`,
    );
    expect(migrateSqlite(file, migrations)).toEqual({
      applied: [added],
      alreadyApplied: MIGRATION_NAMES.length,
    });
    expect(query(`SELECT name FROM sqlite_master WHERE name = 'Note'`)).toHaveLength(1);
  });

  it("rolls a failing migration back entirely and records nothing for it", () => {
    const migrations = path.join(dir, "migrations");
    fs.cpSync(MIGRATIONS_DIR, migrations, { recursive: true });
    const broken = "99991231000000_broken";
    fs.mkdirSync(path.join(migrations, broken));
    fs.writeFileSync(
      path.join(migrations, broken, "migration.sql"),
      `CREATE TABLE "Half" ("id" TEXT);\nTHIS IS NOT SQL;\n`,
    );

    expect(() => migrateSqlite(file, migrations)).toThrow();
    const tables = query<{ name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table'`);
    expect(tables.map((row) => row.name)).not.toContain("Half");
    // The whole run is one transaction: the good migrations before it are not half-recorded.
    expect(tables.map((row) => row.name)).not.toContain("Workspace");
  });

  it("reads migrations in name order and ignores folders without migration.sql", () => {
    const migrations = path.join(dir, "migrations");
    for (const name of ["20260102000000_second", "20260101000000_first", "not_a_migration"]) {
      fs.mkdirSync(path.join(migrations, name), { recursive: true });
    }
    fs.writeFileSync(path.join(migrations, "20260102000000_second", "migration.sql"), "SELECT 2;");
    fs.writeFileSync(path.join(migrations, "20260101000000_first", "migration.sql"), "SELECT 1;");
    fs.writeFileSync(path.join(migrations, "migration_lock.toml"), 'provider = "sqlite"');
    expect(readMigrations(migrations).map((migration) => migration.name)).toEqual([
      "20260101000000_first",
      "20260102000000_second",
    ]);
  });
});
