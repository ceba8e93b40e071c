import "server-only";
import { inWorkspace, type WorkspaceScope } from "../scope";
import { getDb } from "../db";
import type {
  DashboardConnectionsQuery,
  ListConnectionsQuery,
} from "../validation/connections-query";
import { decodeCursor, encodeCursor } from "../validation/cursor";
import { toApiConnection, type ApiConnection } from "./internal/to-api";

export type ConnectionPage = { data: ApiConnection[]; nextCursor: string | null };

export class InvalidCursorError extends Error {
  constructor() {
    super("The cursor is not one this API returned. Start again without a cursor.");
    this.name = "InvalidCursorError";
  }
}

/** A workspace's connections, newest first, one keyset page at a time. */
export async function listConnections(
  scope: Pick<WorkspaceScope, "workspaceId">,
  query: ListConnectionsQuery | DashboardConnectionsQuery,
): Promise<ConnectionPage> {
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  if (query.cursor && !cursor) throw new InvalidCursorError();
  const rows = await getDb().connection.findMany({
    where: {
      ...inWorkspace(scope),
      ...(query.end_user_id ? { endUserId: query.end_user_id } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...("q" in query && query.q ? { AND: [searchFilter(query.q)] } : {}),
      // (createdAt, id) < cursor, phrased as one range on createdAt so the index seeks to it
      // instead of scanning from the newest row.
      ...(cursor
        ? {
            createdAt: { lte: cursor.createdAt },
            NOT: { createdAt: cursor.createdAt, id: { gte: cursor.id } },
          }
        : {}),
    },
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

/** Matches end-user id, e-mail or name, or site name or URL, anywhere in the text. */
function searchFilter(q: string) {
  return { searchText: { contains: q.toLowerCase() } };
}
