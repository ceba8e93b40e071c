import "server-only";
import { recordAudit } from "../audit/record";
import { getDb } from "../db";
import { checkCurrentPassword, type PasswordCheck } from "./check-current-password";
import { HashingBusyError } from "./hash-slots";
import type { MemberScope } from "./member";
import { hashPassword } from "./password";
import { endOtherSessions } from "./sessions";

export type ChangePasswordResult =
  { ok: true; endedSessions: number } | Extract<PasswordCheck, { ok: false }>;

/**
 * Sets a new password after checking the current one, and ends every session of the member,
 * this one included: a copy of this very cookie may be what was stolen. The caller signs the
 * member in again with a new session (the action does).
 */
export async function changePassword(
  member: MemberScope,
  input: { currentPassword: string; newPassword: string },
): Promise<ChangePasswordResult> {
  const check = await checkCurrentPassword(member.userId, input.currentPassword);
  if (!check.ok) return check;
  try {
    const passwordHash = await hashPassword(input.newPassword);
    await getDb().user.update({ where: { id: member.userId }, data: { passwordHash } });
  } catch (error) {
    if (!(error instanceof HashingBusyError)) throw error;
    return {
      ok: false,
      message: "Latch is busy. Nothing was changed; try again in a few seconds.",
    };
  }
  // Every session but the one about to replace this one was someone else's.
  const endedSessions = (await endOtherSessions(member.userId)) - 1;
  await recordAudit(member, { action: "member.password_changed", details: { endedSessions } });
  return { ok: true, endedSessions };
}
