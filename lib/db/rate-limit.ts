import "server-only";
import { metrics } from "../metrics/registry";
import { getDb } from "../db";

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
 * instances. One statement, atomic on SQLite and PostgreSQL alike, with no read before it: it
 * creates the row on a first hit, restarts an ended window, or increments the count in place,
 * and returns the count this hit made. So concurrent hits get distinct counts, and exactly
 * `limit` of them are allowed.
 */
export async function hitRateLimit(
  key: string,
  limit: number,
  windowMs: number,
): Promise<RateLimitResult> {
  const now = new Date();
  const expires = new Date(now.getTime() + windowMs);
  const [row] = await getDb().$queryRaw<{ count: number | bigint; expiresAt: Date | string }[]>`
    INSERT INTO "RateLimit" ("key", "windowStart", "count", "expiresAt")
    VALUES (${key}, ${now}, 1, ${expires})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."expiresAt" <= ${now} THEN 1 ELSE "RateLimit"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimit"."expiresAt" <= ${now} THEN ${now} ELSE "RateLimit"."windowStart" END,
      "expiresAt" = CASE WHEN "RateLimit"."expiresAt" <= ${now} THEN ${expires} ELSE "RateLimit"."expiresAt" END
    RETURNING "count", "expiresAt"`;
  const count = Number(row!.count);
  await pruneEndedWindows(now.getTime());
  if (count <= limit) return { allowed: true };
  countRefusal(key);
  const expiresAt = new Date(row!.expiresAt).getTime();
  return {
    allowed: false,
    retryAfterSeconds: Math.max(1, Math.ceil((expiresAt - now.getTime()) / 1000)),
    firstRefusal: count === limit + 1,
  };
}

/**
 * For latch_rate_limit_refusals_total: the limiter is the key's kind (`connect:ip`, `signin:code`,
 * `invite`…), never the subject after it. Keys under `audit:` and `…:throttle-audit:` only thin
 * out audit entries: a refusal there turns nobody away.
 */
function countRefusal(key: string): void {
  const parts = key.split(":");
  if (parts[0] === "audit" || parts[1] === "throttle-audit") return;
  const limiter = parts.length > 2 ? `${parts[0]}:${parts[1]}` : parts[0]!;
  metrics().rateLimitRefusals.inc({ limiter });
}

let lastPrune = 0;
const PRUNE_EVERY_MS = 60_000;

/**
 * Ended windows are never read again: once a minute per process they are deleted, so a guess
 * with a fresh e-mail or address each time cannot grow the table without end.
 */
async function pruneEndedWindows(now: number): Promise<void> {
  if (now - lastPrune < PRUNE_EVERY_MS) return;
  lastPrune = now;
  await getDb().rateLimit.deleteMany({ where: { expiresAt: { lt: new Date(now) } } });
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
