import { createHash, createSecretKey, type KeyObject } from "node:crypto";

/** A KeyObject rather than bytes: Node then skips importing the key on every seal and open. */
export type EncryptionKey = { id: string; key: KeyObject };

/** Keys are named by a hash of themselves, so a sealed value says which key opens it. */
export function toEncryptionKey(key: Buffer): EncryptionKey {
  if (key.length !== 32) throw new Error("An encryption key must be 32 bytes");
  const id = createHash("sha256").update(key).digest("base64url").slice(0, 8);
  return { id, key: createSecretKey(key) };
}

/** Decodes a 32-byte key given as base64 or base64url; null when it is anything else. */
export function parseEncryptionKey(text: string): Buffer | null {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/_-]{43}={0,1}$/.test(trimmed)) return null;
  const key = Buffer.from(trimmed.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  return key.length === 32 ? key : null;
}
