import "server-only";
import { getDb } from "../../db";
import { hitRateLimit, refundRateLimit } from "../../db/rate-limit";
import { logger } from "../../log";
import { auditAccount, type AccountTrail } from "../account-audit";
import { passwordTagOf, type PendingSignIn } from "./pending-sign-in";
import { countUnusedRecoveryCodes, redeemRecoveryCode } from "./recovery-codes";
import { matchTotpStep, normaliseTotpCode } from "./totp";
import { openTotpSecret } from "./totp-secret";

/** Code attempts per account per 15 minutes: five guesses at a million codes is nothing. */
export const CODE_ATTEMPTS = 5;
const WINDOW_MS = 15 * 60 * 1000;

export const WRONG_CODE =
  "That code is not right. Enter the 6-digit code your authenticator app shows now, or one of your recovery codes.";
export const START_OVER = "This sign-in has expired. Sign in again with your e-mail and password.";

export type SecondFactorResult =
  | { ok: true; userId: string; workspaceId: string }
  | { ok: false; message: string; startOver?: true; retryAfterSeconds?: number };

type Method = "totp" | "recovery_code";

/**
 * The second step of a sign-in: a TOTP code, or a recovery code. Each attempt is counted per
 * account before the code is checked, in one atomic statement, so concurrent guesses get no
 * more checks than the limit. The caller starts the session only on `ok: true`.
 */
export async function verifySecondFactor(
  pending: PendingSignIn,
  attempt: { code: string; ip: string | null },
): Promise<SecondFactorResult> {
  const user = await getDb().user.findUnique({
    where: { id: pending.userId },
    omit: { passwordHash: false, totpSecretSealed: false },
    include: { memberships: { select: { workspaceId: true } } },
  });
  // A password changed, or two-factor turned off, since the password step: that step is void.
  if (
    !user?.totpEnabledAt ||
    !user.totpSecretSealed ||
    passwordTagOf(user.passwordHash) !== pending.passwordTag
  ) {
    return { ok: false, startOver: true, message: START_OVER };
  }
  const trail: AccountTrail = {
    email: user.email,
    ip: attempt.ip,
    userId: user.id,
    workspaceIds: user.memberships.map((membership) => membership.workspaceId),
  };
  const counter = `signin:code:${user.id}`;
  const limit = await hitRateLimit(counter, CODE_ATTEMPTS, WINDOW_MS);
  if (!limit.allowed) {
    if (limit.firstRefusal)
      await auditAccount(trail, "member.sign_in_throttled", { limit: "code" });
    logger.warn({ email: user.email, ip: attempt.ip, limit: "code" }, "sign-in throttled");
    const minutes = Math.ceil(limit.retryAfterSeconds / 60);
    return {
      ok: false,
      retryAfterSeconds: limit.retryAfterSeconds,
      message: `Too many codes tried. Wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`,
    };
  }

  const method = await acceptCode(user, attempt.code);
  if (!method) {
    await auditAccount(trail, "member.sign_in_failed", { reason: "wrong_code" });
    logger.warn({ email: user.email, ip: attempt.ip, reason: "wrong_code" }, "sign-in failed");
    return { ok: false, message: WRONG_CODE };
  }
  // A right code takes its attempt back: signing in often is no reason to be throttled.
  await refundRateLimit(counter);
  if (method === "recovery_code") {
    const left = await countUnusedRecoveryCodes(user.id);
    await auditAccount(trail, "member.recovery_code_used", { left }, [pending.workspaceId]);
  }
  await auditAccount(trail, "member.signed_in", { second_factor: method }, [pending.workspaceId]);
  return { ok: true, userId: user.id, workspaceId: pending.workspaceId };
}

async function acceptCode(
  user: { id: string; totpSecretSealed: string | null; totpLastStep: number | null },
  code: string,
): Promise<Method | null> {
  if (!normaliseTotpCode(code)) {
    return (await redeemRecoveryCode(user.id, code)) ? "recovery_code" : null;
  }
  const secret = openTotpSecret(user.id, user.totpSecretSealed!);
  const step = matchTotpStep(secret, code, user.totpLastStep);
  if (step === null) return null;
  // Two requests with the same code both matched against the last step read above; moving it
  // forward only from below lets exactly one of them through.
  const { count } = await getDb().user.updateMany({
    where: {
      id: user.id,
      totpEnabledAt: { not: null },
      OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }],
    },
    data: { totpLastStep: step },
  });
  return count === 1 ? "totp" : null;
}
