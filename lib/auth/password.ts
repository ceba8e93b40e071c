import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { HashingBusyError, withHashSlot } from "./hash-slots";

// OWASP's scrypt recommendation (N=2^17 takes ~128 MiB per hash; 2^15 with r=8 is the
// minimum they list and keeps sign-in responsive on a 2-core server).
const PARAMS = { N: 2 ** 15, r: 8, p: 1, keyLength: 32 };

// Every derivation takes a slot (lib/auth/hash-slots.ts): hashing never starves the thread pool.
function derive(password: string, salt: Buffer, options: ScryptOptions, keyLength: number) {
  return withHashSlot(
    () =>
      new Promise<Buffer>((resolve, reject) =>
        scrypt(
          password.normalize("NFKC"),
          salt,
          keyLength,
          { ...options, maxmem: 256 * 1024 * 1024 },
          (error, key) => (error ? reject(error) : resolve(key)),
        ),
      ),
  );
}

/** Returns `scrypt$N$r$p$salt$hash` so parameters can be raised later without breaking logins. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const { N, r, p, keyLength } = PARAMS;
  const key = await derive(password, salt, { N, r, p }, keyLength);
  return ["scrypt", N, r, p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, N, r, p, saltText, keyText] = stored.split("$");
  if (scheme !== "scrypt" || !saltText || !keyText) return false;
  const expected = Buffer.from(keyText, "base64url");
  // An empty or cut-short key would equal whatever is derived at its length: any password.
  if (expected.length < 16) return false;
  try {
    const actual = await derive(
      password,
      Buffer.from(saltText, "base64url"),
      { N: Number(N), r: Number(r), p: Number(p) },
      expected.length,
    );
    return timingSafeEqual(actual, expected);
  } catch (error) {
    if (error instanceof HashingBusyError) throw error;
    // Parameters scrypt refuses (not a number, over the memory cap): nothing can match them.
    return false;
  }
}
