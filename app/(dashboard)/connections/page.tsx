import type { Metadata } from "next";
import Link from "next/link";
import { StatusBadge } from "@/components/dashboard/status-badge";
import { Alert } from "@/components/ui/alert";
import { requireMember } from "@/lib/auth/member";
import {
  InvalidCursorError,
  listConnections,
  type ConnectionPage,
} from "@/lib/connections/list-connections";
import { formatDateTime } from "@/lib/i18n/format-date";
import {
  CONNECTION_STATUSES,
  dashboardConnectionsQuerySchema,
} from "@/lib/validation/connections-query";
import { NewConnectionForm } from "./new-connection-form";
import { OnboardingChecklist } from "@/components/dashboard/onboarding-checklist";
import { getOnboardingProgress } from "@/lib/onboarding/get-onboarding-progress";
import { getEnv } from "@/lib/env";
import { isAdmin } from "@/lib/members/roles";
import { ConnectionRowActions } from "./connection-row-actions";
import { FilterSelect } from "@/components/dashboard/filter-select";
import { DataTable } from "@/components/ui/data-table";

export const metadata: Metadata = { title: "Connections" };

export default async function ConnectionsPage({ searchParams }: PageProps<"/connections">) {
  const member = await requireMember();
  const params = await searchParams;
  const query = dashboardConnectionsQuerySchema.safeParse({
    q: single(params.q) || undefined,
    status: single(params.status) || undefined,
    cursor: single(params.cursor) || undefined,
  });
  let page: ConnectionPage = { data: [], nextCursor: null };
  let problem: string | null = query.success
    ? null
    : "Those filters are not valid; showing nothing.";
  if (query.success) {
    try {
      page = await listConnections(member, query.data);
    } catch (error) {
      if (!(error instanceof InvalidCursorError)) throw error;
      problem = "That page link is no longer valid. Go back to the first page.";
    }
  }
  // Only a page without rows can belong to a workspace without connections.
  const onboarding = page.data.length === 0 ? await getOnboardingProgress(member) : null;
  const filters = query.success
    ? query.data
    : { q: undefined, status: undefined, cursor: undefined };

  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold">Connections</h1>
        <NewConnectionForm />
      </div>

      {onboarding && !onboarding.hasConnection ? (
        <OnboardingChecklist
          progress={onboarding}
          baseUrl={getEnv().PUBLIC_URL}
          admin={isAdmin(member.role)}
        />
      ) : null}

      <form method="get" className="mt-6 flex flex-wrap items-end gap-3" role="search">
        <div>
          <label htmlFor="q" className="block text-xs font-medium">
            Search
          </label>
          <input
            id="q"
            name="q"
            defaultValue={filters.q ?? ""}
            placeholder="End user or site"
            className="mt-1 rounded-md border border-slate-300 bg-transparent px-2 py-1.5 text-sm dark:border-slate-700"
          />
        </div>
        <FilterSelect
          label="Status"
          name="status"
          value={filters.status}
          options={CONNECTION_STATUSES.map((status) => ({ value: status, label: status }))}
        />
        <button
          type="submit"
          className="rounded-md border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-700"
        >
          Filter
        </button>
      </form>

      {problem ? (
        <div className="mt-4">
          <Alert>{problem}</Alert>
        </div>
      ) : null}

      <DataTable
        headings={[
          "End user",
          "Site",
          "Status",
          "Scopes",
          "Created",
          "Last checked",
          "Last error",
          "Actions",
        ]}
        className="mt-6"
        empty={
          page.data.length === 0 && !problem ? (
            <p className="px-3 py-8 text-center text-sm text-slate-600 dark:text-slate-400">
              {filters.q || filters.status
                ? "No connections match these filters."
                : "No connections yet. Send an end user a connect link, or press New connection."}
            </p>
          ) : null
        }
      >
        {page.data.map((connection) => (
          <tr key={connection.id} data-connection-id={connection.id} className="align-top">
            <td className="px-3 py-2">
              <Link
                href={`/connections/${connection.id}`}
                className="font-medium text-brand-700 underline-offset-2 hover:underline dark:text-blue-300"
              >
                {connection.end_user.display_name ?? connection.end_user.id}
              </Link>
              {connection.end_user.email ? (
                <div className="text-xs text-slate-600 dark:text-slate-400">
                  {connection.end_user.email}
                </div>
              ) : null}
            </td>
            <td className="px-3 py-2">
              <div>{connection.site.name}</div>
              <div className="text-xs text-slate-600 dark:text-slate-400">
                {connection.site.url}
              </div>
            </td>
            <td className="px-3 py-2">
              <StatusBadge status={connection.status} />
            </td>
            <td className="max-w-48 px-3 py-2 font-mono text-xs break-words">
              {connection.scopes.join(" ") || "–"}
            </td>
            <td className="px-3 py-2 whitespace-nowrap">
              {formatDateTime(new Date(connection.created_at))}
            </td>
            <td className="px-3 py-2 whitespace-nowrap">
              {formatDateTime(
                connection.last_checked_at ? new Date(connection.last_checked_at) : null,
              )}
            </td>
            <td className="max-w-64 px-3 py-2 text-xs">{connection.last_error?.message ?? "–"}</td>
            <td className="px-3 py-2">
              <ConnectionRowActions
                id={connection.id}
                revoked={connection.status === "revoked"}
                label={`${connection.end_user.email ?? connection.end_user.id} on ${connection.site.name}`}
              />
            </td>
          </tr>
        ))}
      </DataTable>

      <nav aria-label="Pages" className="mt-4 flex gap-4 text-sm">
        {filters.cursor ? (
          <Link href={pageHref(filters, undefined)} className="underline">
            First page
          </Link>
        ) : null}
        {page.nextCursor ? (
          <Link href={pageHref(filters, page.nextCursor)} className="underline">
            Next page
          </Link>
        ) : null}
      </nav>
    </>
  );
}

function single(value: string | string[] | undefined): string {
  return Array.isArray(value) ? (value[0] ?? "") : (value ?? "");
}

function pageHref(filters: { q?: string; status?: string }, cursor: string | undefined): string {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  if (filters.status) params.set("status", filters.status);
  if (cursor) params.set("cursor", cursor);
  const search = params.toString();
  return search ? `/connections?${search}` : "/connections";
}
