/**
 * scrypt runs on libuv's thread pool (4 threads unless UV_THREADPOOL_SIZE says otherwise),
 * which DNS lookups for token renewals, file reads and zlib share. Unbounded, a burst of
 * sign-ins would occupy every thread for the length of a hash and stall all of those. So at
 * most half the pool hashes at once; a few more wait their turn, and past that the caller is
 * told to come back instead of queueing without end.
 */
const POOL_SIZE = Number(process.env.UV_THREADPOOL_SIZE) || 4;
export const MAX_CONCURRENT_HASHES = Math.max(1, Math.floor(POOL_SIZE / 2));
const MAX_WAITING = 64;

/** Thrown when so many hashes are already waiting that one more would only pile up. */
export class HashingBusyError extends Error {
  constructor() {
    super("Too many password checks are running at once.");
    this.name = "HashingBusyError";
  }
}

let running = 0;
let peak = 0;
let started = 0;
const waiting: (() => void)[] = [];

/** Runs `work` (one scrypt derivation) when a slot is free. */
export async function withHashSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT_HASHES) {
    if (waiting.length >= MAX_WAITING) throw new HashingBusyError();
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else {
    running++;
  }
  peak = Math.max(peak, running);
  started++;
  try {
    return await work();
  } finally {
    // The slot passes straight to the next waiter, so `running` never dips in between.
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

/**
 * For tests and benchmarks: how many hashes run and wait now, the most that ever ran at once,
 * and how many have started since the process began.
 */
export function hashSlotStats() {
  return { running, waiting: waiting.length, peak, started };
}
