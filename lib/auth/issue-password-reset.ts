import "server-only";
import { getDb } from "../db";
import { getEnv } from "../env";
import { newLinkToken, RESET_TOKEN_PREFIX } from "../members/one-time-link";

export const RESET_LIFETIME_MS = 60 * 60 * 1000;

/**
 * A one-time link `{PUBLIC_URL}/reset/{token}` where the account's password is set anew, valid
 * for an hour (the operator's `npm run latch -- reset-password`, or an admin for a member). A
 * new link replaces the account's earlier ones.
 */
export async function issuePasswordReset(
  userId: string,
  now = new Date(),
): Promise<{ link: string; expiresAt: Date }> {
  const { token, tokenHash } = newLinkToken(RESET_TOKEN_PREFIX);
  const expiresAt = new Date(now.getTime() + RESET_LIFETIME_MS);
  await getDb().$transaction([
    getDb().passwordReset.deleteMany({ where: { userId } }),
    getDb().passwordReset.create({ data: { tokenHash, userId, createdAt: now, expiresAt } }),
  ]);
  return { link: `${getEnv().PUBLIC_URL}/reset/${token}`, expiresAt };
}
