import "server-only";
import { recordAudit } from "../../audit/record";
import { getDb } from "../../db";
import { checkCurrentPassword, passwordRefusal } from "../check-current-password";
import type { MemberScope } from "../member";
import { issueRecoveryCodes } from "./recovery-codes";
import { matchTotpStep } from "./totp";
import { openTotpSecret } from "./totp-secret";

export type ConfirmTwoFactorResult =
  | { ok: true; recoveryCodes: string[] }
  | { ok: false; field?: "code" | "password"; message: string };

export const WRONG_SETUP_CODE =
  "That code does not match. Enter the 6 digits your app shows now; if it keeps failing, set your phone's clock to update automatically.";

/**
 * Turns two-factor on once the member proves their app has the secret (a right code from it)
 * and that they are the account's owner (its password): a stolen session alone must not be
 * able to put its own authenticator between the owner and their account.
 * The switch, the first recovery codes and the audit event land in one transaction, and only
 * while the secret is still the one that was checked (a second tab pressing Turn on meanwhile
 * replaced it, and this code is then for nothing).
 */
export async function confirmTwoFactor(
  member: MemberScope,
  input: { code: string; password: string },
): Promise<ConfirmTwoFactorResult> {
  const { code } = input;
  const check = await checkCurrentPassword(member.userId, input.password);
  if (!check.ok) return passwordRefusal(check);
  const db = getDb();
  const user = await db.user.findUniqueOrThrow({
    where: { id: member.userId },
    select: { totpSecretSealed: true, totpEnabledAt: true, totpLastStep: true },
  });
  if (user.totpEnabledAt) return { ok: false, message: "Two-factor is already on." };
  if (!user.totpSecretSealed) {
    return { ok: false, message: "Press Turn on first, then enter the code your app shows." };
  }
  const secret = openTotpSecret(member.userId, user.totpSecretSealed);
  const step = matchTotpStep(secret, code, user.totpLastStep);
  if (step === null) return { ok: false, field: "code", message: WRONG_SETUP_CODE };

  const recoveryCodes = await db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: member.userId, totpEnabledAt: null, totpSecretSealed: user.totpSecretSealed },
      data: { totpEnabledAt: new Date(), totpLastStep: step },
    });
    if (count !== 1) return null;
    const codes = await issueRecoveryCodes(tx, member.userId);
    await recordAudit(member, { action: "member.two_factor_enabled" }, tx);
    return codes;
  });
  if (!recoveryCodes) {
    return {
      ok: false,
      message: "The setup changed in another tab. Reload the page and try again.",
    };
  }
  return { ok: true, recoveryCodes };
}
