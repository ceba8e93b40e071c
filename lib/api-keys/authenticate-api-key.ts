import "server-only";
import { getDb } from "../db";
import { getHotReads } from "../db/hot-reads";
import { API_KEY_PATTERN } from "../env-schema";
import { sha256 } from "../ids";
import { andThen, type MaybePromise } from "../maybe-promise";

const LAST_USED_RESOLUTION_MS = 60_000;
// When this process last wrote each key's lastUsedAt, so a burst of concurrent requests at the
// turn of the minute makes one write, not one per request.
const lastWritten = new Map<string, number>();

export type ApiKeyAuth = { workspaceId: string; keyId: string; prefix: string };

/**
 * The workspace an API key belongs to, or null for a missing, malformed, unknown or revoked key.
 * Read on every request (a revoked key stops at once); synchronous unless the read or the
 * minute's lastUsedAt write is pending (lib/maybe-promise.ts).
 */
export function workspaceForApiKey(key: string | null): MaybePromise<ApiKeyAuth | null> {
  if (!key || !API_KEY_PATTERN.test(key)) return null;
  return andThen(getHotReads().apiKeyByHash(sha256(key)), (row) => {
    if (!row || row.revokedAt) return null;
    const auth = { workspaceId: row.workspaceId, keyId: row.id, prefix: row.prefix };
    // Recording every use would turn each read into a write; a minute's resolution is plenty.
    const now = Date.now();
    const recorded = Math.max(row.lastUsedAt?.getTime() ?? 0, lastWritten.get(row.id) ?? 0);
    if (now - recorded <= LAST_USED_RESOLUTION_MS) return auth;
    lastWritten.set(row.id, now);
    return getDb()
      .apiKey.update({ where: { id: row.id }, data: { lastUsedAt: new Date(now) } })
      .then(() => auth);
  });
}
