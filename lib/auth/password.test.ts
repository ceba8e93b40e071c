import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password";

const PASSWORD = "correct horse battery staple";

describe("password hashing", () => {
  it("verifies the right password and refuses a wrong one", async () => {
    const stored = await hashPassword(PASSWORD);
    expect(await verifyPassword(PASSWORD, stored)).toBe(true);
    expect(await verifyPassword("correct horse battery stapler", stored)).toBe(false);
    expect(await verifyPassword("Correct horse battery staple", stored)).toBe(false);
    expect(await verifyPassword("", stored)).toBe(false);
  });

  it("stores neither the password nor a reusable hash", async () => {
    const first = await hashPassword(PASSWORD);
    const second = await hashPassword(PASSWORD);
    expect(first).not.toContain(PASSWORD);
    expect(first).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[\w-]+\$[\w-]+$/);
    // A fresh salt each time: equal passwords do not give equal hashes.
    expect(first).not.toBe(second);
    expect(await verifyPassword(PASSWORD, second)).toBe(true);
  });

  it("treats differently composed but equivalent Unicode as the same password", async () => {
    const stored = await hashPassword("caf\u00e9-p\u00e4ssword");
    expect(await verifyPassword("cafe\u0301-pa\u0308ssword", stored)).toBe(true);
  });

  it("refuses every tampered stored hash", async () => {
    const stored = await hashPassword(PASSWORD);
    const [scheme, N, r, p, salt, key] = stored.split("$") as [string, ...string[]];
    const flipped = (text: string) => {
      const bytes = Buffer.from(text, "base64url");
      bytes[0]! ^= 1;
      return bytes.toString("base64url");
    };
    const tampered = [
      [scheme, N, r, p, salt, flipped(key!)],
      [scheme, N, r, p, flipped(salt!), key],
      [scheme, String(Number(N) / 2), r, p, salt, key],
      [scheme, N, "4", p, salt, key],
      ["bcrypt", N, r, p, salt, key],
      [scheme, N, r, p, salt, ""],
      [scheme, "NaN", r, p, salt, key],
      [scheme, String(2 ** 24), r, p, salt, key],
      [scheme, N, r, p],
    ].map((parts) => parts.join("$"));

    for (const candidate of [...tampered, "", "not a hash", PASSWORD]) {
      expect(await verifyPassword(PASSWORD, candidate), candidate).toBe(false);
    }
  });

  it("accepts no password when the stored key is missing or cut short", async () => {
    const stored = await hashPassword(PASSWORD);
    const prefix = stored.split("$").slice(0, 5).join("$");
    const key = stored.split("$")[5]!;
    // "!" decodes to zero bytes: compared at that length, every password would match.
    for (const cut of ["!", "~~", key.slice(0, 20)]) {
      expect(await verifyPassword("not the password", `${prefix}$${cut}`), cut).toBe(false);
      expect(await verifyPassword("", `${prefix}$${cut}`), cut).toBe(false);
    }
  });
});
