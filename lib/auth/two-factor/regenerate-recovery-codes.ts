import "server-only";
import { recordAudit } from "../../audit/record";
import { getDb } from "../../db";
import type { MemberScope } from "../member";
import { checkCurrentPassword, passwordRefusal } from "../check-current-password";
import { issueRecoveryCodes } from "./recovery-codes";

export type RegenerateRecoveryCodesResult =
  { ok: true; recoveryCodes: string[] } | { ok: false; field?: "password"; message: string };

/** New recovery codes after the current password; every earlier code stops working. */
export async function regenerateRecoveryCodes(
  member: MemberScope,
  password: string,
): Promise<RegenerateRecoveryCodesResult> {
  const checked = await checkCurrentPassword(member.userId, password);
  if (!checked.ok) return passwordRefusal(checked);
  const recoveryCodes = await getDb().$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({
      where: { id: member.userId },
      select: { totpEnabledAt: true },
    });
    if (!user.totpEnabledAt) return null;
    const codes = await issueRecoveryCodes(tx, member.userId);
    await recordAudit(member, { action: "member.recovery_codes_regenerated" }, tx);
    return codes;
  });
  if (!recoveryCodes) return { ok: false, message: "Turn two-factor on first." };
  return { ok: true, recoveryCodes };
}
