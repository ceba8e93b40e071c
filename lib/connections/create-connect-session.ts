import "server-only";
import { recordAudit } from "../audit/record";
import { getDb } from "../db";
import { getEnv } from "../env";
import { newId, newSecretToken, sha256 } from "../ids";
import type { WorkspaceScope } from "../scope";
import type { CreateConnectSessionInput } from "../validation/connect-session";
import { SESSION_TOKEN_PREFIX } from "./internal/session-token";
import { dashboardReturnPath } from "./return-to";

const SESSION_LIFETIME_MS = 30 * 60 * 1000;

export type CreatedConnectSession = { token: string; connectUrl: string; expiresAt: Date };

/**
 * Mints a short-lived link for one end user; only the token's hash is stored. The audit log
 * records who minted it for whom (and the onboarding checklist reads that a link was ever
 * minted, after the session itself was swept). `returnTo` (a dashboard path) adds a way back
 * to the dashboard on the Connected screen, for a member connecting from the dashboard.
 */
export async function createConnectSession(
  scope: WorkspaceScope,
  input: CreateConnectSessionInput,
  options: { returnTo?: string; source?: "api" | "dashboard" | "reconnect" } = {},
): Promise<CreatedConnectSession> {
  const token = newSecretToken(SESSION_TOKEN_PREFIX);
  const expiresAt = new Date(Date.now() + SESSION_LIFETIME_MS);
  const id = newId("cs");
  await getDb().$transaction(async (tx) => {
    await tx.connectSession.create({
      data: {
        id,
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
    await recordAudit(
      scope,
      {
        action: "connect_session.created",
        target: { type: "connect_session", id },
        details: {
          end_user_id: input.end_user.id,
          ...(options.source && { source: options.source }),
        },
      },
      tx,
    );
  });
  let connectUrl = `${getEnv().PUBLIC_URL}/connect?session_token=${encodeURIComponent(token)}`;
  const returnTo = dashboardReturnPath(options.returnTo);
  if (returnTo) connectUrl += `&return_to=${encodeURIComponent(returnTo)}`;
  return { token, connectUrl, expiresAt };
}
