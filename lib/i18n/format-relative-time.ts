const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 60 * 60],
  ["month", 30 * 24 * 60 * 60],
  ["week", 7 * 24 * 60 * 60],
  ["day", 24 * 60 * 60],
  ["hour", 60 * 60],
  ["minute", 60],
  ["second", 1],
];

const FORMAT = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

/**
 * `3 minutes ago`, `yesterday`, `in 2 hours`: the largest unit that fits, rounded
 * to the nearest (2 days 23 hours is `3 days ago`). Under
 * ten seconds either way is `just now`, so a page rendered right after a change reads naturally.
 */
export function formatRelativeTime(date: Date, now: Date = new Date()): string {
  const seconds = (date.getTime() - now.getTime()) / 1000;
  if (Math.abs(seconds) < 10) return "just now";
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) {
      return FORMAT.format(Math.round(seconds / size), unit);
    }
  }
  return "just now";
}
