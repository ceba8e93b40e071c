import { Secret, TOTP } from "otpauth";
import { describe, expect, it } from "vitest";
import { matchTotpStep, newTotpSecret, totpCodeAt, totpStep, totpUri } from "./totp";

const secret = newTotpSecret();
const now = Date.UTC(2026, 0, 1, 12, 0, 10);
const step = totpStep(now);

describe("TOTP", () => {
  it("is RFC 6238's: SHA-1, 6 digits, 30 s (the RFC's own test vector)", () => {
    // RFC 6238 appendix B: the ASCII secret "12345678901234567890", T = 59 s → 94287082 (8 digits).
    const rfc = Secret.fromUTF8("12345678901234567890").base32;
    expect(totpCodeAt(rfc, totpStep(59_000))).toBe("287082");
    const uri = totpUri(secret, "jo@example.com");
    expect(uri).toMatch(/^otpauth:\/\/totp\/Latch:jo%40example\.com\?/);
    expect(uri).toContain("algorithm=SHA1&digits=6&period=30");
    expect(
      TOTP.validate({
        token: totpCodeAt(secret, step),
        secret: Secret.fromBase32(secret),
        timestamp: now,
      }),
    ).toBe(0);
  });

  it("accepts the current step's code and the steps either side, nothing further", () => {
    for (const delta of [-1, 0, 1]) {
      expect(matchTotpStep(secret, totpCodeAt(secret, step + delta), null, now)).toBe(step + delta);
    }
    for (const delta of [-3, -2, 2, 3]) {
      const code = totpCodeAt(secret, step + delta);
      const nearby = [-1, 0, 1].map((d) => totpCodeAt(secret, step + d));
      if (!nearby.includes(code)) expect(matchTotpStep(secret, code, null, now)).toBeNull();
    }
  });

  it("refuses a code whose step is not after the last one accepted: a code works once", () => {
    const code = totpCodeAt(secret, step);
    expect(matchTotpStep(secret, code, step - 1, now)).toBe(step);
    expect(matchTotpStep(secret, code, step, now)).toBeNull();
    // An older code, still inside the window, after a newer one was accepted:
    expect(matchTotpStep(secret, totpCodeAt(secret, step - 1), step, now)).toBeNull();
  });

  it("refuses a wrong code, another secret's code, and anything but six digits", () => {
    const right = totpCodeAt(secret, step);
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, "0");
    const window = [-1, 0, 1].map((d) => totpCodeAt(secret, step + d));
    if (!window.includes(wrong)) expect(matchTotpStep(secret, wrong, null, now)).toBeNull();
    const other = newTotpSecret();
    const theirs = totpCodeAt(other, step);
    if (!window.includes(theirs)) expect(matchTotpStep(secret, theirs, null, now)).toBeNull();
    for (const junk of ["", "12345", "1234567", "abcdef", `${right}0`, ` ${right.slice(1)}`]) {
      expect(matchTotpStep(secret, junk, null, now)).toBeNull();
    }
    expect(matchTotpStep(secret, `${right.slice(0, 3)} ${right.slice(3)}`, null, now)).toBe(step);
  });
});
