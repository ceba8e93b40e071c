import "server-only";
import { englishText } from "../../i18n/localize";
import { rateLimitSubject } from "../../net/cidr";
import { hitRateLimit } from "../../db/rate-limit";
import type { Failure } from "./failures";

export const CONNECT_WINDOW_MS = 15 * 60_000;
/** Attempts per connect link: a person retyping a credential needs a few, a script many. */
export const ATTEMPTS_PER_SESSION = 10;
/** Attempts per client address, across links (an office behind one address shares it). */
export const ATTEMPTS_PER_IP = 60;

/**
 * Counts a connect attempt against its link and its client address (in the database, so the
 * limits hold across instances); the failure to show when either is used up.
 */
export async function countConnectAttempt(
  sessionId: string,
  ip: string | null,
): Promise<Failure | null> {
  const checks = [
    hitRateLimit(`connect:session:${sessionId}`, ATTEMPTS_PER_SESSION, CONNECT_WINDOW_MS),
  ];
  if (ip)
    checks.push(
      hitRateLimit(`connect:ip:${rateLimitSubject(ip)}`, ATTEMPTS_PER_IP, CONNECT_WINDOW_MS),
    );
  const refused = (await Promise.all(checks)).find((result) => !result.allowed);
  if (!refused || refused.allowed) return null;
  const minutes = Math.ceil(refused.retryAfterSeconds / 60);
  return {
    code: "rate_limited",
    message: englishText("failures.rate_limited", { minutes }),
    params: { minutes },
  };
}
