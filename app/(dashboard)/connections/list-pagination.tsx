import Link from "next/link";

export type ListFilters = { q?: string; status?: string; scopes?: string };

/** `/connections?…` with the filters that are set and a page cursor. */
export function connectionsHref(filters: ListFilters, cursor?: string): string {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  if (filters.status) params.set("status", filters.status);
  if (filters.scopes) params.set("scopes", filters.scopes);
  if (cursor) params.set("cursor", cursor);
  const search = params.toString();
  return search ? `/connections?${search}` : "/connections";
}

const LINK =
  "rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800";

/** Previous and Next, each shown only where there is such a page. */
export function ListPagination({
  previousHref,
  nextHref,
}: {
  previousHref: string | null;
  nextHref: string | null;
}) {
  if (!previousHref && !nextHref) return null;
  return (
    <nav aria-label="Pages" className="mt-4 flex gap-3 text-sm">
      {previousHref ? (
        <Link href={previousHref} className={LINK} rel="prev">
          Previous
        </Link>
      ) : null}
      {nextHref ? (
        <Link href={nextHref} className={`${LINK} ml-auto`} rel="next">
          Next
        </Link>
      ) : null}
    </nav>
  );
}
