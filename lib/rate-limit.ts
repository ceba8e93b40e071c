import "server-only";
import { getDb } from "./db";

export type RateLimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts one hit against `key` in a fixed window kept in the database, so the limit holds across
 * instances. The read and write run in one transaction; on SQLite that serialises writers.
 */
export async function hitRateLimit(
  key: string,
  limit: number,
  windowMs: number,
): Promise<RateLimitResult> {
  const now = Date.now();
  return getDb().$transaction(async (tx) => {
    const row = await tx.rateLimit.findUnique({ where: { key } });
    const fresh = !row || row.windowStart.getTime() + windowMs <= now;
    const windowStart = fresh ? new Date(now) : row.windowStart;
    const count = fresh ? 1 : row.count + 1;
    const expiresAt = new Date(windowStart.getTime() + windowMs);
    await tx.rateLimit.upsert({
      where: { key },
      create: { key, windowStart, count, expiresAt },
      update: { windowStart, count, expiresAt },
    });
    if (count <= limit) return { allowed: true };
    return {
      allowed: false,
      retryAfterSeconds: Math.max(1, Math.ceil((expiresAt.getTime() - now) / 1000)),
    };
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
