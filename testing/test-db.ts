import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { MIGRATIONS_DIRS, migratePostgres, migrateSqlite } from "../lib/db/migrate";

const ROOT = path.join(__dirname, "..");

/**
 * The PostgreSQL server the suite runs against when `LATCH_TEST_POSTGRES_URL` is set (a URL to
 * any existing database on it, e.g. postgresql://postgres@127.0.0.1:5432/postgres); each test
 * file gets a throwaway database of its own there. Unset: SQLite files in the temp directory.
 */
export function testPostgresUrl(): string | undefined {
  return process.env.LATCH_TEST_POSTGRES_URL || undefined;
}

/** Throwaway databases are named after the run, so the run's teardown can drop them all. */
export function testDatabasePrefix(): string {
  return `latch_test_${process.env.LATCH_TEST_RUN ?? "adhoc"}_`;
}

/** Creates an empty PostgreSQL database on the test server and returns its URL. */
export async function createPostgresDatabase(serverUrl: string): Promise<string> {
  const name = `${testDatabasePrefix()}${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Points Latch at a fresh, migrated database with fixed keys, for unit tests of use cases:
 * SQLite by default, PostgreSQL when LATCH_TEST_POSTGRES_URL is set. Call before importing
 * anything that reads the environment (lib/env caches it):
 *
 *   const { getDb } = await openTestDatabase();
 */
export async function openTestDatabase() {
  const serverUrl = testPostgresUrl();
  if (serverUrl) {
    const url = await createPostgresDatabase(serverUrl);
    await migratePostgres(url, path.join(ROOT, MIGRATIONS_DIRS.postgresql));
    process.env.DATABASE_URL = url;
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "latch-test-"));
    const file = path.join(dir, "latch.db");
    migrateSqlite(file, path.join(ROOT, MIGRATIONS_DIRS.sqlite));
    process.env.DATABASE_URL = `file:${file}`;
  }
  process.env.ENCRYPTION_KEY ??= randomBytes(32).toString("base64");
  process.env.SESSION_SECRET ??= randomBytes(32).toString("hex");
  process.env.LOG_LEVEL ??= "silent";
  const { getDb } = await import("../lib/db");
  return { getDb, url: process.env.DATABASE_URL };
}

/** Creates a workspace and returns a scope acting in it as a member. */
export async function createTestWorkspace(name = "Test workspace") {
  const { getDb } = await import("../lib/db");
  const { newId } = await import("../lib/ids");
  const workspace = await getDb().workspace.create({ data: { id: newId("ws"), name } });
  return {
    workspace,
    scope: {
      workspaceId: workspace.id,
      actor: { type: "member" as const, id: "usr_test", label: "tester@example.com" },
      ip: "127.0.0.1",
    },
  };
}

/**
 * After a test writes a row straight through Prisma: Latch's own changes tell the hot reads
 * (lib/db/change-hot-rows.ts), a test's direct write does not, and on PostgreSQL the row they
 * remember would be answered until the next change.
 */
export async function changedBehindLatch(): Promise<void> {
  (await import("../lib/db/hot-reads")).getHotReads().forget();
}
