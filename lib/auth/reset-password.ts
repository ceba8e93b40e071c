import "server-only";
import { recordAudit } from "../audit/record";
import { getDb } from "../db";
import { linkTokenHash, RESET_TOKEN_PREFIX } from "../members/one-time-link";
import { RESET_INVALID } from "./find-password-reset";
import { HashingBusyError } from "./hash-slots";
import { hashPassword } from "./password";

export type ResetPasswordResult =
  { ok: true; email: string; endedSessions: number } | { ok: false; message: string };

/**
 * Sets a new password with a reset link, spending it, and ends every session of the account:
 * whoever had the old password is out. Two-factor, if on, still applies at the next sign-in
 * (the link replaces only the password), so the member signs in afresh rather than here.
 */
export async function resetPassword(
  input: { token: string; password: string },
  ip: string | null,
  now = new Date(),
): Promise<ResetPasswordResult> {
  const tokenHash = linkTokenHash(input.token, RESET_TOKEN_PREFIX);
  if (!tokenHash) return { ok: false, message: RESET_INVALID };
  const db = getDb();
  const live = await db.passwordReset.findUnique({ where: { tokenHash } });
  if (!live || live.expiresAt <= now) return { ok: false, message: RESET_INVALID };
  let passwordHash: string;
  try {
    passwordHash = await hashPassword(input.password);
  } catch (error) {
    if (!(error instanceof HashingBusyError)) throw error;
    return {
      ok: false,
      message: "Latch is busy. Nothing was changed; try again in a few seconds.",
    };
  }
  return db.$transaction(async (tx) => {
    const spent = await tx.passwordReset.deleteMany({
      where: { tokenHash, expiresAt: { gt: now } },
    });
    if (spent.count !== 1) return { ok: false, message: RESET_INVALID } as const;
    const user = await tx.user.update({
      where: { id: live.userId },
      data: { passwordHash },
      select: { id: true, email: true, memberships: { select: { workspaceId: true } } },
    });
    const { count } = await tx.session.deleteMany({ where: { userId: user.id } });
    const actor = { type: "member", id: user.id, label: user.email } as const;
    for (const { workspaceId } of user.memberships) {
      await recordAudit(
        { workspaceId, actor, ip },
        {
          action: "member.password_reset",
          target: { type: "member", id: user.id },
          details: { endedSessions: count },
        },
        tx,
      );
    }
    return { ok: true, email: user.email, endedSessions: count } as const;
  });
}
