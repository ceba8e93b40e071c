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

/**
 * While there is no admin, anyone who reaches /setup could become one, so the first admin needs
 * a token only the operator can see: start-up prints a link carrying it (and, with SQLite,
 * writes it to setup-link.txt, mode 0600). Only its hash is stored. Each instance that starts
 * with no admin adds its own; all are spent when the first admin is created.
 */
export async function issueSetupLink(env: Env = getEnv()): Promise<string | null> {
  const db = getDb();
  if ((await db.user.count()) > 0) {
    removeSetupLinkFile(env);
    return null;
  }
  const token = newSecretToken("lst_");
  await db.setupToken.create({ data: { tokenHash: sha256(token) } });
  const link = `${env.PUBLIC_URL}/setup?token=${token}`;
  const file = setupLinkFile(env);
  if (file) fs.writeFileSync(file, `${link}\n`, { mode: 0o600 });
  logger.warn(
    { setupUrl: link, ...(file && { file }) },
    `No admin yet. Open ${link} to create the first one (the link works once).`,
  );
  return link;
}

/** Whether `token` is one of the unspent setup tokens. */
export async function isSetupToken(token: string | null | undefined): Promise<boolean> {
  if (!token || token.length > 200) return false;
  return (await getDb().setupToken.count({ where: { tokenHash: sha256(token) } })) > 0;
}

export function removeSetupLinkFile(env: Env = getEnv()): void {
  const file = setupLinkFile(env);
  if (file) fs.rmSync(file, { force: true });
}
