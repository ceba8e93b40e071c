import "server-only";
import type { AccessToken, Site } from "../atlassian";
import { openSecret, sealSecret } from "../crypto/secrets";
import { getDb } from "../db";
import type { OpenConnectSession } from "./connect-sessions";

/**
 * A credential proven to work whose site the end user still has to pick. It waits sealed on
 * the connect session, so the secret never has to travel back to the browser for step two.
 */
export async function savePendingChoice(
  session: OpenConnectSession,
  pending: { clientId: string; clientSecret: string; token: AccessToken; sites: Site[] },
): Promise<void> {
  const context = { workspaceId: session.workspaceId, recordId: session.id };
  await getDb().connectSession.update({
    where: { id: session.id },
    data: {
      pendingClientId: pending.clientId,
      pendingSecretSealed: sealSecret(pending.clientSecret, {
        ...context,
        purpose: "client_secret",
      }),
      pendingTokenSealed: sealSecret(pending.token.accessToken, {
        ...context,
        purpose: "access_token",
      }),
      pendingTokenExpiresAt: pending.token.expiresAt,
      pendingSites: JSON.stringify({ sites: pending.sites, scopes: pending.token.scopes }),
    },
  });
}

export type PendingChoice = {
  clientId: string;
  clientSecret: string;
  token: AccessToken;
  sites: Site[];
};

export async function loadPendingChoice(
  session: OpenConnectSession,
): Promise<PendingChoice | null> {
  const row = await getDb().connectSession.findUnique({
    where: { id: session.id },
    omit: { pendingSecretSealed: false, pendingTokenSealed: false },
  });
  if (
    !row?.pendingClientId ||
    !row.pendingSecretSealed ||
    !row.pendingTokenSealed ||
    !row.pendingSites
  ) {
    return null;
  }
  const context = { workspaceId: session.workspaceId, recordId: session.id };
  const { sites, scopes } = JSON.parse(row.pendingSites) as { sites: Site[]; scopes: string[] };
  return {
    clientId: row.pendingClientId,
    clientSecret: openSecret(row.pendingSecretSealed, { ...context, purpose: "client_secret" }),
    token: {
      accessToken: openSecret(row.pendingTokenSealed, { ...context, purpose: "access_token" }),
      expiresAt: row.pendingTokenExpiresAt ?? new Date(),
      scopes,
    },
    sites,
  };
}
