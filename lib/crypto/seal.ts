import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import type { EncryptionKey } from "./keys";

/**
 * What a sealed value belongs to. It is bound into the ciphertext as additional authenticated
 * data, so a sealed secret copied to another row, workspace or column fails to open. A value
 * that belongs to a person rather than a workspace (a TOTP secret) names the fixed workspace
 * "user" (lib/auth/two-factor/totp-secret.ts).
 */
export type SealContext = {
  workspaceId: string;
  recordId: string;
  purpose: "client_secret" | "access_token" | "webhook_secret" | "totp_secret";
};

export type Keyring = { current: EncryptionKey; previous?: EncryptionKey };

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class SealError extends Error {
  constructor(reason: string) {
    super(`Cannot open sealed value: ${reason}`);
    this.name = "SealError";
  }
}

function additionalData(context: SealContext): Buffer {
  return Buffer.from(
    [
      "latch",
      VERSION,
      context.purpose,
      context.workspaceId.length,
      context.workspaceId,
      context.recordId,
    ].join(":"),
  );
}

/** Sealed format: `v1.<key id>.<iv>.<ciphertext>.<tag>`, each part base64url. */
export function seal(keyring: Keyring, plaintext: string, context: SealContext): string {
  const { id, key } = keyring.current;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(additionalData(context));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, id, iv, ciphertext, tag]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

/** The id of the key a sealed value was sealed with, or null when it is not a sealed value. */
export function sealedKeyId(sealed: string): string | null {
  const parts = sealed.split(".");
  return parts.length === 5 && parts[0] === VERSION ? parts[1]! : null;
}

export function open(keyring: Keyring, sealed: string, context: SealContext): string {
  const parts = sealed.split(".");
  if (parts.length !== 5 || parts[0] !== VERSION) throw new SealError("unknown format");
  const [, keyId, ivText, ciphertextText, tagText] = parts as [
    string,
    string,
    string,
    string,
    string,
  ];
  const key = [keyring.current, keyring.previous].find((candidate) => candidate?.id === keyId);
  if (!key) throw new SealError(`no key with id ${keyId}`);
  const iv = Buffer.from(ivText, "base64url");
  const tag = Buffer.from(tagText, "base64url");
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new SealError("malformed");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key.key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(additionalData(context));
    decipher.setAuthTag(tag);
    const plaintext = Buffer.concat([
      decipher.update(Buffer.from(ciphertextText, "base64url")),
      decipher.final(),
    ]);
    return plaintext.toString("utf8");
  } catch {
    throw new SealError("authentication failed (wrong key, context or tampered data)");
  }
}
