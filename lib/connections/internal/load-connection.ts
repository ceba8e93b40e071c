import "server-only";
import { inWorkspace, type WorkspaceScope } from "../../scope";
import { openSecret } from "../../crypto/secrets";
import { getDb } from "../../db";

/**
 * A connection of the scope's workspace with its client secret opened, for use cases that call
 * Atlassian with it. Another workspace's id is simply not found.
 */
export async function loadConnectionWithSecret(
  scope: Pick<WorkspaceScope, "workspaceId">,
  id: string,
) {
  const row = await getDb().connection.findFirst({
    where: { id, ...inWorkspace(scope) },
    omit: { clientSecretSealed: false },
  });
  if (!row) return null;
  const { clientSecretSealed, ...connection } = row;
  const clientSecret = clientSecretSealed
    ? openSecret(clientSecretSealed, {
        workspaceId: row.workspaceId,
        recordId: row.id,
        purpose: "client_secret",
      })
    : null;
  return { connection, clientSecret };
}
