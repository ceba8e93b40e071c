import "server-only";
import { recordAudit } from "../audit/record";
import type { WorkspaceScope } from "../scope";
import { getDb } from "../db";
import { own } from "./internal/workspace-row";

export async function renameWorkspace(scope: WorkspaceScope, name: string): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const before = await tx.workspace.findUniqueOrThrow({
      where: own(scope),
      select: { name: true },
    });
    if (before.name === name) return;
    await tx.workspace.update({ where: own(scope), data: { name } });
    await recordAudit(
      scope,
      {
        action: "workspace.updated",
        target: { type: "workspace", id: scope.workspaceId },
        details: { changed: "name", from: before.name, to: name },
      },
      tx,
    );
  });
}
