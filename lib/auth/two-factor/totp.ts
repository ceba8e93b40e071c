import "server-only";
import { timingSafeEqual } from "node:crypto";
import { Secret, TOTP } from "otpauth";

/** RFC 6238 as every authenticator app does it by default: SHA-1, 6 digits, 30-second steps. */
const PERIOD_SECONDS = 30;
const DIGITS = 6;
/** A code from the step before or after the current one still counts: clocks drift. */
const DRIFT_STEPS = 1;

function totpFor(secret: string, label = "") {
  return new TOTP({
    issuer: "Latch",
    label,
    algorithm: "SHA1",
    digits: DIGITS,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(secret),
  });
}

/** A new shared secret (160 bits, RFC 4226's recommendation), base32 as apps expect it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI a QR code carries, naming Latch and the member's e-mail. */
export function totpUri(secret: string, email: string): string {
  return totpFor(secret, email).toString();
}

/** The 30-second step a moment falls in (the number TOTP counts). */
export function totpStep(now = Date.now()): number {
  return Math.floor(now / 1000 / PERIOD_SECONDS);
}

/** The code for one step (tests use it to play the authenticator app). */
export function totpCodeAt(secret: string, step: number): string {
  return totpFor(secret).generate({ timestamp: step * PERIOD_SECONDS * 1000 });
}

/** "123 456" and "123456" are the same code; anything but six digits is none. */
export function normaliseTotpCode(input: string): string | null {
  const code = input.replace(/\s+/g, "");
  return new RegExp(`^\\d{${DIGITS}}$`).test(code) ? code : null;
}

/**
 * The step whose code `input` is, among the current step ±1, provided it is later than
 * `lastStep` (the last one accepted: a code works once). Every candidate is compared in constant
 * time, and all of them always, so the answer's timing tells nothing about which one was close.
 */
export function matchTotpStep(
  secret: string,
  input: string,
  lastStep: number | null,
  now = Date.now(),
): number | null {
  const code = normaliseTotpCode(input);
  if (!code) return null;
  const given = Buffer.from(code);
  const current = totpStep(now);
  let matched: number | null = null;
  for (let step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
    const same = timingSafeEqual(given, Buffer.from(totpCodeAt(secret, step)));
    if (same && (lastStep === null || step > lastStep)) matched = step;
  }
  return matched;
}
