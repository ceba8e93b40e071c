import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { requireMember } from "@/lib/auth/member";
import {
  listConnectionPage,
  type ConnectionListPage,
} from "@/lib/connections/list-connection-page";
import { InvalidCursorError } from "@/lib/connections/list-connections";
import { dashboardConnectionsQuerySchema } from "@/lib/validation/connections-query";
import { NewConnectionForm } from "./new-connection-form";
import { OnboardingChecklist } from "@/components/dashboard/onboarding-checklist";
import { getOnboardingProgress } from "@/lib/onboarding/get-onboarding-progress";
import { getEnv } from "@/lib/env";
import { isAdmin } from "@/lib/members/roles";
import { ConnectionFiltersForm } from "./connection-filters-form";
import { ConnectionList } from "./connection-list";
import { connectionsHref, ListPagination } from "./list-pagination";

export const metadata: Metadata = { title: "Connections" };

const EMPTY_PAGE: ConnectionListPage = {
  data: [],
  total: 0,
  requiredScopes: [],
  nextCursor: null,
  previousCursor: null,
};

export default async function ConnectionsPage({ searchParams }: PageProps<"/connections">) {
  const member = await requireMember();
  const params = await searchParams;
  const query = dashboardConnectionsQuerySchema.safeParse({
    q: single(params.q) || undefined,
    status: single(params.status) || undefined,
    scopes: single(params.scopes) || undefined,
    cursor: single(params.cursor) || undefined,
  });
  let page: ConnectionListPage = EMPTY_PAGE;
  let problem: string | null = query.success
    ? null
    : "Those filters are not valid; showing nothing.";
  if (query.success) {
    try {
      page = await listConnectionPage(member, query.data);
    } catch (error) {
      if (!(error instanceof InvalidCursorError)) throw error;
      problem = "That page link is no longer valid. Go back to the first page.";
    }
  }
  // Only a page without rows can belong to a workspace without connections.
  const onboarding = page.data.length === 0 ? await getOnboardingProgress(member) : null;
  const filters = query.success
    ? query.data
    : { q: undefined, status: undefined, scopes: undefined, cursor: undefined };
  const filtered = Boolean(filters.q || filters.status || filters.scopes);

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

      <ConnectionFiltersForm filters={filters} offerScopeFilter={page.requiredScopes.length > 0} />

      {problem ? (
        <div className="mt-4">
          <Alert>{problem}</Alert>
        </div>
      ) : null}

      {problem ? null : (
        <p className="mt-4 text-sm text-slate-700 dark:text-slate-300">
          {countText(page.total, filtered)}
        </p>
      )}
      <ConnectionList
        connections={page.data}
        empty={
          page.data.length === 0 && !problem ? (
            <p className="px-3 py-8 text-center text-sm text-slate-600 dark:text-slate-400">
              {filtered
                ? "No connections match these filters."
                : "No connections yet. Send an end user a connect link, or press New connection."}
            </p>
          ) : null
        }
      />
      <ListPagination
        previousHref={page.previousCursor ? connectionsHref(filters, page.previousCursor) : null}
        nextHref={page.nextCursor ? connectionsHref(filters, page.nextCursor) : null}
      />
    </>
  );
}

function single(value: string | string[] | undefined): string {
  return Array.isArray(value) ? (value[0] ?? "") : (value ?? "");
}

function countText(total: number, filtered: boolean): string {
  const count = `${total.toLocaleString("en-US")} ${total === 1 ? "connection" : "connections"}`;
  return filtered ? `${count} ${total === 1 ? "matches" : "match"} these filters` : count;
}
