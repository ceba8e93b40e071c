import "server-only";
import { recordAudit } from "../audit/record";
import { changeHotRows } from "../db/change-hot-rows";
import { newId, newSecretToken, sha256 } from "../ids";
import { inWorkspace, type WorkspaceScope } from "../scope";
import { listed, type ApiKeySummary } from "./api-key-summary";

const KEY_PREFIX = "latch_sk_";
// `latch_sk_` and four random characters: enough to tell keys apart, far too few to guess one.
const DISPLAY_PREFIX_LENGTH = 13;

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
  const apiKey = await changeHotRows("api_key", async (tx) => {
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
