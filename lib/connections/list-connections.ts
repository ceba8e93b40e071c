import "server-only";
import { type WorkspaceScope } from "../scope";
import { getDb } from "../db";
import type { ListConnectionsQuery } from "../validation/connections-query";
import { decodeCursor, encodeCursor } from "../validation/cursor";
import { connectionFilters } from "./internal/connection-filters";
import { keysetAfter } from "./internal/keyset";
import { toApiConnection, type ApiConnection } from "./internal/to-api";

export type ConnectionPage = { data: ApiConnection[]; nextCursor: string | null };

export class InvalidCursorError extends Error {
  constructor() {
    super("The cursor is not one this API returned. Start again without a cursor.");
    this.name = "InvalidCursorError";
  }
}

/** A workspace's connections, newest first, one keyset page at a time (the API's list). */
export async function listConnections(
  scope: Pick<WorkspaceScope, "workspaceId">,
  query: ListConnectionsQuery & { q?: string },
): Promise<ConnectionPage> {
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  if (query.cursor && !cursor) throw new InvalidCursorError();
  const rows = await getDb().connection.findMany({
    where: { ...connectionFilters(scope, query), ...(cursor ? keysetAfter(cursor) : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map(toApiConnection),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
  };
}
