import "server-only";
import { recordAudit } from "../audit/record";
import { inWorkspace, type WorkspaceScope } from "../scope";
import { changeHotRows } from "../db/change-hot-rows";
import { enqueueWebhook } from "../webhooks/enqueue";
import { toApiConnection, type ApiConnection } from "./internal/to-api";

/**
 * Revokes a connection: the sealed client secret and any cached token are erased for good; the
 * row stays, marked revoked, so the tenant keeps its history. Revoking twice changes nothing.
 */
export async function revokeConnection(
  scope: WorkspaceScope,
  id: string,
): Promise<ApiConnection | null> {
  return changeHotRows("connection", async (tx) => {
    const existing = await tx.connection.findFirst({ where: { id, ...inWorkspace(scope) } });
    if (!existing) return null;
    if (existing.status === "revoked") return toApiConnection(existing);
    const revoked = await tx.connection.update({
      where: { id: existing.id },
      data: {
        status: "revoked",
        revokedAt: new Date(),
        clientSecretSealed: null,
        accessTokenSealed: null,
        accessTokenExpiresAt: null,
      },
    });
    await recordAudit(
      scope,
      { action: "connection.revoked", target: { type: "connection", id } },
      tx,
    );
    const connection = toApiConnection(revoked);
    await enqueueWebhook(tx, existing.workspaceId, "connection.revoked", connection);
    return connection;
  });
}
