import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { toEncryptionKey } from "./keys";
import { open, seal, SealError, type SealContext } from "./seal";

const keyring = { current: toEncryptionKey(randomBytes(32)) };
const context: SealContext = { workspaceId: "ws_a", recordId: "conn_1", purpose: "client_secret" };

describe("seal/open", () => {
  it("round-trips and never contains the plaintext", () => {
    const sealed = seal(keyring, "s3cr3t-value", context);
    expect(sealed).not.toContain("s3cr3t");
    expect(open(keyring, sealed, context)).toBe("s3cr3t-value");
  });

  it("uses a fresh IV each time", () => {
    expect(seal(keyring, "same", context)).not.toBe(seal(keyring, "same", context));
  });

  it("refuses a value moved to another row, workspace or column", () => {
    const sealed = seal(keyring, "secret", context);
    expect(() => open(keyring, sealed, { ...context, recordId: "conn_2" })).toThrow(SealError);
    expect(() => open(keyring, sealed, { ...context, workspaceId: "ws_b" })).toThrow(SealError);
    expect(() => open(keyring, sealed, { ...context, purpose: "access_token" })).toThrow(SealError);
  });

  it("refuses tampered ciphertext", () => {
    const parts = seal(keyring, "secret", context).split(".");
    const ciphertext = Buffer.from(parts[3]!, "base64url");
    ciphertext[0]! ^= 1;
    parts[3] = ciphertext.toString("base64url");
    expect(() => open(keyring, parts.join("."), context)).toThrow(SealError);
  });

  it("refuses a value sealed under another key", () => {
    const other = { current: toEncryptionKey(randomBytes(32)) };
    expect(() => open(other, seal(keyring, "secret", context), context)).toThrow(/no key/);
  });

  it("opens values sealed under the previous key during rotation", () => {
    const rotated = { current: toEncryptionKey(randomBytes(32)), previous: keyring.current };
    expect(open(rotated, seal(keyring, "secret", context), context)).toBe("secret");
  });
});
