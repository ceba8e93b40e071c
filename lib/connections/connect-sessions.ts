import "server-only";
import type { WorkspaceScope } from "../auth/actor";
import { getDb } from "../db";
import { getEnv } from "../env";
import { newId, newSecretToken, sha256 } from "../ids";
import type { CreateConnectSessionInput } from "../validation/connect-session";

const SESSION_LIFETIME_MS = 30 * 60 * 1000;
const TOKEN_PREFIX = "lcs_";
const TOKEN_PATTERN = /^lcs_[A-Za-z0-9_-]{43}$/;

export type CreatedConnectSession = { token: string; connectUrl: string; expiresAt: Date };

/** Mints a short-lived link for one end user; only the token's hash is stored. */
export async function createConnectSession(
  scope: Pick<WorkspaceScope, "workspaceId">,
  input: CreateConnectSessionInput,
): Promise<CreatedConnectSession> {
  const token = newSecretToken(TOKEN_PREFIX);
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

export type OpenConnectSession = {
  id: string;
  workspaceId: string;
  workspaceName: string;
  endUser: { id: string; email: string | null; displayName: string | null };
  subdomain: string | null;
  expiresAt: Date;
};

export type ConnectSessionLookup =
  | { state: "open"; session: OpenConnectSession }
  | { state: "spent"; site: { name: string; url: string } | null }
  | { state: "expired" }
  | { state: "invalid" };

/** Resolves a token from a connect link; a forged token costs no database query. */
export async function findConnectSession(
  token: string | undefined | null,
): Promise<ConnectSessionLookup> {
  if (!token || !TOKEN_PATTERN.test(token)) return { state: "invalid" };
  const db = getDb();
  const row = await db.connectSession.findUnique({
    where: { tokenHash: sha256(token) },
    include: { workspace: { select: { name: true } } },
  });
  if (!row) return { state: "invalid" };
  if (row.connectedAt) {
    const connection = row.connectionId
      ? await db.connection.findUnique({
          where: { id: row.connectionId },
          select: { siteName: true, siteUrl: true },
        })
      : null;
    return {
      state: "spent",
      site: connection && { name: connection.siteName, url: connection.siteUrl },
    };
  }
  if (row.expiresAt.getTime() <= Date.now()) return { state: "expired" };
  return {
    state: "open",
    session: {
      id: row.id,
      workspaceId: row.workspaceId,
      workspaceName: row.workspace.name,
      endUser: { id: row.endUserId, email: row.endUserEmail, displayName: row.endUserDisplayName },
      subdomain: row.subdomain,
      expiresAt: row.expiresAt,
    },
  };
}
