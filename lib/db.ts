import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { endPgPool, getPgPool } from "./db/pg-pool";
import { getEnv } from "./env";
import { PrismaClient } from "./generated/prisma/client";
import { PrismaClient as PgPrismaClient } from "./generated/prisma-pg/client";

/**
 * Columns holding secrets are left out of every query unless a use case asks for one by name
 * (`omit: { clientSecretSealed: false }`), so a secret cannot reach a page by accident.
 */
const omitSecrets = {
  connection: { clientSecretSealed: true, accessTokenSealed: true },
  connectSession: { pendingSecretSealed: true, pendingTokenSealed: true },
  user: { passwordHash: true, totpSecretSealed: true },
  workspace: { webhookSecretSealed: true },
} as const;

/**
 * Under a burst (200 connects at once, say) transactions queue for a connection; Prisma's
 * default of 2 s to start one turned that queue into apologies. A request waits instead, and
 * the load test shows every one finishing.
 */
const transactionOptions = { maxWait: 20_000, timeout: 10_000 };

function createSqliteClient(file: string) {
  const adapter = new PrismaBetterSQLite3({ url: file, timeout: 10_000 });
  return new PrismaClient({ adapter, omit: omitSecrets, transactionOptions });
}

/** Both generated clients come from one model (prisma/schemas.ts), so they share one type. */
export type Db = ReturnType<typeof createSqliteClient>;

function createClient(): Db {
  const env = getEnv();
  if (env.sqlitePath) return createSqliteClient(env.sqlitePath);
  const adapter = new PrismaPg(getPgPool(), { disposeExternalPool: false });
  return new PgPrismaClient({ adapter, omit: omitSecrets, transactionOptions }) as unknown as Db;
}

// One client per process, kept on globalThis so hot reloads in development do not open more.
const globalForDb = globalThis as unknown as { latchDb?: Db };

export function getDb(): Db {
  globalForDb.latchDb ??= createClient();
  return globalForDb.latchDb;
}

/** Closes the process's database connections, for a clean exit (server.ts on SIGTERM). */
export async function closeDb(): Promise<void> {
  const db = globalForDb.latchDb;
  globalForDb.latchDb = undefined;
  await db?.$disconnect();
  // Prisma's adapter leaves the shared pool open (disposeExternalPool: false).
  await endPgPool();
}
