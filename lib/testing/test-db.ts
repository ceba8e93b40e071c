import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrateSqlite } from "../db/migrate";

/**
 * Points Latch at a fresh, migrated SQLite file with fixed keys, for unit tests of use cases.
 * Call before importing anything that reads the environment (lib/env caches it):
 *
 *   const { getDb } = await openTestDatabase();
 */
export async function openTestDatabase() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "latch-test-"));
  const file = path.join(dir, "latch.db");
  migrateSqlite(file, path.join(__dirname, "..", "..", "prisma", "migrations"));
  process.env.DATABASE_URL = `file:${file}`;
  process.env.ENCRYPTION_KEY ??= randomBytes(32).toString("base64");
  process.env.SESSION_SECRET ??= randomBytes(32).toString("hex");
  process.env.LOG_LEVEL ??= "silent";
  const { getDb } = await import("../db");
  return { getDb, file };
}

/** Creates a workspace and returns a scope acting in it as a member. */
export async function createTestWorkspace(name = "Test workspace") {
  const { getDb } = await import("../db");
  const { newId } = await import("../ids");
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
