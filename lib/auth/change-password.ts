import "server-only";
import { recordAudit } from "../audit/record";
import { getDb } from "../db";
import { hitRateLimit } from "../db/rate-limit";
import { HashingBusyError } from "./hash-slots";
import type { MemberScope } from "./member";
import { hashPassword, verifyPassword } from "./password";
import { endOtherSessions } from "./sessions";

export type ChangePasswordResult =
  { ok: true; endedSessions: number } | { ok: false; field?: "currentPassword"; message: string };

// A stolen session must not become a way to guess the password it lacks.
const ATTEMPTS = 5;
const WINDOW_MS = 15 * 60 * 1000;

/**
 * Sets a new password after checking the current one, and ends every session of the member,
 * this one included: a copy of this very cookie may be what was stolen. The caller signs the
 * member in again with a new session (the action does).
 */
export async function changePassword(
  member: MemberScope,
  input: { currentPassword: string; newPassword: string },
): Promise<ChangePasswordResult> {
  const limit = await hitRateLimit(`password:user:${member.userId}`, ATTEMPTS, WINDOW_MS);
  if (!limit.allowed) {
    const minutes = Math.ceil(limit.retryAfterSeconds / 60);
    return {
      ok: false,
      message: `Too many attempts. Wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`,
    };
  }
  const db = getDb();
  const user = await db.user.findUniqueOrThrow({
    where: { id: member.userId },
    select: { passwordHash: true },
  });
  try {
    if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
      return { ok: false, field: "currentPassword", message: "That is not your current password." };
    }
    const passwordHash = await hashPassword(input.newPassword);
    await db.user.update({ where: { id: member.userId }, data: { passwordHash } });
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
