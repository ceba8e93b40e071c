import "server-only";
import { getEnv } from "../env";
import { open, seal, type SealContext } from "./seal";

/**
 * The one place secrets are sealed and opened, with the configured keys. Plaintext returned
 * here must stay on the server: pass it to lib/atlassian and nowhere else.
 */
export function sealSecret(plaintext: string, context: SealContext): string {
  return seal(getEnv().keyring, plaintext, context);
}

/**
 * Opened access tokens, by sealed value and context: a tenant backend asks for the same token
 * many times a second, and the database row is still read on every request (so revoking or
 * renewing takes effect at once); only the decryption is skipped. Client and webhook secrets
 * are opened rarely and never kept. Bounded, oldest entry evicted first.
 */
const openedTokens = new Map<string, string>();
const OPENED_TOKENS_MAX = 1000;

export function openSecret(sealed: string, context: SealContext): string {
  if (context.purpose !== "access_token") return open(getEnv().keyring, sealed, context);
  const cacheKey = `${context.workspaceId}:${context.recordId}:${sealed}`;
  const cached = openedTokens.get(cacheKey);
  if (cached !== undefined) return cached;
  const plaintext = open(getEnv().keyring, sealed, context);
  if (openedTokens.size >= OPENED_TOKENS_MAX) {
    openedTokens.delete(openedTokens.keys().next().value!);
  }
  openedTokens.set(cacheKey, plaintext);
  return plaintext;
}

export type { SealContext };
