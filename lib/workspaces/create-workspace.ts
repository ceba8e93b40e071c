import "server-only";
import { recordAudit } from "../audit/record";
import type { WorkspaceScope } from "../scope";
import { getDb } from "../db";
import { newId } from "../ids";

/** A new workspace with the user as its admin; answers its id. */
export async function createWorkspace(
  userId: string,
  name: string,
  ip: string | null,
): Promise<string> {
  return getDb().$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({
      where: { id: userId },
      select: { email: true },
    });
    const workspace = await tx.workspace.create({
      data: {
        id: newId("ws"),
        name,
        memberships: { create: { userId, role: "admin" } },
      },
      select: { id: true },
    });
    const scope: WorkspaceScope = {
      workspaceId: workspace.id,
      actor: { type: "member", id: userId, label: user.email },
      ip,
    };
    await recordAudit(
      scope,
      {
        action: "workspace.created",
        target: { type: "workspace", id: workspace.id },
        details: { name },
      },
      tx,
    );
    return workspace.id;
  });
}
