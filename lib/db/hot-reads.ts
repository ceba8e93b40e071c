import "server-only";
import Database from "better-sqlite3";
import { getEnv } from "../env";
import { listenForChanges } from "./change-feed";
import {
  API_KEY,
  Memo,
  TOKEN_ROW,
  selectSql,
  type ApiKeyRow,
  type HotReads,
  type TokenRow,
} from "./hot-rows";
import { getPgPool } from "./pg-pool";
import { postgresHotReads } from "./postgres-hot-reads";

export type { ApiKeyRow, HotReads, TokenRow } from "./hot-rows";

/**
 * The reads on the hottest path (a tenant backend asking for a token, a load balancer asking for
 * health), done with prepared statements on the driver itself. Through Prisma's JS engine each
 * of these costs 0.2–0.6 ms of planning and mapping; here they cost microseconds (`npm run
 * bench:tokens` shows the effect), and remembered rows cost nothing. Everything else, and every
 * write, goes through Prisma (lib/db.ts).
 */

/** Prisma keeps SQLite DateTime columns as ISO-8601 text. */
function sqliteDate(value: unknown): Date | null {
  return typeof value === "string" ? new Date(value) : null;
}

/**
 * SQLite reads, remembered until the database changes. `PRAGMA data_version` moves whenever
 * another connection (Prisma's, another process's) commits, and costs half a lookup, so a
 * revoked key or connection is seen on the very next request, as without the memory.
 */
export function sqliteHotReads(file: string): HotReads {
  const db = new Database(file, { timeout: 10_000, fileMustExist: true });
  const ping = db.prepare("SELECT 1");
  const apiKey = db.prepare<[string], Record<string, unknown>>(selectSql(API_KEY, "sqlite"));
  const tokenRow = db.prepare<[string, string], Record<string, unknown>>(
    selectSql(TOKEN_ROW, "sqlite"),
  );
  const dataVersion = db.prepare<[], number>("PRAGMA data_version").pluck();
  let seenVersion: number | undefined;
  const keys = new Memo<ApiKeyRow>();
  const tokens = new Memo<TokenRow>();
  const current = () => {
    const version = dataVersion.get();
    if (version !== seenVersion) {
      seenVersion = version;
      keys.clear();
      tokens.clear();
    }
  };
  return {
    async ping() {
      ping.get();
    },
    apiKeyByHash(hash) {
      current();
      const known = keys.get(hash);
      if (known) return known;
      const row = apiKey.get(hash);
      if (!row) return null;
      return keys.set(hash, {
        id: row.id as string,
        workspaceId: row.workspaceId as string,
        prefix: row.prefix as string,
        revokedAt: sqliteDate(row.revokedAt),
        lastUsedAt: sqliteDate(row.lastUsedAt),
      });
    },
    tokenRow(workspaceId, connectionId, options) {
      current();
      const memoKey = `${workspaceId} ${connectionId}`;
      const known = options?.fresh ? undefined : tokens.get(memoKey);
      if (known) return known;
      const row = tokenRow.get(connectionId, workspaceId);
      if (!row) return null;
      return tokens.set(memoKey, {
        id: row.id as string,
        workspaceId: row.workspaceId as string,
        status: row.status as string,
        siteCloudId: row.siteCloudId as string,
        scopes: (row.scopes as string | null) ?? "",
        accessTokenSealed: (row.accessTokenSealed as string | null) ?? null,
        accessTokenExpiresAt: sqliteDate(row.accessTokenExpiresAt),
        lastCheckedAt: sqliteDate(row.lastCheckedAt),
        lastErrorCode: (row.lastErrorCode as string | null) ?? null,
        lastErrorMessage: (row.lastErrorMessage as string | null) ?? null,
      });
    },
    forget() {
      // data_version already moves for Prisma's commits (another connection); cheap all the same.
      keys.clear();
      tokens.clear();
    },
  };
}

// One per process, like the Prisma client (and shared by every bundle loaded in it).
const globalForReads = globalThis as unknown as { latchHotReads?: HotReads };

export function getHotReads(): HotReads {
  if (!globalForReads.latchHotReads) {
    const { sqlitePath, DATABASE_URL } = getEnv();
    globalForReads.latchHotReads = sqlitePath
      ? sqliteHotReads(sqlitePath)
      : postgresHotReads(getPgPool(), listenForChanges(DATABASE_URL));
  }
  return globalForReads.latchHotReads;
}
