import "server-only";
import { recordAudit } from "../audit/record";
import type { WorkspaceScope } from "../scope";
import { getDb } from "../db";
import { originListSchema, own, parseOrigins } from "./internal/workspace-row";

/** Replaces the origins that may embed the connect form; answers the list as stored. */
export async function setAllowedOrigins(
  scope: WorkspaceScope,
  origins: string[],
): Promise<string[]> {
  const wanted = [...new Set(originListSchema.parse(origins))];
  return getDb().$transaction(async (tx) => {
    const before = await tx.workspace.findUniqueOrThrow({
      where: own(scope),
      select: { allowedOrigins: true },
    });
    const previous = parseOrigins(before.allowedOrigins);
    const added = wanted.filter((origin) => !previous.includes(origin));
    const removed = previous.filter((origin) => !wanted.includes(origin));
    // The same origins in another order change nothing a browser would notice.
    if (!added.length && !removed.length) return previous;
    await tx.workspace.update({
      where: own(scope),
      data: { allowedOrigins: JSON.stringify(wanted) },
    });
    await recordAudit(
      scope,
      {
        action: "workspace.updated",
        target: { type: "workspace", id: scope.workspaceId },
        details: {
          changed: "allowed_origins",
          added: added.join(" "),
          removed: removed.join(" "),
          count: wanted.length,
        },
      },
      tx,
    );
    return wanted;
  });
}
