/**
 * What the dashboard's search looks in, kept in one lowercased column so a search is one LIKE
 * per row over an index, not four over the table. The migration that added the column
 * backfills it with the same expression.
 */
export function connectionSearchText(row: {
  endUserId: string;
  endUserEmail: string | null;
  endUserDisplayName: string | null;
  siteName: string;
  siteUrl: string;
}): string {
  return [
    row.endUserId,
    row.endUserEmail ?? "",
    row.endUserDisplayName ?? "",
    row.siteName,
    row.siteUrl,
  ]
    .join(" ")
    .toLowerCase();
}
