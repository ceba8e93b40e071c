import "server-only";
import { logger } from "../log";

export type RecurringJob = {
  /** For the log line when a run fails. */
  name: string;
  everyMs: number;
  /** Before the first run; instances started together spread out when it is random. */
  firstDelayMs?: number;
  run: () => Promise<unknown>;
};

/**
 * Runs a background job every `everyMs` until the answer is called. A run starts only after the
 * previous one ended, so runs never overlap; a failing run is logged and the next one still
 * comes; the timer never keeps the process alive. Every job of lib/jobs/index.ts runs this way.
 */
export function startRecurring(job: RecurringJob): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = (delayMs: number) => {
    if (stopped) return;
    timer = setTimeout(() => void tick(), delayMs);
    timer.unref?.();
  };
  const tick = async () => {
    try {
      await job.run();
    } catch (error) {
      logger.error({ err: error, job: job.name }, `${job.name} failed`);
    }
    schedule(job.everyMs);
  };
  schedule(job.firstDelayMs ?? job.everyMs);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

/**
 * Works through `items` with at most `concurrency` at once, each worker taking the next item as
 * it finishes one (a slow item holds up only its worker). A worker whose `work` answers "stop"
 * takes no more items.
 */
export async function forEachConcurrently<T>(
  items: Iterable<T>,
  concurrency: number,
  work: (item: T) => Promise<void | "stop">,
): Promise<void> {
  const queue = items[Symbol.iterator]();
  const worker = async () => {
    for (let next = queue.next(); !next.done; next = queue.next()) {
      if ((await work(next.value)) === "stop") return;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
}
