import "server-only";
import { getDb } from "../../db";
import { qrCodeSvg } from "./qr-code";
import { countUnusedRecoveryCodes } from "./recovery-codes";
import { totpUri } from "./totp";
import { openTotpSecret } from "./totp-secret";

export type TwoFactorStatus =
  | { state: "off" }
  /** Turn on was pressed: the secret to scan or type, until a code from it is confirmed. */
  | { state: "pending"; secret: string; qrSvg: string }
  | { state: "on"; enabledAt: Date; recoveryCodesLeft: number };

/** What the Account page shows of the member's two-factor authentication. */
export async function getTwoFactorStatus(userId: string, email: string): Promise<TwoFactorStatus> {
  const user = await getDb().user.findUniqueOrThrow({
    where: { id: userId },
    select: { totpSecretSealed: true, totpEnabledAt: true },
  });
  if (user.totpEnabledAt) {
    return {
      state: "on",
      enabledAt: user.totpEnabledAt,
      recoveryCodesLeft: await countUnusedRecoveryCodes(userId),
    };
  }
  if (!user.totpSecretSealed) return { state: "off" };
  const secret = openTotpSecret(userId, user.totpSecretSealed);
  return { state: "pending", secret, qrSvg: await qrCodeSvg(totpUri(secret, email)) };
}
