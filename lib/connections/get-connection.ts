import "server-only";
import { getDb } from "../db";
import { inWorkspace, type WorkspaceScope } from "../scope";
import { toApiConnection, type ApiConnection } from "./internal/to-api";

/** One connection, looked up within the workspace: another workspace's id is simply not found. */
export async function getConnection(
  scope: Pick<WorkspaceScope, "workspaceId">,
  id: string,
): Promise<ApiConnection | null> {
  const row = await getDb().connection.findFirst({ where: { id, ...inWorkspace(scope) } });
  return row ? toApiConnection(row) : null;
}
