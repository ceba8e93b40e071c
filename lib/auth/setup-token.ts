import "server-only";
import fs from "node:fs";
import path from "node:path";
import { getDb } from "../db";
import { getEnv, type Env } from "../env";
import { newSecretToken, sha256 } from "../ids";
import { logger } from "../log";

/** Where, with SQLite, the one-time setup link is written beside the database. */
export function setupLinkFile(env: Env = getEnv()): string | null {
  return env.sqlitePath ? path.join(path.dirname(env.sqlitePath), "setup-link.txt") : null;
}

/** A link printed in a log that is shipped somewhere must not stay a way in for long. */
export const SETUP_TOKEN_LIFETIME_MS = 24 * 60 * 60 * 1000;

export function setupTokenCutoff(now = Date.now()): Date {
  return new Date(now - SETUP_TOKEN_LIFETIME_MS);
}

/**
 * While there is no admin, anyone who reaches /setup could become one, so the first admin needs
 * a token only the operator can see: start-up prints a link carrying it (and, with SQLite,
 * writes it to setup-link.txt, mode 0600). Only its hash is stored, for 24 hours. Each instance
 * that starts with no admin adds its own (with SQLite, the one instance's replaces the last);
 * all are spent when the first admin is created.
 */
export async function issueSetupLink(env: Env = getEnv()): Promise<string | null> {
  const db = getDb();
  if ((await db.user.count()) > 0) {
    removeSetupLinkFile(env);
    return null;
  }
  const token = newSecretToken("lst_");
  await db.setupToken.deleteMany({
    where: env.sqlitePath ? {} : { createdAt: { lte: setupTokenCutoff() } },
  });
  await db.setupToken.create({ data: { tokenHash: sha256(token) } });
  const link = `${env.PUBLIC_URL}/setup?token=${token}`;
  const file = setupLinkFile(env);
  if (file) fs.writeFileSync(file, `${link}\n`, { mode: 0o600 });
  logger.warn(
    { setupUrl: link, ...(file && { file }) },
    `No admin yet. Open ${link} to create the first one (the link works once, for 24 hours; restart Latch for a new one).`,
  );
  return link;
}

/** Whether `token` is one of the unspent setup tokens. */
export async function isSetupToken(token: string | null | undefined): Promise<boolean> {
  if (!token || token.length > 200) return false;
  const live = { tokenHash: sha256(token), createdAt: { gt: setupTokenCutoff() } };
  return (await getDb().setupToken.count({ where: live })) > 0;
}

export function removeSetupLinkFile(env: Env = getEnv()): void {
  const file = setupLinkFile(env);
  if (file) fs.rmSync(file, { force: true });
}
