import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { getEnv } from "./env";
import { PrismaClient } from "./generated/prisma/client";

/**
 * Columns holding secrets are left out of every query unless a use case asks for one by name
 * (`omit: { clientSecretSealed: false }`), so a secret cannot reach a page by accident.
 */
const omitSecrets = {
  connection: { clientSecretSealed: true, accessTokenSealed: true },
  connectSession: { pendingSecretSealed: true, pendingTokenSealed: true },
  user: { passwordHash: true },
  workspace: { webhookSecretSealed: true },
} as const;

function createClient() {
  const env = getEnv();
  if (env.databaseProvider !== "sqlite" || !env.sqlitePath) {
    throw new Error("PostgreSQL support arrives in a later release; use a file: DATABASE_URL");
  }
  const adapter = new PrismaBetterSQLite3({ url: env.sqlitePath, timeout: 10_000 });
  return new PrismaClient({ adapter, omit: omitSecrets });
}

export type Db = ReturnType<typeof createClient>;

// One client per process, kept on globalThis so hot reloads in development do not open more.
const globalForDb = globalThis as unknown as { latchDb?: Db };

export function getDb(): Db {
  globalForDb.latchDb ??= createClient();
  return globalForDb.latchDb;
}
