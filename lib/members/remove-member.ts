import "server-only";
import { recordAudit } from "../audit/record";
import type { MemberScope } from "../auth/member";
import { getDb } from "../db";
import { NOT_A_MEMBER, type MemberChangeResult } from "./change-member-role";
import { isLastAdmin, LAST_ADMIN } from "./last-admin";
import { afterRightsChange } from "./rights-changed";

/**
 * Takes a member out of the workspace and ends all their sessions at once, wherever they are
 * signed in: a session names its workspace only in the cookie, and one left pointing at a
 * workspace its member has left would bounce between the dashboard and /login. They sign in
 * again into the workspaces they still belong to. The last admin stays.
 */
export async function removeMember(
  admin: MemberScope,
  userId: string,
): Promise<MemberChangeResult & { endedSessions?: number }> {
  return getDb().$transaction(async (tx) => {
    const where = { userId_workspaceId: { userId, workspaceId: admin.workspaceId } };
    const membership = await tx.membership.findUnique({
      where,
      select: { role: true, user: { select: { email: true } } },
    });
    if (!membership) return { ok: false, message: NOT_A_MEMBER } as const;
    if (membership.role === "admin" && (await isLastAdmin(tx, admin.workspaceId, userId))) {
      return { ok: false, message: LAST_ADMIN } as const;
    }
    await tx.membership.delete({ where });
    await afterRightsChange(tx, admin.workspaceId, userId, null);
    const { count } = await tx.session.deleteMany({ where: { userId } });
    const email = membership.user.email;
    await recordAudit(
      admin,
      {
        action: "member.removed",
        target: { type: "member", id: userId },
        details: { email, role: membership.role, endedSessions: count },
      },
      tx,
    );
    return { ok: true, email, endedSessions: count } as const;
  });
}
