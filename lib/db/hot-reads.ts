import "server-only";
import Database from "better-sqlite3";
import { getEnv } from "../env";

/**
 * The reads on the hottest path (a tenant backend asking for a token, a load balancer asking for
 * health), done with prepared statements on the driver itself. Through Prisma's JS engine each
 * of these costs 0.2–0.6 ms of planning and mapping; here they cost microseconds (measured in
 * the phase 4 notes). Everything else, and every write, goes through Prisma (lib/db.ts).
 */
export type HotReads = {
  /** Resolves while the database answers; rejects otherwise. */
  ping(): Promise<void>;
  apiKeyByHash(hash: string): Promise<ApiKeyRow | null>;
  tokenRow(workspaceId: string, connectionId: string): Promise<TokenRow | null>;
};

export type ApiKeyRow = {
  id: string;
  workspaceId: string;
  prefix: string;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
};

/** What the access-token use case needs of a connection, sealed token included. */
export type TokenRow = {
  id: string;
  workspaceId: string;
  status: string;
  siteCloudId: string;
  accessTokenSealed: string | null;
  accessTokenExpiresAt: Date | null;
  lastCheckedAt: Date | null;
  lastErrorCode: string | null;
  lastErrorMessage: string | null;
};

const API_KEY_SQL = `SELECT "id", "workspaceId", "prefix", "revokedAt", "lastUsedAt"
  FROM "ApiKey" WHERE "hash" = ?`;
const TOKEN_ROW_SQL = `SELECT "id", "workspaceId", "status", "siteCloudId", "accessTokenSealed",
  "accessTokenExpiresAt", "lastCheckedAt", "lastErrorCode", "lastErrorMessage"
  FROM "Connection" WHERE "id" = ? AND "workspaceId" = ?`;

/** Prisma keeps SQLite DateTime columns as ISO-8601 text. */
function sqliteDate(value: unknown): Date | null {
  return typeof value === "string" ? new Date(value) : null;
}

export function sqliteHotReads(file: string): HotReads {
  const db = new Database(file, { timeout: 10_000, fileMustExist: true });
  const ping = db.prepare("SELECT 1");
  const apiKey = db.prepare<[string], Record<string, unknown>>(API_KEY_SQL);
  const tokenRow = db.prepare<[string, string], Record<string, unknown>>(TOKEN_ROW_SQL);
  return {
    async ping() {
      ping.get();
    },
    async apiKeyByHash(hash) {
      const row = apiKey.get(hash);
      if (!row) return null;
      return {
        id: row.id as string,
        workspaceId: row.workspaceId as string,
        prefix: row.prefix as string,
        revokedAt: sqliteDate(row.revokedAt),
        lastUsedAt: sqliteDate(row.lastUsedAt),
      };
    },
    async tokenRow(workspaceId, connectionId) {
      const row = tokenRow.get(connectionId, workspaceId);
      if (!row) return null;
      return {
        id: row.id as string,
        workspaceId: row.workspaceId as string,
        status: row.status as string,
        siteCloudId: row.siteCloudId as string,
        accessTokenSealed: (row.accessTokenSealed as string | null) ?? null,
        accessTokenExpiresAt: sqliteDate(row.accessTokenExpiresAt),
        lastCheckedAt: sqliteDate(row.lastCheckedAt),
        lastErrorCode: (row.lastErrorCode as string | null) ?? null,
        lastErrorMessage: (row.lastErrorMessage as string | null) ?? null,
      };
    },
  };
}

// One per process, like the Prisma client (and shared by every bundle loaded in it).
const globalForReads = globalThis as unknown as { latchHotReads?: HotReads };

export function getHotReads(): HotReads {
  if (!globalForReads.latchHotReads) {
    const env = getEnv();
    if (!env.sqlitePath) throw new Error("PostgreSQL hot reads are not available yet");
    globalForReads.latchHotReads = sqliteHotReads(env.sqlitePath);
  }
  return globalForReads.latchHotReads;
}
