import "server-only";
import { getDb } from "../db";
import type { RateLimitResult } from "../db/rate-limit";
import type { MaybePromise } from "../maybe-promise";

const WINDOW_MS = 60_000;
/** Far below the limit, each process adds its count to the database at most this often. */
const SYNC_MS = 250;
/** A process also syncs once it has seen this share of what was left at its last sync. */
const SHARE_OF_REMAINING = 0.1;
const PRUNE_EVERY_MS = 10 * 60_000;

type KeyWindow = {
  start: number;
  /** The database's count at the last sync, all instances included. */
  counted: number;
  /** Requests this process has seen since then. */
  pending: number;
  lastSync: number;
};

const windows = new Map<string, KeyWindow>();
let lastPrune = 0;

/**
 * Requests per API key per minute, counted in the database so the limit holds across instances,
 * without a write per request: a process adds its count to the database every 250 ms per key, or
 * sooner once it has seen a tenth of what was left, so near the limit every request is counted
 * at once and instances overshoot it by at most a tenth of the remainder each. Windows are
 * aligned to the clock minute, so every instance counts into the same row.
 */
export function hitApiKeyLimit(
  keyId: string,
  limit: number,
  now = Date.now(),
): MaybePromise<RateLimitResult> {
  const start = now - (now % WINDOW_MS);
  let window = windows.get(keyId);
  if (!window || window.start !== start) {
    window = { start, counted: 0, pending: 0, lastSync: 0 };
    windows.set(keyId, window);
  }
  window.pending += 1;
  // Used up: refuse from memory, writing at most every SYNC_MS, so a runaway client cannot keep
  // the database busy with the very requests it is refused.
  if (window.counted >= limit && now - window.lastSync < SYNC_MS) {
    return { allowed: false, retryAfterSeconds: retryAfter(start, now) };
  }
  const batch = Math.max(1, Math.floor((limit - window.counted) * SHARE_OF_REMAINING));
  const decide = (): RateLimitResult =>
    window.counted + window.pending <= limit
      ? { allowed: true }
      : { allowed: false, retryAfterSeconds: retryAfter(start, now) };
  // Between syncs the answer comes from memory, without a promise (lib/maybe-promise.ts).
  if (window.pending >= batch || now - window.lastSync >= SYNC_MS) {
    return sync(keyId, window, now).then(decide);
  }
  return decide();
}

function retryAfter(windowStart: number, now: number): number {
  return Math.max(1, Math.ceil((windowStart + WINDOW_MS - now) / 1000));
}

async function sync(keyId: string, window: KeyWindow, now: number): Promise<void> {
  const add = window.pending;
  window.pending = 0;
  window.lastSync = now;
  const key = `api:${keyId}:${window.start}`;
  const row = await getDb().rateLimit.upsert({
    where: { key },
    create: {
      key,
      windowStart: new Date(window.start),
      count: add,
      expiresAt: new Date(window.start + WINDOW_MS),
    },
    update: { count: { increment: add } },
    select: { count: true },
  });
  window.counted = row.count;
  if (now - lastPrune > PRUNE_EVERY_MS) {
    lastPrune = now;
    // Ended windows are never read again, of API keys, connect links, addresses or sign-ins.
    await getDb().rateLimit.deleteMany({ where: { expiresAt: { lt: new Date(now - WINDOW_MS) } } });
  }
}
