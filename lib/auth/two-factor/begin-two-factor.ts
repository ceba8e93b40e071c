import "server-only";
import { getDb } from "../../db";
import type { MemberScope } from "../member";
import { newTotpSecret } from "./totp";
import { sealTotpSecret } from "./totp-secret";

export type BeginTwoFactorResult = { ok: true } | { ok: false; message: string };

/**
 * "Turn on": stores a fresh secret, sealed, for the member to scan. Two-factor is not on until
 * a code from it is confirmed (confirm-two-factor.ts); pressing Turn on again replaces a secret
 * not yet confirmed, never one in use.
 */
export async function beginTwoFactor(member: MemberScope): Promise<BeginTwoFactorResult> {
  const sealed = sealTotpSecret(member.userId, newTotpSecret());
  const { count } = await getDb().user.updateMany({
    where: { id: member.userId, totpEnabledAt: null },
    data: { totpSecretSealed: sealed, totpLastStep: null },
  });
  return count === 1 ? { ok: true } : { ok: false, message: "Two-factor is already on." };
}
