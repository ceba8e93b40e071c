import "server-only";
import { getDb } from "../db";
import { getHotReads } from "../db/hot-reads";
import { API_KEY_PATTERN } from "../env-schema";
import { sha256 } from "../ids";

const LAST_USED_RESOLUTION_MS = 60_000;
// When this process last wrote each key's lastUsedAt, so a burst of concurrent requests at the
// turn of the minute makes one write, not one per request.
const lastWritten = new Map<string, number>();

/** The workspace an API key belongs to, or null for a missing, malformed, unknown or revoked key. */
export async function workspaceForApiKey(
  key: string | null,
): Promise<{ workspaceId: string; keyId: string; prefix: string } | null> {
  if (!key || !API_KEY_PATTERN.test(key)) return null;
  const row = await getHotReads().apiKeyByHash(sha256(key));
  if (!row || row.revokedAt) return null;
  // Recording every use would turn each read into a write; a minute's resolution is plenty.
  const now = Date.now();
  const recorded = Math.max(row.lastUsedAt?.getTime() ?? 0, lastWritten.get(row.id) ?? 0);
  if (now - recorded > LAST_USED_RESOLUTION_MS) {
    lastWritten.set(row.id, now);
    await getDb().apiKey.update({ where: { id: row.id }, data: { lastUsedAt: new Date(now) } });
  }
  return { workspaceId: row.workspaceId, keyId: row.id, prefix: row.prefix };
}
