import "server-only";
import { newSecretToken, sha256 } from "../ids";

/**
 * The one-time links of the members domain (invites, password resets): a bearer token in the
 * URL, of which only the SHA-256 is stored, so a copy of the database opens nothing. Tokens
 * longer than any we issue are refused before hashing.
 */
export const INVITE_TOKEN_PREFIX = "lin_";
export const RESET_TOKEN_PREFIX = "lpr_";

export function newLinkToken(prefix: string): { token: string; tokenHash: string } {
  const token = newSecretToken(prefix);
  return { token, tokenHash: sha256(token) };
}

/** The stored hash for a token from a URL, or null for anything that cannot be one of ours. */
export function linkTokenHash(token: string | null | undefined, prefix: string): string | null {
  if (!token || token.length > 100 || !token.startsWith(prefix)) return null;
  return sha256(token);
}
