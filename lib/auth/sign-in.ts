import "server-only";
import { recordAudit } from "../audit/record";
import { getDb } from "../db";
import { sha256 } from "../ids";
import { clearRateLimit, hitRateLimit, peekRateLimit } from "../rate-limit";
import { hashPassword, verifyPassword } from "./password";

const WINDOW_MS = 15 * 60 * 1000;
const PER_EMAIL = 5;
const PER_IP = 20;

export type SignInResult =
  | { ok: true; userId: string; workspaceId: string }
  | { ok: false; message: string; retryAfterSeconds?: number };

const WRONG = "That e-mail and password do not match. Check both and try again.";

// Verifying against a real hash when the e-mail is unknown keeps the timing alike, so the
// answer's speed does not tell whether an account exists.
let decoyHash: Promise<string> | undefined;

/**
 * Checks a member's e-mail and password. Attempts are limited per e-mail and per IP in the
 * database; the messages never say whether the e-mail exists.
 */
export async function signIn(
  email: string,
  password: string,
  ip: string | null,
): Promise<SignInResult> {
  const normalized = email.trim().toLowerCase();
  const keys = [`signin:email:${sha256(normalized)}`, ...(ip ? [`signin:ip:${sha256(ip)}`] : [])];
  const limitOf = (i: number) => (i === 0 ? PER_EMAIL : PER_IP);
  // Only failures count, so an office signing in from one address does not lock itself out.
  const limits = await Promise.all(keys.map((key, i) => peekRateLimit(key, limitOf(i), WINDOW_MS)));
  const blocked = limits.find((limit) => !limit.allowed);
  if (blocked && !blocked.allowed) {
    const minutes = Math.ceil(blocked.retryAfterSeconds / 60);
    return {
      ok: false,
      retryAfterSeconds: blocked.retryAfterSeconds,
      message: `Too many sign-in attempts. Wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`,
    };
  }

  const db = getDb();
  const user = await db.user.findUnique({
    where: { email: normalized },
    omit: { passwordHash: false },
    include: { memberships: { orderBy: { createdAt: "asc" }, take: 1 } },
  });
  decoyHash ??= hashPassword("decoy password for unknown e-mails");
  const valid = await verifyPassword(password, user?.passwordHash ?? (await decoyHash));
  const membership = user?.memberships[0];
  if (!user || !valid || !membership) {
    await Promise.all(keys.map((key, i) => hitRateLimit(key, limitOf(i), WINDOW_MS)));
    return { ok: false, message: WRONG };
  }

  await clearRateLimit(keys[0]!);
  await recordAudit(
    {
      workspaceId: membership.workspaceId,
      actor: { type: "member", id: user.id, label: user.email },
      ip,
    },
    { action: "member.signed_in" },
  );
  return { ok: true, userId: user.id, workspaceId: membership.workspaceId };
}
