import { createHash, randomBytes, randomUUID } from "node:crypto";
import { hashPassword } from "../lib/auth/password";
import { e2eSql, sqlNow } from "./db";

const id = (prefix: string) => `${prefix}_${randomBytes(15).toString("base64url")}`;

export type SeededTenant = { workspaceId: string; email: string; password: string; apiKey: string };

/** A workspace with one admin and one API key, unique to the calling test. */
export async function seedTenant(name: string): Promise<SeededTenant> {
  const email = `admin-${randomUUID()}@example.com`;
  const password = `pw-${randomUUID()}`;
  const apiKey = `latch_sk_${randomBytes(32).toString("base64url")}`;
  const passwordHash = await hashPassword(password);
  const workspaceId = id("ws");
  const userId = id("usr");
  const now = sqlNow();
  await e2eSql(
    `INSERT INTO "Workspace" ("id", "name", "allowedOrigins", "createdAt", "updatedAt") VALUES ($1, $2, '[]', $3, $3)`,
    [workspaceId, name, now],
  );
  await e2eSql(
    `INSERT INTO "User" ("id", "email", "passwordHash", "createdAt") VALUES ($1, $2, $3, $4)`,
    [userId, email, passwordHash, now],
  );
  await e2eSql(
    `INSERT INTO "Membership" ("userId", "workspaceId", "role", "createdAt") VALUES ($1, $2, 'admin', $3)`,
    [userId, workspaceId, now],
  );
  await e2eSql(
    `INSERT INTO "ApiKey" ("id", "workspaceId", "name", "prefix", "hash", "createdAt") VALUES ($1, $2, 'e2e', $3, $4, $5)`,
    [
      id("key"),
      workspaceId,
      apiKey.slice(0, 13),
      createHash("sha256").update(apiKey).digest("hex"),
      now,
    ],
  );
  return { workspaceId, email, password, apiKey };
}

/** Reads a connection's row as stored, to check what a refused attempt left alone. */
export async function storedConnection(connectionId: string) {
  const [row] = await e2eSql<{
    status: string;
    clientSecretSealed: string | null;
    lastCheckedAt: unknown;
  }>(`SELECT "status", "clientSecretSealed", "lastCheckedAt" FROM "Connection" WHERE "id" = $1`, [
    connectionId,
  ]);
  return row;
}
