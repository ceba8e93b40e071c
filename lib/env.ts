import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parseEncryptionKey, toEncryptionKey } from "./crypto/keys";
import type { Keyring } from "./crypto/seal";
import { ConfigError, parseEnv, type RawEnv } from "./env-schema";
import { logger } from "./log";

export type Env = Omit<RawEnv, "ENCRYPTION_KEY" | "ENCRYPTION_KEY_PREVIOUS" | "SESSION_SECRET"> & {
  databaseProvider: "sqlite" | "postgresql";
  /** Absolute path of the SQLite file, when the provider is SQLite. */
  sqlitePath: string | null;
  keyring: Keyring;
  SESSION_SECRET: string;
};

let cached: Env | undefined;

/** The validated configuration, read once. Throws a ConfigError naming the bad variable. */
export function getEnv(): Env {
  cached ??= loadEnv(process.env);
  return cached;
}

export function loadEnv(source: Record<string, string | undefined>): Env {
  const raw = parseEnv(source);
  const databaseProvider = raw.DATABASE_URL.startsWith("file:") ? "sqlite" : "postgresql";
  const sqlitePath =
    databaseProvider === "sqlite" ? path.resolve(raw.DATABASE_URL.slice("file:".length)) : null;
  const dataDir = sqlitePath ? path.dirname(sqlitePath) : null;

  const encryptionKey =
    raw.ENCRYPTION_KEY ?? generatedSecret(dataDir, "ENCRYPTION_KEY", "encryption.key");
  const sessionSecret =
    raw.SESSION_SECRET ?? generatedSecret(dataDir, "SESSION_SECRET", "session.secret");
  const previous = raw.ENCRYPTION_KEY_PREVIOUS && parseEncryptionKey(raw.ENCRYPTION_KEY_PREVIOUS);

  return {
    ...raw,
    databaseProvider,
    sqlitePath,
    SESSION_SECRET: sessionSecret,
    keyring: {
      current: toEncryptionKey(parseEncryptionKey(encryptionKey)!),
      previous: previous ? toEncryptionKey(previous) : undefined,
    },
  };
}

/**
 * With the embedded SQLite default, a missing secret is generated once and kept beside the
 * database with owner-only permissions, so a first start needs no configuration. With
 * PostgreSQL every instance must share the same secret, so it has to be given explicitly.
 */
function generatedSecret(dataDir: string | null, variable: string, fileName: string): string {
  if (!dataDir) {
    throw new ConfigError(
      `${variable} is required with a PostgreSQL DATABASE_URL (every instance needs the same one).`,
    );
  }
  const file = path.join(dataDir, fileName);
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(32).toString("base64");
  // "wx" fails if another process created the file meanwhile; then read theirs.
  try {
    fs.writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
    logger.warn({ file }, `${variable} was not set: generated one and stored it in ${file}`);
    return secret;
  } catch {
    return fs.readFileSync(file, "utf8").trim();
  }
}
