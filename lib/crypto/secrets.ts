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

export function openSecret(sealed: string, context: SealContext): string {
  return open(getEnv().keyring, sealed, context);
}

export type { SealContext };
