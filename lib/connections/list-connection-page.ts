import "server-only";
import { getDb } from "../db";
import type { Connection } from "../generated/prisma/client";
import type { WorkspaceScope } from "../scope";
import type { DashboardConnectionsQuery } from "../validation/connections-query";
import { decodePageCursor, encodePageCursor, type PageCursor } from "../validation/cursor";
import { splitScopes } from "../workspaces/split-scopes";
import { countConnections } from "./count-connections";
import { connectionFilters, type ConnectionFilters } from "./internal/connection-filters";
import { keysetAfter, keysetBefore } from "./internal/keyset";
import { toApiConnection, type ApiConnection } from "./internal/to-api";
import { InvalidCursorError } from "./list-connections";

/** A listed connection with what only the dashboard shows. */
export type ListedConnection = ApiConnection & {
  revoked_at: string | null;
  /** The workspace's required scopes this connection's credential does not grant. */
  missing_scopes: string[];
};

export type ConnectionListPage = {
  data: ListedConnection[];
  /** Every connection matching the filters, on all pages. */
  total: number;
  requiredScopes: string[];
  nextCursor: string | null;
  previousCursor: string | null;
};

type Scope = Pick<WorkspaceScope, "workspaceId">;
type Row = Omit<Connection, "clientSecretSealed" | "accessTokenSealed">;

/**
 * The dashboard's list: a page of connections newest first, both ways (Next and Previous
 * cursors), the total matching the filters, and each connection's missing required scopes.
 */
export async function listConnectionPage(
  scope: Scope,
  query: DashboardConnectionsQuery,
): Promise<ConnectionListPage> {
  const cursor = query.cursor ? decodePageCursor(query.cursor) : null;
  if (query.cursor && !cursor) throw new InvalidCursorError();
  const requiredScopes = await readRequiredScopes(scope);
  const filters: ConnectionFilters = {
    ...query,
    missingAnyOf: query.scopes === "missing" ? requiredScopes : undefined,
  };
  const [window, total] = await Promise.all([
    readWindow(scope, filters, cursor, query.limit),
    countConnections(scope, filters),
  ]);
  return {
    data: window.rows.map((row) => {
      const granted = new Set(splitScopes(row.scopes));
      return {
        ...toApiConnection(row),
        revoked_at: row.revokedAt?.toISOString() ?? null,
        missing_scopes: requiredScopes.filter((wanted) => !granted.has(wanted)),
      };
    }),
    total,
    requiredScopes,
    nextCursor: window.next ? encodePageCursor(window.next) : null,
    previousCursor: window.previous ? encodePageCursor(window.previous) : null,
  };
}

async function readRequiredScopes(scope: Scope): Promise<string[]> {
  const workspace = await getDb().workspace.findUnique({
    where: { id: scope.workspaceId },
    select: { requiredScopes: true },
  });
  return splitScopes(workspace?.requiredScopes ?? "");
}

type Window = { rows: Row[]; next: PageCursor | null; previous: PageCursor | null };

async function readWindow(
  scope: Scope,
  filters: ConnectionFilters,
  cursor: PageCursor | null,
  limit: number,
): Promise<Window> {
  const where = connectionFilters(scope, filters);
  if (cursor?.direction === "before") {
    // Nearest first, so `take` stops at the page just above the cursor; shown newest first.
    const newer = await getDb().connection.findMany({
      where: { ...where, ...keysetBefore(cursor.position) },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: limit + 1,
    });
    // Back at the top: show the first page whole, as if it were reached without a cursor.
    if (newer.length <= limit) return readWindow(scope, filters, null, limit);
    const rows = newer.slice(0, limit).reverse();
    return {
      rows,
      next: { direction: "after", position: rows.at(-1)! },
      previous: { direction: "before", position: rows[0]! },
    };
  }
  const older = await getDb().connection.findMany({
    where: { ...where, ...(cursor ? keysetAfter(cursor.position) : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
  });
  const rows = older.slice(0, limit);
  const last = rows.at(-1);
  return {
    rows,
    next: older.length > limit && last ? { direction: "after", position: last } : null,
    // Something is newer than this page, since the cursor itself came from a row above it.
    previous: cursor ? { direction: "before", position: rows[0] ?? cursor.position } : null,
  };
}
