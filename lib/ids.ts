import { createHash, randomBytes } from "node:crypto";

/** A public identifier such as `conn_3kq9…`: 120 random bits, URL-safe, sortable by nothing. */
export function newId(
  prefix: "ws" | "usr" | "key" | "cs" | "conn" | "evt" | "whd" | "chk" | "inv" | "rc",
): string {
  return `${prefix}_${randomBytes(15).toString("base64url")}`;
}

/** A bearer secret (API key, session token): 256 random bits after a readable prefix. */
export function newSecretToken(prefix: string): string {
  return `${prefix}${randomBytes(32).toString("base64url")}`;
}

/** Secrets we must recognise but never store (API keys, session tokens) are kept as hashes. */
export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
