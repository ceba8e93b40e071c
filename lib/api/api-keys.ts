import "server-only";
import { getDb } from "../db";
import { API_KEY_PATTERN } from "../env-schema";
import { sha256 } from "../ids";

const LAST_USED_RESOLUTION_MS = 60_000;

/** The workspace an API key belongs to, or null for a missing, malformed, unknown or revoked key. */
export async function workspaceForApiKey(
  key: string | null,
): Promise<{ workspaceId: string; keyId: string; prefix: string } | null> {
  if (!key || !API_KEY_PATTERN.test(key)) return null;
  const db = getDb();
  const row = await db.apiKey.findUnique({
    where: { hash: sha256(key) },
    select: { id: true, workspaceId: true, prefix: true, revokedAt: true, lastUsedAt: true },
  });
  if (!row || row.revokedAt) return null;
  // Recording every use would turn each read into a write; a minute's resolution is plenty.
  const now = Date.now();
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: new Date(now) } });
  }
  return { workspaceId: row.workspaceId, keyId: row.id, prefix: row.prefix };
}
