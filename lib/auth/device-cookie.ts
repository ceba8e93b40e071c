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

/**
 * Which account a cookie is for: its e-mail and its current password hash, so changing the
 * password voids every device cookie issued before (someone who once knew the password cannot
 * keep a stock of them for more guesses).
 */
export type DeviceAccount = { email: string; passwordHash: string };

function signature(account: DeviceAccount, nonce: string): string {
  return createHmac("sha256", getEnv().SESSION_SECRET)
    .update(`latch-device\0${account.email}\0${account.passwordHash}\0${nonce}`)
    .digest("base64url");
}

/** A new device cookie value for a browser that just signed in to `account`. */
export function newDeviceToken(account: DeviceAccount): string {
  const nonce = randomBytes(16).toString("base64url");
  return `${nonce}.${signature(account, nonce)}`;
}

/**
 * The cookie's nonce when it is a genuine device cookie for `account`, else null (absent,
 * forged, issued for another account, or from before a password change).
 */
export function deviceNonceFor(
  token: string | undefined | null,
  account: DeviceAccount | null,
): string | null {
  const [nonce, mac, ...rest] = (token ?? "").split(".");
  if (!account || !nonce || !mac || rest.length || !/^[\w-]{22}$/.test(nonce)) return null;
  const expected = Buffer.from(signature(account, nonce));
  const actual = Buffer.from(mac);
  return actual.length === expected.length && timingSafeEqual(actual, expected) ? nonce : null;
}
