import "server-only";
import { recordAudit } from "../audit/record";
import { changeHotRows } from "../db/change-hot-rows";
import { inWorkspace, type WorkspaceScope } from "../scope";
import { listed, type ApiKeySummary } from "./api-key-summary";

/**
 * Revokes a key of this workspace at once; another workspace's key is "not found" (null), exactly
 * like a missing one. Revoking twice changes nothing and records nothing more.
 */
export async function revokeApiKey(
  scope: WorkspaceScope,
  id: string,
): Promise<ApiKeySummary | null> {
  return changeHotRows("api_key", async (tx) => {
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
