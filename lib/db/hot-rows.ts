import type { MaybePromise } from "../maybe-promise";

/**
 * What the hottest path (a tenant backend asking for a token, a load balancer asking for
 * health) reads, and the SQL for it, shared by the SQLite and PostgreSQL hot reads.
 */
export type HotReads = {
  /** Resolves while the database answers; rejects otherwise. */
  ping(): Promise<void>;
  /** Synchronous when remembered (and always on SQLite: better-sqlite3 is), else a promise. */
  apiKeyByHash(hash: string): MaybePromise<ApiKeyRow | null>;
  /** `fresh`: past the memory, for a renewal deciding whether another process already renewed. */
  tokenRow(
    workspaceId: string,
    connectionId: string,
    options?: { fresh?: boolean },
  ): MaybePromise<TokenRow | null>;
  /**
   * Drops what this process remembers, after it committed a change to a hot row: its own
   * notification may come back after its next read (lib/db/change-hot-rows.ts).
   */
  forget(): void;
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
export const API_KEY: Select = {
  table: "ApiKey",
  columns: ["id", "workspaceId", "prefix"],
  dates: ["revokedAt", "lastUsedAt"],
  where: ["hash"],
};
export const TOKEN_ROW: Select = {
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
export function selectSql(select: Select, dialect: "sqlite" | "postgresql"): string {
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

/** Rows remembered per process between database changes; past this, the memory starts over. */
const MEMO_LIMIT = 10_000;

/** Rows by key, forgotten all at once; only rows that exist are remembered, never a miss. */
export class Memo<T> {
  private rows = new Map<string, T>();

  get(key: string): T | undefined {
    return this.rows.get(key);
  }

  set(key: string, row: T): T {
    if (this.rows.size >= MEMO_LIMIT) this.rows.clear();
    this.rows.set(key, row);
    return row;
  }

  clear(): void {
    this.rows.clear();
  }
}
