import type { Prisma } from "../../generated/prisma/client";
import { inWorkspace, type WorkspaceScope } from "../../scope";

export type ConnectionFilters = {
  end_user_id?: string;
  status?: string;
  /** Free text over end user and site (lib/connections/internal/search-text.ts). */
  q?: string;
  /** Only connections lacking at least one of these scopes. */
  missingAnyOf?: string[];
};

/** The where-clause of a filtered list, shared by the page query and its count. */
export function connectionFilters(
  scope: Pick<WorkspaceScope, "workspaceId">,
  filters: ConnectionFilters,
): Prisma.ConnectionWhereInput {
  const and: Prisma.ConnectionWhereInput[] = [];
  if (filters.q) and.push({ searchText: { contains: filters.q.toLowerCase() } });
  if (filters.missingAnyOf) and.push(lacksAnyScope(filters.missingAnyOf));
  return {
    ...inWorkspace(scope),
    ...(filters.end_user_id ? { endUserId: filters.end_user_id } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(and.length ? { AND: and } : {}),
  };
}

/**
 * `scopes` is space-separated, so a scope is present when it is the whole text, its first or
 * last word, or a word in between. Said with equals/startsWith/endsWith/contains, which Prisma
 * writes the same way on SQLite and PostgreSQL (LIKE with its wildcards escaped).
 */
export function hasScope(scope: string): Prisma.ConnectionWhereInput {
  return {
    OR: [
      { scopes: scope },
      { scopes: { startsWith: `${scope} ` } },
      { scopes: { endsWith: ` ${scope}` } },
      { scopes: { contains: ` ${scope} ` } },
    ],
  };
}

/** Lacks at least one of `required`; with none required nothing lacks any. */
export function lacksAnyScope(required: string[]): Prisma.ConnectionWhereInput {
  if (required.length === 0) return { id: { in: [] } };
  return { OR: required.map((scope) => ({ NOT: hasScope(scope) })) };
}
