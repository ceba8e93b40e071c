import "server-only";
import { recordAudit } from "../audit/record";
import type { MemberScope } from "../auth/member";
import { getDb } from "../db";
import { isLastAdmin, LAST_ADMIN } from "./last-admin";
import type { Role } from "./roles";
import { afterRightsChange } from "./rights-changed";

export type MemberChangeResult = { ok: true; email: string } | { ok: false; message: string };

export const NOT_A_MEMBER = "That person is no longer a member of this workspace.";

/**
 * Gives a member another role. It takes effect on their next request: every dashboard request
 * reads the role (lib/auth/member.ts). The last admin keeps the role.
 */
export async function changeMemberRole(
  admin: MemberScope,
  input: { userId: string; role: Role },
): Promise<MemberChangeResult> {
  return getDb().$transaction(async (tx) => {
    const membership = await tx.membership.findUnique({
      where: { userId_workspaceId: { userId: input.userId, workspaceId: admin.workspaceId } },
      select: { role: true, user: { select: { email: true } } },
    });
    if (!membership) return { ok: false, message: NOT_A_MEMBER } as const;
    const email = membership.user.email;
    if (membership.role === input.role) return { ok: true, email } as const;
    if (input.role !== "admin" && (await isLastAdmin(tx, admin.workspaceId, input.userId))) {
      return { ok: false, message: LAST_ADMIN } as const;
    }
    await tx.membership.update({
      where: { userId_workspaceId: { userId: input.userId, workspaceId: admin.workspaceId } },
      data: { role: input.role },
    });
    await afterRightsChange(tx, admin.workspaceId, input.userId, input.role);
    await recordAudit(
      admin,
      {
        action: "member.role_changed",
        target: { type: "member", id: input.userId },
        details: { email, from: membership.role, to: input.role },
      },
      tx,
    );
    return { ok: true, email } as const;
  });
}
