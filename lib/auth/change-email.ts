import "server-only";
import { recordAudit } from "../audit/record";
import { getDb } from "../db";
import { checkCurrentPassword, type PasswordCheck } from "./check-current-password";
import type { MemberScope } from "./member";
import { endOtherSessions } from "./sessions";

export type ChangeEmailResult =
  | { ok: true; email: string; endedSessions: number }
  | Extract<PasswordCheck, { ok: false }>
  | { ok: false; field: "newEmail"; message: string };

/**
 * Changes the e-mail a member signs in with, after the current password, and signs out every
 * other session (this one stays). Recorded in each of the member's workspaces.
 */
export async function changeEmail(
  member: MemberScope,
  input: { newEmail: string; currentPassword: string },
): Promise<ChangeEmailResult> {
  const email = input.newEmail.trim().toLowerCase();
  if (email === member.email) {
    return { ok: false, field: "newEmail", message: `${email} is already your e-mail.` };
  }
  const check = await checkCurrentPassword(member.userId, input.currentPassword);
  if (!check.ok) return check;
  const taken = {
    ok: false,
    field: "newEmail",
    message: `${email} belongs to another account.`,
  } as const;
  const db = getDb();
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) return taken;
  let workspaceIds: string[];
  try {
    const user = await db.user.update({
      where: { id: member.userId },
      data: { email },
      select: { memberships: { select: { workspaceId: true } } },
    });
    workspaceIds = user.memberships.map((membership) => membership.workspaceId);
  } catch (error) {
    // Taken between the check and the write (P2002: unique constraint; the PostgreSQL client
    // has its own error class, so the code is what both share).
    if ((error as { code?: unknown }).code === "P2002") return taken;
    throw error;
  }
  const endedSessions = await endOtherSessions(member.userId, member.sessionId);
  const actor = { type: "member", id: member.userId, label: email } as const;
  await Promise.all(
    workspaceIds.map((workspaceId) =>
      recordAudit(
        { workspaceId, actor, ip: member.ip },
        {
          action: "member.email_changed",
          target: { type: "member", id: member.userId },
          details: { from: member.email, to: email, endedSessions },
        },
      ),
    ),
  );
  return { ok: true, email, endedSessions };
}
