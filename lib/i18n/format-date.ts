/**
 * A moment as `2025-01-31 14:05 UTC`. Always UTC, so the server render and the browser agree and
 * members in different time zones read the same value.
 */
export function formatDateTime(date: Date | null, fallback = "Never"): string {
  if (!date || Number.isNaN(date.getTime())) return fallback;
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
