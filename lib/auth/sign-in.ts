import "server-only";
import { getDb } from "../db";
import { sha256 } from "../ids";
import { logger } from "../log";
import { rateLimitSubject } from "../net/cidr";
import {
  clearRateLimit,
  hitRateLimit,
  refundRateLimit,
  type RateLimitResult,
} from "../db/rate-limit";
import { auditAccount as audit } from "./account-audit";
import { deviceNonceFor, newDeviceToken } from "./device-cookie";
import { HashingBusyError } from "./hash-slots";
import { hashPassword, verifyPassword } from "./password";
import { passwordTagOf } from "./two-factor/pending-sign-in";

const WINDOW_MS = 15 * 60 * 1000;

/**
 * Attempts allowed per 15 minutes, after OWASP's authentication guidance: a browser that signed
 * in to the account before (a device cookie) has its own allowance, and all such browsers
 * together one per account; every other browser is limited per account and address, all of
 * them together per account (a guess spread over many addresses), and an address across
 * accounts (an IPv6 address counts by its /64). So an attacker guessing from one place is
 * throttled there, and the account's owner still gets in from their own browser or address.
 */
export const SIGN_IN_LIMITS = {
  device: 5,
  accountDevices: 25,
  accountAddress: 5,
  account: 25,
  address: 20,
} as const;

export type SignInAttempt = {
  email: string;
  password: string;
  ip: string | null;
  /** The browser's device cookie, if it has one. */
  deviceToken?: string | null;
};

export type SignInResult =
  | { ok: true; userId: string; workspaceId: string; deviceToken: string }
  /**
   * The password was right and the account has two-factor on: no session yet. The caller keeps
   * this as a pending sign-in (lib/auth/two-factor/pending-sign-in.ts) and asks for the code.
   */
  | {
      ok: false;
      codeNeeded: true;
      userId: string;
      workspaceId: string;
      passwordTag: string;
      deviceToken: string;
      message: string;
    }
  | { ok: false; codeNeeded?: undefined; message: string; retryAfterSeconds?: number };

const WRONG = "That e-mail and password do not match. Check both and try again.";
const CODE_NEEDED = "Enter the code from your authenticator app.";
const BUSY = "Latch is checking many sign-ins right now. Try again in a few seconds.";

// Verifying against a real hash when the e-mail is unknown keeps the timing alike, so the
// answer's speed does not tell whether an account exists.
let decoyHash: Promise<string> | undefined;

type Counter = { key: string; limit: number; kind: keyof typeof SIGN_IN_LIMITS };

/**
 * Checks a member's e-mail and password. Each attempt is counted before the password is
 * hashed, in one atomic statement per counter, so a burst of concurrent guesses gets no more
 * checks than the limit allows. The messages never say whether the e-mail exists.
 */
export async function signIn(attempt: SignInAttempt): Promise<SignInResult> {
  const email = attempt.email.trim().toLowerCase();
  // A read, before anything is counted or hashed: the device cookie is checked against it.
  const user = await getDb().user.findUnique({
    where: { email },
    omit: { passwordHash: false },
    include: { memberships: { orderBy: { createdAt: "asc" }, select: { workspaceId: true } } },
  });
  const nonce = deviceNonceFor(
    attempt.deviceToken,
    user && { email, passwordHash: user.passwordHash },
  );
  const counters = countersFor(email, attempt.ip, nonce);
  const refused = await countAttempt(counters);
  const workspaceIds = user?.memberships.map((membership) => membership.workspaceId) ?? [];
  const trail = { email, ip: attempt.ip, userId: user?.id ?? null, workspaceIds };

  if (refused) {
    // Once per account and window, whichever counter refused: an attack cannot flood the log.
    if (refused.result.firstRefusal && (await firstThrottleOfWindow(email))) {
      await audit(trail, "member.sign_in_throttled", { limit: refused.counter.kind });
    }
    logger.warn({ email, ip: attempt.ip, limit: refused.counter.kind }, "sign-in throttled");
    const minutes = Math.ceil(refused.result.retryAfterSeconds / 60);
    return {
      ok: false,
      retryAfterSeconds: refused.result.retryAfterSeconds,
      message: `Too many sign-in attempts. Wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`,
    };
  }

  let valid: boolean;
  try {
    decoyHash ??= hashPassword("decoy password for unknown e-mails");
    valid = await verifyPassword(attempt.password, user?.passwordHash ?? (await decoyHash));
  } catch (error) {
    if (!(error instanceof HashingBusyError)) throw error;
    await Promise.all(counters.map((counter) => refundRateLimit(counter.key)));
    logger.warn({ email, ip: attempt.ip }, "sign-in refused: password checks saturated");
    return { ok: false, message: BUSY, retryAfterSeconds: 5 };
  }
  const workspaceId = workspaceIds[0];
  if (!user || !valid || !workspaceId) {
    const reason = !user ? "unknown_email" : !valid ? "wrong_password" : "no_workspace";
    // Not awaited: a known e-mail must not answer later than an unknown one.
    void audit(trail, "member.sign_in_failed", { reason }).catch((error: unknown) =>
      logger.error({ err: error }, "could not record a failed sign-in"),
    );
    logger.warn({ email, ip: attempt.ip, reason }, "sign-in failed");
    return { ok: false, message: WRONG };
  }

  // Only failures count: a success takes its own attempt back, and clears its browser's slate.
  await Promise.all(
    counters.map((counter) =>
      counter.kind === "device" || counter.kind === "accountAddress"
        ? clearRateLimit(counter.key)
        : refundRateLimit(counter.key),
    ),
  );
  const deviceToken = nonce
    ? attempt.deviceToken!
    : newDeviceToken({ email, passwordHash: user.passwordHash });
  // The password counters treat this as the right password it is; the code has its own limit
  // (lib/auth/two-factor/verify-second-factor.ts), and member.signed_in waits for the code.
  if (user.totpEnabledAt) {
    return {
      ok: false,
      codeNeeded: true,
      userId: user.id,
      workspaceId,
      passwordTag: passwordTagOf(user.passwordHash),
      deviceToken,
      message: CODE_NEEDED,
    };
  }
  await audit(trail, "member.signed_in", {}, [workspaceId]);
  return { ok: true, userId: user.id, workspaceId, deviceToken };
}

/** Most specific first: a refused attempt is not counted against the wider counters. */
function countersFor(email: string, ip: string | null, nonce: string | null): Counter[] {
  const counter = (kind: Counter["kind"], name: string): Counter => ({
    kind,
    limit: SIGN_IN_LIMITS[kind],
    key: `signin:${kind}:${sha256(name)}`,
  });
  // A known browser is not counted by address: behind an unconfigured proxy every client shares
  // one, and a flood from anyone would otherwise shut the owner out too.
  if (nonce) return [counter("device", nonce), counter("accountDevices", email)];
  const address = ip ? rateLimitSubject(ip) : "unknown";
  return [
    counter("accountAddress", `${email}\0${address}`),
    ...(ip ? [counter("address", address)] : []),
    counter("account", email),
  ];
}

async function firstThrottleOfWindow(email: string): Promise<boolean> {
  return (await hitRateLimit(`signin:throttle-audit:${sha256(email)}`, 1, WINDOW_MS)).allowed;
}

/** Counts the attempt on each counter in turn, stopping at the first that refuses it. */
async function countAttempt(
  counters: Counter[],
): Promise<{ counter: Counter; result: Extract<RateLimitResult, { allowed: false }> } | null> {
  for (const counter of counters) {
    const result = await hitRateLimit(counter.key, counter.limit, WINDOW_MS);
    if (!result.allowed) return { counter, result };
  }
  return null;
}
