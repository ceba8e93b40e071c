import "server-only";
import type pg from "pg";
import type { ChangeFeed } from "./change-feed";
import {
  API_KEY,
  Memo,
  TOKEN_ROW,
  selectSql,
  type ApiKeyRow,
  type HotReads,
  type TokenRow,
} from "./hot-rows";

/** The part of pg.Pool the hot reads use (a test hands in its own). */
type Queryable = Pick<pg.Pool, "query">;

/**
 * PostgreSQL reads, remembered while the change feed (lib/db/change-feed.ts) listens: every
 * change to an API key or a connection is announced in its own transaction, so it reaches every
 * instance right after it commits, and the memory is dropped. A read is remembered only if no
 * announcement came while it ran (it may have read the row before the change), and while the
 * feed is down nothing is answered from memory: every request reads the database, as it would
 * without the memory.
 */
export function postgresHotReads(pool: Queryable, feed: ChangeFeed): HotReads {
  const apiKeySql = selectSql(API_KEY, "postgresql");
  const tokenRowSql = selectSql(TOKEN_ROW, "postgresql");
  const keys = new Memo<ApiKeyRow>();
  const tokens = new Memo<TokenRow>();
  let seenGeneration = -1;

  /** Whether the memory may be used now; drops it when the generation moved. */
  const trusted = () => {
    const generation = feed.generation();
    if (generation !== seenGeneration) {
      seenGeneration = generation;
      keys.clear();
      tokens.clear();
    }
    return feed.listening();
  };
  /** Remembers `read`'s row if nothing was announced while it ran. */
  const remember = async <T>(memo: Memo<T>, key: string, read: () => Promise<T | null>) => {
    const generation = feed.generation();
    const row = await read();
    if (row && feed.listening() && feed.generation() === generation) memo.set(key, row);
    return row;
  };

  const readKey = async (hash: string) => {
    const query = { name: "latch_api_key", text: apiKeySql, values: [hash] };
    return (await pool.query<ApiKeyRow>(query)).rows[0] ?? null;
  };
  const readToken = async (workspaceId: string, connectionId: string) => {
    const query = {
      name: "latch_token_row",
      text: tokenRowSql,
      values: [connectionId, workspaceId],
    };
    return (await pool.query<TokenRow>(query)).rows[0] ?? null;
  };

  return {
    async ping() {
      await pool.query("SELECT 1");
    },
    apiKeyByHash(hash) {
      const known = trusted() ? keys.get(hash) : undefined;
      return known ?? remember(keys, hash, () => readKey(hash));
    },
    tokenRow(workspaceId, connectionId, options) {
      const memoKey = `${workspaceId} ${connectionId}`;
      const known = trusted() && !options?.fresh ? tokens.get(memoKey) : undefined;
      return known ?? remember(tokens, memoKey, () => readToken(workspaceId, connectionId));
    },
    forget() {
      feed.changed();
    },
  };
}
