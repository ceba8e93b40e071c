// Date.parse accepts almost anything ("abc 12", "-5"), so a value must look like a date first.
/** The HTTP-date forms (IMF-fixdate, RFC 850, asctime) all start with a day name. */
const HTTP_DATE = /^(mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s/i;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;
/** `yyyy-MM-ddTHH:mmZ` (or an offset): a minute named without its seconds. */
const MINUTE_PRECISION = /[T ]\d{2}:\d{2}(Z|[+-]\d{2}:?\d{2})?$/i;
const MINUTE_MS = 60_000;

/**
 * How long Atlassian asks us to wait, in milliseconds, from `Retry-After` (seconds or an HTTP
 * date) or `X-RateLimit-Reset` (an ISO 8601 instant). Null when neither header is usable.
 * Atlassian names the reset with minute precision (ATLASSIAN.md): `12:05Z` means "not before
 * 12:05 has passed", so such a value is waited out to its end, 12:06:00.
 */
export function retryAfterMs(headers: Headers, now = Date.now()): number | null {
  const retryAfter = headers.get("retry-after")?.trim();
  if (retryAfter) {
    if (/^\d+(\.\d+)?$/.test(retryAfter)) return Math.round(Number(retryAfter) * 1000);
    const date = HTTP_DATE.test(retryAfter) ? Date.parse(retryAfter) : Number.NaN;
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  const reset = headers.get("x-ratelimit-reset")?.trim();
  if (reset && ISO_INSTANT.test(reset)) {
    const date = Date.parse(reset);
    const end = MINUTE_PRECISION.test(reset) ? date + MINUTE_MS : date;
    if (!Number.isNaN(date)) return Math.max(0, end - now);
  }
  return null;
}
