import "server-only";
import { getDb } from "../db";
import type { ListConnectionsQuery } from "../validation/connections-query";
import { decodeCursor, encodeCursor } from "./cursor";
import { toApiConnection, type ApiConnection } from "./to-api";

export type ConnectionPage = { data: ApiConnection[]; nextCursor: string | null };

export class InvalidCursorError extends Error {
  constructor() {
    super("The cursor is not one this API returned. Start again without a cursor.");
    this.name = "InvalidCursorError";
  }
}

/** A workspace's connections, newest first, one keyset page at a time. */
export async function listConnections(
  workspaceId: string,
  query: ListConnectionsQuery,
): Promise<ConnectionPage> {
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  if (query.cursor && !cursor) throw new InvalidCursorError();
  const rows = await getDb().connection.findMany({
    where: {
      workspaceId,
      ...(query.end_user_id ? { endUserId: query.end_user_id } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(cursor
        ? {
            OR: [
              { createdAt: { lt: cursor.createdAt } },
              { createdAt: cursor.createdAt, id: { lt: cursor.id } },
            ],
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

/** One connection, looked up within the workspace: another workspace's id is simply not found. */
export async function getConnection(
  workspaceId: string,
  id: string,
): Promise<ApiConnection | null> {
  const row = await getDb().connection.findFirst({ where: { id, workspaceId } });
  return row ? toApiConnection(row) : null;
}
