/**
 * Sites Atlassian told to slow down, and until when, for this process: while one is limited,
 * proxied calls to it are answered 429 by Latch at once instead of adding to Atlassian's count.
 * Per site, whichever connection or API key calls. In memory: each instance learns of a limit
 * from its own first 429, which costs Atlassian one call per instance, not one per request.
 */
const limitedUntil = new Map<string, number>();
/** Sites limited at once, at most; past it, ended entries are dropped first. */
const MAX_SITES = 10_000;
/** A 429 that names no time still means "not now". */
export const DEFAULT_LIMIT_MS = 1_000;

/** Milliseconds until the site may be called again; 0 when it may now. */
export function siteLimitedFor(cloudId: string, now = Date.now()): number {
  const until = limitedUntil.get(cloudId);
  if (until === undefined) return 0;
  if (until <= now) {
    limitedUntil.delete(cloudId);
    return 0;
  }
  return until - now;
}

export function limitSite(cloudId: string, forMs: number, now = Date.now()): void {
  if (limitedUntil.size >= MAX_SITES) {
    for (const [site, until] of limitedUntil) if (until <= now) limitedUntil.delete(site);
    if (limitedUntil.size >= MAX_SITES) limitedUntil.clear();
  }
  const until = now + forMs;
  limitedUntil.set(cloudId, Math.max(until, limitedUntil.get(cloudId) ?? 0));
}
