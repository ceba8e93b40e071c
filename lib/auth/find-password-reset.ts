import "server-only";
import { getDb } from "../db";
import { linkTokenHash, RESET_TOKEN_PREFIX } from "../members/one-time-link";

export const RESET_INVALID =
  "This reset link does not work: it was used already, replaced by a newer one, or is older than an hour. Ask an admin of your workspace, or the operator, for a new one.";

/** The account a live reset link is for (its e-mail, for the page), or null. */
export async function findPasswordReset(
  token: string | null | undefined,
  now = new Date(),
): Promise<{ userId: string; email: string } | null> {
  const tokenHash = linkTokenHash(token, RESET_TOKEN_PREFIX);
  if (!tokenHash) return null;
  const reset = await getDb().passwordReset.findUnique({
    where: { tokenHash },
    select: { expiresAt: true, user: { select: { id: true, email: true } } },
  });
  if (!reset || reset.expiresAt <= now) return null;
  return { userId: reset.user.id, email: reset.user.email };
}
