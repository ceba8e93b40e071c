import "server-only";
import { recordAudit } from "../audit/record";
import { inWorkspace, type WorkspaceScope } from "../scope";
import { getDb } from "../db";
import { newId, newSecretToken, sha256 } from "../ids";

const KEY_PREFIX = "latch_sk_";
// `latch_sk_` and four random characters: enough to tell keys apart, far too few to guess one.
const DISPLAY_PREFIX_LENGTH = 13;

/** What the dashboard may know about a key: never the key, never its hash. */
const listed = {
  id: true,
  name: true,
  prefix: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
} as const;

export type ApiKeySummary = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

/**
 * Mints a key for the workspace's backend. The full key is in the answer and nowhere else:
 * only its SHA-256 is stored, so it cannot be shown again.
 */
export async function createApiKey(
  scope: WorkspaceScope,
  name: string,
): Promise<{ key: string; apiKey: ApiKeySummary }> {
  const key = newSecretToken(KEY_PREFIX);
  const prefix = key.slice(0, DISPLAY_PREFIX_LENGTH);
  const apiKey = await getDb().$transaction(async (tx) => {
    const row = await tx.apiKey.create({
      data: { id: newId("key"), ...inWorkspace(scope), name, prefix, hash: sha256(key) },
      select: listed,
    });
    await recordAudit(
      scope,
      {
        action: "api_key.created",
        target: { type: "api_key", id: row.id },
        details: { name, prefix },
      },
      tx,
    );
    return row;
  });
  return { key, apiKey };
}

/** The workspace's keys, newest first, revoked ones included so the history stays readable. */
export async function listApiKeys(scope: WorkspaceScope): Promise<ApiKeySummary[]> {
  return getDb().apiKey.findMany({
    where: inWorkspace(scope),
    select: listed,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
}

/**
 * Revokes a key of this workspace at once; another workspace's key is "not found" (null), exactly
 * like a missing one. Revoking twice changes nothing and records nothing more.
 */
export async function revokeApiKey(
  scope: WorkspaceScope,
  id: string,
): Promise<ApiKeySummary | null> {
  return getDb().$transaction(async (tx) => {
    // A conditional update, so two members revoking at once still record one revocation.
    const { count } = await tx.apiKey.updateMany({
      where: { id, ...inWorkspace(scope), revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const key = await tx.apiKey.findFirst({ where: { id, ...inWorkspace(scope) }, select: listed });
    if (!key) return null;
    if (count > 0) {
      await recordAudit(
        scope,
        {
          action: "api_key.revoked",
          target: { type: "api_key", id: key.id },
          details: { name: key.name, prefix: key.prefix },
        },
        tx,
      );
    }
    return key;
  });
}
