import { formatDateTime } from "@/lib/i18n/format-date";
import { formatRelativeTime } from "@/lib/i18n/format-relative-time";

/** "3 minutes ago", with the exact UTC time on hover and for machines. */
export function RelativeTime({
  value,
  fallback = "Never",
  now,
}: {
  value: string | null;
  fallback?: string;
  /** One moment for a whole page, so every row is relative to the same time. */
  now?: Date;
}) {
  if (!value) return <>{fallback}</>;
  const date = new Date(value);
  return (
    <time dateTime={value} title={formatDateTime(date)}>
      {formatRelativeTime(date, now)}
    </time>
  );
}
