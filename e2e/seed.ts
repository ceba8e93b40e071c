import { createHash, randomBytes, randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { hashPassword } from "../lib/auth/password";
import { E2E } from "./env";

/** Direct writes to the e2e database, for state the UI cannot make quickly (other tenants). */
function withDb<T>(run: (db: Database.Database) => T): T {
  const db = new Database(`${E2E.dir}/latch.db`, { timeout: 10_000 });
  try {
    return run(db);
  } finally {
    db.close();
  }
}

const now = () => new Date().toISOString().replace("Z", "+00:00");
const id = (prefix: string) => `${prefix}_${randomBytes(15).toString("base64url")}`;

export type SeededTenant = { workspaceId: string; email: string; password: string; apiKey: string };

/** A workspace with one admin and one API key, unique to the calling test. */
export async function seedTenant(name: string): Promise<SeededTenant> {
  const email = `admin-${randomUUID()}@example.com`;
  const password = `pw-${randomUUID()}`;
  const apiKey = `latch_sk_${randomBytes(32).toString("base64url")}`;
  const passwordHash = await hashPassword(password);
  const workspaceId = id("ws");
  withDb((db) =>
    db.transaction(() => {
      db.prepare(
        `INSERT INTO Workspace (id, name, allowedOrigins, createdAt, updatedAt) VALUES (?, ?, '[]', ?, ?)`,
      ).run(workspaceId, name, now(), now());
      const userId = id("usr");
      db.prepare(`INSERT INTO User (id, email, passwordHash, createdAt) VALUES (?, ?, ?, ?)`).run(
        userId,
        email,
        passwordHash,
        now(),
      );
      db.prepare(
        `INSERT INTO Membership (userId, workspaceId, role, createdAt) VALUES (?, ?, 'admin', ?)`,
      ).run(userId, workspaceId, now());
      db.prepare(
        `INSERT INTO ApiKey (id, workspaceId, name, prefix, hash, createdAt) VALUES (?, ?, 'e2e', ?, ?, ?)`,
      ).run(
        id("key"),
        workspaceId,
        apiKey.slice(0, 13),
        createHash("sha256").update(apiKey).digest("hex"),
        now(),
      );
    })(),
  );
  return { workspaceId, email, password, apiKey };
}

/** Reads a connection's row as stored, to check what a refused attempt left alone. */
export function storedConnection(connectionId: string) {
  return withDb(
    (db) =>
      db
        .prepare(`SELECT status, clientSecretSealed, lastCheckedAt FROM Connection WHERE id = ?`)
        .get(connectionId) as
        | { status: string; clientSecretSealed: string | null; lastCheckedAt: string | null }
        | undefined,
  );
}
