import "server-only";
import pg from "pg";
import { getEnv } from "../env";
import { logger } from "../log";

// One pool per process, shared by Prisma's adapter and the hot reads (lib/db/hot-reads.ts).
const globalForPool = globalThis as unknown as { latchPgPool?: pg.Pool };

/** The PostgreSQL connection pool; only called when DATABASE_URL is a postgresql:// URL. */
export function getPgPool(): pg.Pool {
  if (!globalForPool.latchPgPool) {
    const pool = new pg.Pool({ connectionString: getEnv().DATABASE_URL, max: 10 });
    // An idle connection dropped by the server must not crash the process.
    pool.on("error", (error) => logger.warn({ err: error }, "PostgreSQL connection lost"));
    globalForPool.latchPgPool = pool;
  }
  return globalForPool.latchPgPool;
}

/** Ends the pool, if one was opened (lib/db.ts closeDb). */
export async function endPgPool(): Promise<void> {
  const pool = globalForPool.latchPgPool;
  globalForPool.latchPgPool = undefined;
  await pool?.end();
}
