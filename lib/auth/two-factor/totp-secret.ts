import "server-only";
import { openSecret, sealSecret, type SealContext } from "../../crypto/secrets";

/**
 * A TOTP secret belongs to a person, who may be a member of several workspaces, not to one
 * workspace: its seal names the fixed workspace "user" (no workspace id looks like that; they
 * are `ws_…`) and the user's id as the row, so a sealed secret copied to another user's row, or
 * into any other sealed column, does not open.
 */
export function totpSecretContext(userId: string): SealContext {
  return { workspaceId: "user", recordId: userId, purpose: "totp_secret" };
}

export function sealTotpSecret(userId: string, secret: string): string {
  return sealSecret(secret, totpSecretContext(userId));
}

export function openTotpSecret(userId: string, sealed: string): string {
  return openSecret(sealed, totpSecretContext(userId));
}
