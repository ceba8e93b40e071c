import "server-only";
import Database from "better-sqlite3";
import type pg from "pg";
import { getEnv } from "../env";
import { getPgPool } from "./pg-pool";
import type { MaybePromise } from "../maybe-promise";

/**
 * The reads on the hottest path (a tenant backend asking for a token, a load balancer asking for
 * health), done with prepared statements on the driver itself. Through Prisma's JS engine each
 * of these costs 0.2–0.6 ms of planning and mapping; here they cost microseconds (`npm run
 * bench:tokens` shows the effect). Everything else, and every write, goes through Prisma
 * (lib/db.ts).
 */
export type HotReads = {
  /** Resolves while the database answers; rejects otherwise. */
  ping(): Promise<void>;
  /** Synchronous on SQLite (better-sqlite3 is), a promise on PostgreSQL. */
  apiKeyByHash(hash: string): MaybePromise<ApiKeyRow | null>;
  tokenRow(workspaceId: string, connectionId: string): MaybePromise<TokenRow | null>;
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
  /** Space-separated, as stored: the products the site serves are read from it. */
  scopes: string;
  accessTokenSealed: string | null;
  accessTokenExpiresAt: Date | null;
  lastCheckedAt: Date | null;
  lastErrorCode: string | null;
  lastErrorMessage: string | null;
};

type Select = { table: string; columns: string[]; dates: string[]; where: string[] };

/** The two hot reads, written once; selectSql spells them for each database. */
const API_KEY: Select = {
  table: "ApiKey",
  columns: ["id", "workspaceId", "prefix"],
  dates: ["revokedAt", "lastUsedAt"],
  where: ["hash"],
};
const TOKEN_ROW: Select = {
  table: "Connection",
  columns: [
    "id",
    "workspaceId",
    "status",
    "siteCloudId",
    "scopes",
    "accessTokenSealed",
    "lastErrorCode",
    "lastErrorMessage",
  ],
  dates: ["accessTokenExpiresAt", "lastCheckedAt"],
  where: ["id", "workspaceId"],
};

/**
 * The dialects differ in placeholders (`?`, `$1`) and in dates: Prisma keeps PostgreSQL DateTime
 * columns as `timestamp(3)` in UTC, and `AT TIME ZONE 'UTC'` reads them as such whatever the
 * session's time zone (the driver would take them as local time); on SQLite they are ISO text.
 */
function selectSql(select: Select, dialect: "sqlite" | "postgresql"): string {
  const quote = (column: string) => `"${column}"`;
  const date = (column: string) =>
    dialect === "postgresql"
      ? `(${quote(column)} AT TIME ZONE 'UTC') AS ${quote(column)}`
      : quote(column);
  const param = (index: number) => (dialect === "postgresql" ? `$${index + 1}` : "?");
  const columns = [...select.columns.map(quote), ...select.dates.map(date)];
  const where = select.where.map((column, index) => `${quote(column)} = ${param(index)}`);
  return `SELECT ${columns.join(", ")} FROM ${quote(select.table)} WHERE ${where.join(" AND ")}`;
}

/** Prisma keeps SQLite DateTime columns as ISO-8601 text. */
function sqliteDate(value: unknown): Date | null {
  return typeof value === "string" ? new Date(value) : null;
}

/** Rows remembered per process between database changes; past this, the memory starts over. */
const MEMO_LIMIT = 10_000;

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
  const keys = new Map<string, ApiKeyRow>();
  const tokens = new Map<string, TokenRow>();
  const current = () => {
    const version = dataVersion.get();
    if (version !== seenVersion) {
      seenVersion = version;
      keys.clear();
      tokens.clear();
    }
  };
  const remember = <T>(memo: Map<string, T>, key: string, row: T) => {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, row);
    return row;
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
      return remember(keys, hash, {
        id: row.id as string,
        workspaceId: row.workspaceId as string,
        prefix: row.prefix as string,
        revokedAt: sqliteDate(row.revokedAt),
        lastUsedAt: sqliteDate(row.lastUsedAt),
      });
    },
    tokenRow(workspaceId, connectionId) {
      current();
      const memoKey = `${workspaceId} ${connectionId}`;
      const known = tokens.get(memoKey);
      if (known) return known;
      const row = tokenRow.get(connectionId, workspaceId);
      if (!row) return null;
      return remember(tokens, memoKey, {
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
  };
}

export function postgresHotReads(pool: pg.Pool): HotReads {
  const apiKeySql = selectSql(API_KEY, "postgresql");
  const tokenRowSql = selectSql(TOKEN_ROW, "postgresql");
  return {
    async ping() {
      await pool.query("SELECT 1");
    },
    async apiKeyByHash(hash) {
      const { rows } = await pool.query<ApiKeyRow>({
        name: "latch_api_key",
        text: apiKeySql,
        values: [hash],
      });
      return rows[0] ?? null;
    },
    async tokenRow(workspaceId, connectionId) {
      const { rows } = await pool.query<TokenRow>({
        name: "latch_token_row",
        text: tokenRowSql,
        values: [connectionId, workspaceId],
      });
      return rows[0] ?? null;
    },
  };
}

// One per process, like the Prisma client (and shared by every bundle loaded in it).
const globalForReads = globalThis as unknown as { latchHotReads?: HotReads };

export function getHotReads(): HotReads {
  if (!globalForReads.latchHotReads) {
    const { sqlitePath } = getEnv();
    globalForReads.latchHotReads = sqlitePath
      ? sqliteHotReads(sqlitePath)
      : postgresHotReads(getPgPool());
  }
  return globalForReads.latchHotReads;
}
