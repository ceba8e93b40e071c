import "server-only";
import { recordAudit } from "../../audit/record";
import { getDb } from "../../db";
import type { MemberScope } from "../member";
import { checkCurrentPassword, passwordRefusal } from "../check-current-password";

export type DisableTwoFactorResult =
  { ok: true } | { ok: false; field?: "password"; message: string };

/** Turns two-factor off after the current password: the secret and every recovery code go. */
export async function disableTwoFactor(
  member: MemberScope,
  password: string,
): Promise<DisableTwoFactorResult> {
  const checked = await checkCurrentPassword(member.userId, password);
  if (!checked.ok) return passwordRefusal(checked);
  const turnedOff = await getDb().$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: member.userId, totpEnabledAt: { not: null } },
      data: { totpSecretSealed: null, totpEnabledAt: null, totpLastStep: null },
    });
    if (count !== 1) return false;
    await tx.recoveryCode.deleteMany({ where: { userId: member.userId } });
    await recordAudit(member, { action: "member.two_factor_disabled" }, tx);
    return true;
  });
  return turnedOff ? { ok: true } : { ok: false, message: "Two-factor is already off." };
}
