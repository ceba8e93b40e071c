import "server-only";
import { issueSetupLink } from "../auth/setup-token";
import { applyInitialSetup } from "./bootstrap";
import { closeDb, getDb } from "../db";
import { migrateDatabase } from "../db/dialect";
import { getEnv } from "../env";
import { ConfigError } from "../env-schema";
import { logger } from "../log";
import { startBackgroundJobs } from "../jobs";

// Both server.ts and Next's instrumentation.ts call startLatch, from separate bundles of this
// module; the promise lives on globalThis so start-up runs once per process all the same.
const globalForStart = globalThis as unknown as {
  latchStarted?: Promise<void>;
  latchStopJobs?: () => void;
};

/** Runs once per server process before it takes requests (server.ts, instrumentation.ts). */
export function startLatch(): Promise<void> {
  globalForStart.latchStarted ??= start();
  return globalForStart.latchStarted;
}

async function start(): Promise<void> {
  // Files Latch creates (the database and its -wal/-shm, generated keys) are its user's alone.
  process.umask(0o077);
  try {
    const env = getEnv();
    const result = await migrateDatabase(env);
    if (result.applied.length)
      logger.info({ applied: result.applied }, "Applied database migrations");
    await applyInitialSetup(getDb(), env);
    // With no admin yet, only the operator's one-time link can create one.
    await issueSetupLink(env);
    globalForStart.latchStopJobs = startBackgroundJobs(env);
    logger.info({ publicUrl: env.PUBLIC_URL, database: env.databaseProvider }, "Latch is ready");
  } catch (error) {
    if (error instanceof ConfigError) {
      logger.fatal(error.message);
    } else {
      logger.fatal({ err: error }, "Latch could not start");
    }
    process.exit(1);
  }
}

/** Undoes startLatch before a clean exit: no further background job runs, the database closed. */
export async function stopLatch(): Promise<void> {
  globalForStart.latchStopJobs?.();
  globalForStart.latchStopJobs = undefined;
  await closeDb();
}
