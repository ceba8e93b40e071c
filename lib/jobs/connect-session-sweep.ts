import "server-only";
import { sweepConnectSessions, type SweepResult } from "../connections/sweep-connect-sessions";
import { logger } from "../log";
import { startRecurring } from "./recurring";

/** A secret left at the site picker outlives its session by at most this. */
export const SWEEP_EVERY_MS = 5 * 60_000;

/**
 * Runs sweepConnectSessions every `everyMs` (the first within a minute of start-up, so instances
 * started together spread out) until the answer is called. A sweep starts only after the previous
 * one ended; its errors are logged, never thrown; the timer never keeps the process alive. Every
 * instance runs it: the sweep is idempotent, and an expired session read in between is emptied
 * on the spot (findConnectSessionByHash).
 */
export function startConnectSessionSweep(
  everyMs = SWEEP_EVERY_MS,
  sweep: () => Promise<SweepResult> = () => sweepConnectSessions(),
): () => void {
  return startRecurring({
    name: "connect session sweep",
    everyMs,
    firstDelayMs: Math.min(10_000 + Math.random() * 50_000, everyMs),
    run: async () => {
      const { erased, purged } = await sweep();
      if (erased || purged) logger.info({ erased, purged }, "ended connect sessions swept");
    },
  });
}
