import "server-only";
import { getDb } from "../db";
import { inWorkspace, type WorkspaceScope } from "../scope";

/** Which of these ids are connections of the workspace (for linking them from the audit log). */
export async function findExistingConnectionIds(
  scope: Pick<WorkspaceScope, "workspaceId">,
  ids: string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await getDb().connection.findMany({
    where: { ...inWorkspace(scope), id: { in: [...new Set(ids)] } },
    select: { id: true },
  });
  return new Set(rows.map((row) => row.id));
}
