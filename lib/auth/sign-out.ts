import "server-only";
import { recordAudit } from "../audit/record";
import { getDb } from "../db";

/** Records a sign-out in the workspace the member was working in (the session is gone by now). */
export async function recordSignOut(
  ended: { userId?: string; workspaceId?: string },
  ip: string | null,
): Promise<void> {
  if (!ended.userId || !ended.workspaceId) return;
  const membership = await getDb().membership.findUnique({
    where: { userId_workspaceId: { userId: ended.userId, workspaceId: ended.workspaceId } },
    select: { user: { select: { email: true } } },
  });
  if (!membership) return;
  await recordAudit(
    {
      workspaceId: ended.workspaceId,
      actor: { type: "member", id: ended.userId, label: membership.user.email },
      ip,
    },
    { action: "member.signed_out" },
  );
}
