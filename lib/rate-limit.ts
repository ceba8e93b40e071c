import "server-only";
import { getDb } from "./db";

export type RateLimitResult =
  | { allowed: true }
  | {
      allowed: false;
      retryAfterSeconds: number;
      /** True for the one hit that first went past the limit in this window (to record it once). */
      firstRefusal?: boolean;
    };

/**
 * Counts one hit against `key` in a fixed window kept in the database, so the limit holds across
 * instances. Two statements, each atomic on SQLite and PostgreSQL alike, with no read between
 * them: an expired window is restarted (only by the first caller to see it expired), then the
 * count is incremented in place (an upsert, which creates the row on a first hit).
 */
export async function hitRateLimit(
  key: string,
  limit: number,
  windowMs: number,
): Promise<RateLimitResult> {
  const db = getDb();
  const now = new Date();
  const fresh = { windowStart: now, expiresAt: new Date(now.getTime() + windowMs) };
  await db.rateLimit.updateMany({
    where: { key, windowStart: { lte: new Date(now.getTime() - windowMs) } },
    data: { ...fresh, count: 0 },
  });
  const row = await db.rateLimit.upsert({
    where: { key },
    create: { key, ...fresh, count: 1 },
    update: { count: { increment: 1 } },
  });
  if (row.count <= limit) return { allowed: true };
  return {
    allowed: false,
    retryAfterSeconds: Math.max(1, Math.ceil((row.expiresAt.getTime() - now.getTime()) / 1000)),
    firstRefusal: row.count === limit + 1,
  };
}

/** Takes back one hit (an attempt counted up front that turned out to be a success). */
export async function refundRateLimit(key: string): Promise<void> {
  await getDb().rateLimit.updateMany({
    where: { key, count: { gt: 0 } },
    data: { count: { decrement: 1 } },
  });
}

/** Forgets a key's hits (after a successful sign-in, say). */
export async function clearRateLimit(key: string): Promise<void> {
  await getDb().rateLimit.deleteMany({ where: { key } });
}

/** Whether `key` has used up its `limit` in the current window, without counting a hit. */
export async function peekRateLimit(
  key: string,
  limit: number,
  windowMs: number,
): Promise<RateLimitResult> {
  const row = await getDb().rateLimit.findUnique({ where: { key } });
  const now = Date.now();
  if (!row || row.windowStart.getTime() + windowMs <= now || row.count < limit)
    return { allowed: true };
  return {
    allowed: false,
    retryAfterSeconds: Math.max(1, Math.ceil((row.expiresAt.getTime() - now) / 1000)),
  };
}
