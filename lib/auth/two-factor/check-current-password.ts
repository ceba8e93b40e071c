import "server-only";
import { getDb } from "../../db";
import { hitRateLimit } from "../../db/rate-limit";
import { HashingBusyError } from "../hash-slots";
import { verifyPassword } from "../password";

export type PasswordCheck = { ok: true } | { ok: false; wrongPassword?: true; message: string };

// The same counter as a password change (lib/auth/change-password.ts): however a stolen session
// asks, it gets 5 guesses at the password it lacks per 15 minutes, not 5 per form.
const ATTEMPTS = 5;
const WINDOW_MS = 15 * 60 * 1000;

/** For changes that a stolen session alone must not make: turning two-factor off, new codes. */
export async function checkCurrentPassword(
  userId: string,
  password: string,
): Promise<PasswordCheck> {
  const limit = await hitRateLimit(`password:user:${userId}`, ATTEMPTS, WINDOW_MS);
  if (!limit.allowed) {
    const minutes = Math.ceil(limit.retryAfterSeconds / 60);
    return {
      ok: false,
      message: `Too many attempts. Wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`,
    };
  }
  const user = await getDb().user.findUniqueOrThrow({
    where: { id: userId },
    select: { passwordHash: true },
  });
  try {
    if (await verifyPassword(password, user.passwordHash)) return { ok: true };
    return { ok: false, wrongPassword: true, message: "That is not your current password." };
  } catch (error) {
    if (!(error instanceof HashingBusyError)) throw error;
    return {
      ok: false,
      message: "Latch is busy. Nothing was changed; try again in a few seconds.",
    };
  }
}
