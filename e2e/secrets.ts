import fs from "node:fs";
import path from "node:path";
import { E2E } from "./env";

/**
 * What the secrets-hygiene sweep (hygiene.sweep.ts) looks for after the suite: every client secret
 * the tests create, and what each test's browser kept and received.
 */
export const HYGIENE_DIR = path.join(E2E.dir, "hygiene");
const SECRETS_FILE = path.join(HYGIENE_DIR, "client-secrets.txt");

/** Notes a client secret the suite gave the fake Atlassian, for the sweep to look for. */
export function rememberSecret(secret: string): void {
  fs.mkdirSync(HYGIENE_DIR, { recursive: true });
  fs.appendFileSync(SECRETS_FILE, `${secret}\n`);
}

export function rememberedSecrets(): string[] {
  if (!fs.existsSync(SECRETS_FILE)) return [];
  return fs.readFileSync(SECRETS_FILE, "utf8").split("\n").filter(Boolean);
}
