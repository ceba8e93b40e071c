import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { getEnv } from "../env";

/**
 * OWASP's device cookies ("Slow Down Online Guessing Attacks with Device Cookies"): a browser
 * that once signed in to an account gets a cookie naming that account, signed with the session
 * secret. Sign-in attempts from such a browser are limited per cookie, apart from everyone
 * else's, so an attacker guessing an admin's password from elsewhere cannot lock the admin out
 * of their own browser.
 */
export const DEVICE_COOKIE = "latch_device";
export const DEVICE_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

function signature(email: string, nonce: string): string {
  return createHmac("sha256", getEnv().SESSION_SECRET)
    .update(`latch-device\0${email}\0${nonce}`)
    .digest("base64url");
}

/** A new device cookie value for a browser that just signed in as `email` (lower-cased). */
export function newDeviceToken(email: string): string {
  const nonce = randomBytes(16).toString("base64url");
  return `${nonce}.${signature(email, nonce)}`;
}

/**
 * The cookie's nonce when it is a genuine device cookie for `email`, else null (absent, forged,
 * or issued for another account).
 */
export function deviceNonceFor(token: string | undefined | null, email: string): string | null {
  const [nonce, mac, ...rest] = (token ?? "").split(".");
  if (!nonce || !mac || rest.length || !/^[\w-]{22}$/.test(nonce)) return null;
  const expected = Buffer.from(signature(email, nonce));
  const actual = Buffer.from(mac);
  return actual.length === expected.length && timingSafeEqual(actual, expected) ? nonce : null;
}
