import "server-only";
import { getDb } from "../db";
import type { WorkspaceScope } from "../scope";
import { connectionFilters, type ConnectionFilters } from "./internal/connection-filters";

/**
 * How many connections match the filters, for "42 connections". One COUNT over the same
 * where-clause as the page; the [workspaceId, status, createdAt] and [workspaceId, createdAt, id,
 * searchText] indexes cover it, so it reads the index, not the rows.
 */
export async function countConnections(
  scope: Pick<WorkspaceScope, "workspaceId">,
  filters: ConnectionFilters,
): Promise<number> {
  return getDb().connection.count({ where: connectionFilters(scope, filters) });
}
