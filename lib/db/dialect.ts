import "server-only";
import path from "node:path";
import type { Prisma } from "../generated/prisma/client";
import { getEnv, type Env } from "../env";
import { MIGRATIONS_DIRS, migratePostgres, migrateSqlite, type MigrationResult } from "./migrate";

/**
 * Where SQLite and PostgreSQL differ, behind one name each, so no use case asks which database
 * it runs on.
 */

/**
 * Makes transactions that take the same `key` run one after another, until each ends. SQLite
 * runs one write transaction at a time already; PostgreSQL takes a transaction-scoped advisory
 * lock on the key.
 */
export async function lockForTransaction(
  tx: Pick<Prisma.TransactionClient, "$executeRaw">,
  key: string,
): Promise<void> {
  if (getEnv().databaseProvider !== "postgresql") return;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
}

/** Applies the pending migrations of the configured database (prisma/migrations or its twin). */
export async function migrateDatabase(env: Env = getEnv()): Promise<MigrationResult> {
  // Not traced (the whole project would be): next.config.mjs includes the migrations by name.
  const migrationsDir = path.join(
    /* turbopackIgnore: true */ process.cwd(),
    MIGRATIONS_DIRS[env.databaseProvider],
  );
  return env.sqlitePath
    ? migrateSqlite(env.sqlitePath, migrationsDir)
    : migratePostgres(env.DATABASE_URL, migrationsDir);
}
