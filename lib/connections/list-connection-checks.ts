import "server-only";
import { inWorkspace, type WorkspaceScope } from "../scope";
import { getDb } from "../db";
import { CHECKS_KEPT } from "./internal/save-check";

export type ConnectionCheckEntry = {
  id: string;
  trigger: "test" | "scheduled" | "renewal" | "proxy";
  outcome: "healthy" | "failing";
  errorCode: string | null;
  durationMs: number;
  checkedAt: Date;
};

/**
 * A connection's recent live checks, newest first. The connection is looked up within the
 * scope's workspace: another workspace's id has no history, exactly like a missing one.
 */
export async function listConnectionChecks(
  scope: Pick<WorkspaceScope, "workspaceId">,
  connectionId: string,
): Promise<ConnectionCheckEntry[]> {
  const rows = await getDb().connectionCheck.findMany({
    where: { connectionId, connection: inWorkspace(scope) },
    orderBy: [{ checkedAt: "desc" }, { id: "desc" }],
    take: CHECKS_KEPT,
    select: {
      id: true,
      trigger: true,
      outcome: true,
      errorCode: true,
      durationMs: true,
      checkedAt: true,
    },
  });
  return rows as ConnectionCheckEntry[];
}
