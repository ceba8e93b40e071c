import "server-only";
import { sweepConnectSessions, type SweepResult } from "../connections/connect-sessions";
import { logger } from "../log";

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
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = (delayMs: number) => {
    if (stopped) return;
    timer = setTimeout(() => void tick(), delayMs);
    timer.unref?.();
  };
  const tick = async () => {
    try {
      const { erased, purged } = await sweep();
      if (erased || purged) logger.info({ erased, purged }, "ended connect sessions swept");
    } catch (error) {
      logger.error({ err: error }, "connect session sweep failed");
    }
    schedule(everyMs);
  };
  schedule(Math.min(10_000 + Math.random() * 50_000, everyMs));
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
