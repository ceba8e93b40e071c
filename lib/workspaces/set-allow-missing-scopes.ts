import "server-only";
import { recordAudit } from "../audit/record";
import type { WorkspaceScope } from "../scope";
import { getDb } from "../db";
import { own } from "./internal/workspace-row";

/**
 * An admin's switch for a credential lacking a required scope: off (the default), the connect
 * form refuses it and the link stays usable for one that has them; on, it connects and the
 * connection is flagged with what it lacks.
 */
export async function setAllowMissingScopes(
  scope: WorkspaceScope,
  allowed: boolean,
): Promise<boolean> {
  return getDb().$transaction(async (tx) => {
    const before = await tx.workspace.findUniqueOrThrow({
      where: own(scope),
      select: { allowMissingScopes: true },
    });
    if (before.allowMissingScopes === allowed) return allowed;
    await tx.workspace.update({ where: own(scope), data: { allowMissingScopes: allowed } });
    await recordAudit(
      scope,
      {
        action: "workspace.updated",
        target: { type: "workspace", id: scope.workspaceId },
        details: { changed: "allow_missing_scopes", from: before.allowMissingScopes, to: allowed },
      },
      tx,
    );
    return allowed;
  });
}
