import "server-only";
import { recordAudit } from "../audit/record";
import { issuePasswordReset } from "../auth/issue-password-reset";
import type { MemberScope } from "../auth/member";
import { getDb } from "../db";
import { administeredWorkspaces, canIssueReset } from "./list-members";

export type IssueMemberResetResult =
  { ok: true; email: string; link: string; expiresAt: Date } | { ok: false; message: string };

/**
 * An admin's reset link for a Member who forgot their password. Refused for admins, for
 * oneself (/account changes one's own password) and for anyone who also belongs to a workspace
 * this admin does not administer: a reset must not become a way into somebody else's workspace.
 */
export async function issueMemberReset(
  admin: MemberScope,
  userId: string,
): Promise<IssueMemberResetResult> {
  const user = await getDb().user.findUnique({
    where: { id: userId },
    select: { email: true, memberships: { select: { workspaceId: true, role: true } } },
  });
  if (!user || !user.memberships.some((m) => m.workspaceId === admin.workspaceId)) {
    return { ok: false, message: "That person is no longer a member of this workspace." };
  }
  if (userId === admin.userId) {
    return { ok: false, message: "Change your own password in Account." };
  }
  if (!canIssueReset(await administeredWorkspaces(admin.userId), user.memberships)) {
    return {
      ok: false,
      message: `${user.email} is an admin, or belongs to a workspace you do not administer: ask the operator to run npm run latch -- reset-password ${user.email}.`,
    };
  }
  const { link, expiresAt } = await issuePasswordReset(userId);
  await recordAudit(admin, {
    action: "member.password_reset_issued",
    target: { type: "member", id: userId },
    details: { email: user.email },
  });
  return { ok: true, email: user.email, link, expiresAt };
}
