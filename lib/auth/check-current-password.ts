import "server-only";
import { getDb } from "../db";
import { hitRateLimit } from "../db/rate-limit";
import { HashingBusyError } from "./hash-slots";
import { verifyPassword } from "./password";

// A stolen session must not become a way to guess the password it lacks.
const ATTEMPTS = 5;
const WINDOW_MS = 15 * 60 * 1000;

export type PasswordCheck =
  { ok: true; passwordHash: string } | { ok: false; field?: "currentPassword"; message: string };

/**
 * The current password, asked before an account change (password, e-mail, two-factor): counted
 * per account before it is hashed, 5 tries per 15 minutes.
 */
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
    if (!(await verifyPassword(password, user.passwordHash))) {
      return { ok: false, field: "currentPassword", message: "That is not your current password." };
    }
  } catch (error) {
    if (!(error instanceof HashingBusyError)) throw error;
    return {
      ok: false,
      message: "Latch is busy. Nothing was changed; try again in a few seconds.",
    };
  }
  return { ok: true, passwordHash: user.passwordHash };
}

/** A refused check as an account change answers it: a wrong password lands on its field. */
export function passwordRefusal(check: Extract<PasswordCheck, { ok: false }>): {
  ok: false;
  field?: "password";
  message: string;
} {
  return check.field
    ? { ok: false, field: "password", message: check.message }
    : { ok: false, message: check.message };
}
