import "server-only";
import { recordAudit } from "../audit/record";
import { HashingBusyError } from "../auth/hash-slots";
import { checkCurrentPassword } from "../auth/check-current-password";
import { hashPassword } from "../auth/password";
import { getDb } from "../db";
import { hitRateLimit } from "../db/rate-limit";
import { newId } from "../ids";
import { findOpenInvite, INVITE_INVALID } from "./find-invite";

export type AcceptInviteResult =
  | { ok: true; userId: string; workspaceId: string; twoFactor: boolean }
  | { ok: false; field?: "password"; message: string };

// Guesses at an existing account's password through its invite link are counted per invite.
const ATTEMPTS = 5;
const WINDOW_MS = 15 * 60 * 1000;
const BUSY = "Latch is busy. Nothing was changed; try again in a few seconds.";

/**
 * Joins the workspace with an invite link. A new e-mail gets an account with the password
 * chosen here; an e-mail that has an account joins with that account's password (so a link
 * cannot add a membership to someone else's account). The link is spent in the same
 * transaction that adds the membership: two submits at once make one member. An account with
 * two-factor on is not signed in here (the link proves the password only): it signs in next.
 */
export async function acceptInvite(
  input: { token: string; password: string },
  ip: string | null,
  now = new Date(),
): Promise<AcceptInviteResult> {
  const invite = await findOpenInvite(input.token, now);
  if (!invite) return { ok: false, message: INVITE_INVALID };
  const limit = await hitRateLimit(`invite:${invite.id}`, ATTEMPTS, WINDOW_MS);
  if (!limit.allowed) {
    const minutes = Math.ceil(limit.retryAfterSeconds / 60);
    return {
      ok: false,
      message: `Too many attempts. Wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`,
    };
  }
  const db = getDb();
  const account = await db.user.findUnique({
    where: { email: invite.email },
    select: { id: true, totpEnabledAt: true },
  });
  let passwordHash: string | null = null;
  if (account) {
    // Counted against the account as well, on the counter every password check shares, so
    // inviting an e-mail again and again is no way round the limits of a guess at its password.
    const check = await checkCurrentPassword(account.id, input.password);
    if (!check.ok) {
      return check.field
        ? {
            ok: false,
            field: "password",
            message: `That is not the password of the Latch account for ${invite.email}.`,
          }
        : { ok: false, message: check.message };
    }
  } else {
    try {
      passwordHash = await hashPassword(input.password);
    } catch (error) {
      if (!(error instanceof HashingBusyError)) throw error;
      return { ok: false, message: BUSY };
    }
  }

  return db.$transaction(async (tx) => {
    const spent = await tx.invite.updateMany({
      where: { id: invite.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { acceptedAt: now },
    });
    if (spent.count !== 1) return { ok: false, message: INVITE_INVALID } as const;
    const userId = account?.id ?? newId("usr");
    if (!account) {
      await tx.user.create({
        data: { id: userId, email: invite.email, passwordHash: passwordHash! },
      });
    }
    await tx.membership.upsert({
      where: { userId_workspaceId: { userId, workspaceId: invite.workspaceId } },
      create: { userId, workspaceId: invite.workspaceId, role: invite.role, createdAt: now },
      update: {},
    });
    // A new membership changes who may reset this account's password: earlier links go.
    await tx.passwordReset.deleteMany({ where: { userId } });
    await recordAudit(
      {
        workspaceId: invite.workspaceId,
        actor: { type: "member", id: userId, label: invite.email },
        ip,
      },
      {
        action: "member.joined",
        target: { type: "member", id: userId },
        details: { role: invite.role, inviteId: invite.id, newAccount: !account },
      },
      tx,
    );
    return {
      ok: true,
      userId,
      workspaceId: invite.workspaceId,
      twoFactor: Boolean(account?.totpEnabledAt),
    } as const;
  });
}
