import "server-only";
import { recordAudit } from "../audit/record";
import type { WorkspaceScope } from "../scope";
import { getDb } from "../db";
import { own } from "./internal/workspace-row";
import { requiredScopesTextSchema } from "../validation/settings";

/** Replaces the scopes the workspace's app needs (the connect form warns when one is missing). */
export async function setRequiredScopes(
  scope: WorkspaceScope,
  scopes: string[],
): Promise<string[]> {
  const wanted = requiredScopesTextSchema.parse(scopes.join(" "));
  return getDb().$transaction(async (tx) => {
    const before = await tx.workspace.findUniqueOrThrow({
      where: own(scope),
      select: { requiredScopes: true },
    });
    if (before.requiredScopes === wanted.join(" ")) return wanted;
    await tx.workspace.update({ where: own(scope), data: { requiredScopes: wanted.join(" ") } });
    await recordAudit(
      scope,
      {
        action: "workspace.updated",
        target: { type: "workspace", id: scope.workspaceId },
        details: { changed: "required_scopes", scopes: wanted.join(" ") },
      },
      tx,
    );
    return wanted;
  });
}
