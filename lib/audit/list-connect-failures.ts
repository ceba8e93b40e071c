import "server-only";
import { getDb } from "../db";
import { inWorkspace, type WorkspaceScope } from "../scope";
import { parseDetails } from "./export-format";

export type ConnectFailure = { id: string; at: Date; code: string };

/**
 * An end user's latest failed connect attempts (`connect.failed`), for the connection page: why
 * they could not connect again, if they tried.
 */
export async function listConnectFailures(
  scope: Pick<WorkspaceScope, "workspaceId">,
  endUserId: string,
  limit = 5,
): Promise<ConnectFailure[]> {
  const rows = await getDb().auditEvent.findMany({
    where: {
      ...inWorkspace(scope),
      action: "connect.failed",
      actorType: "end_user",
      actorId: endUserId,
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, createdAt: true, details: true },
  });
  return rows.map((row) => {
    const code = parseDetails(row.details).code;
    return { id: row.id, at: row.createdAt, code: typeof code === "string" ? code : "unknown" };
  });
}
