import "server-only";
import { getDb } from "../db";
import { getEnv } from "../env";
import { newId, newSecretToken, sha256 } from "../ids";
import type { WorkspaceScope } from "../scope";
import type { CreateConnectSessionInput } from "../validation/connect-session";
import { SESSION_TOKEN_PREFIX } from "./internal/session-token";

const SESSION_LIFETIME_MS = 30 * 60 * 1000;

export type CreatedConnectSession = { token: string; connectUrl: string; expiresAt: Date };

/** Mints a short-lived link for one end user; only the token's hash is stored. */
export async function createConnectSession(
  scope: Pick<WorkspaceScope, "workspaceId">,
  input: CreateConnectSessionInput,
): Promise<CreatedConnectSession> {
  const token = newSecretToken(SESSION_TOKEN_PREFIX);
  const expiresAt = new Date(Date.now() + SESSION_LIFETIME_MS);
  await getDb().connectSession.create({
    data: {
      id: newId("cs"),
      workspaceId: scope.workspaceId,
      tokenHash: sha256(token),
      endUserId: input.end_user.id,
      endUserEmail: input.end_user.email ?? null,
      endUserDisplayName: input.end_user.display_name ?? null,
      subdomain: input.subdomain ?? null,
      allowedOrigins: input.allowed_origins ? JSON.stringify(input.allowed_origins) : null,
      expiresAt,
    },
  });
  const connectUrl = `${getEnv().PUBLIC_URL}/connect?session_token=${encodeURIComponent(token)}`;
  return { token, connectUrl, expiresAt };
}
