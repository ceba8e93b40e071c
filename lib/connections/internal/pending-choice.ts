import "server-only";
import type { AccessToken, Site } from "../../atlassian";
import { openSecret, sealSecret } from "../../crypto/secrets";
import { getDb } from "../../db";
import type { Prisma } from "../../generated/prisma/client";
import type { OpenConnectSession } from "../find-connect-session";

/**
 * A credential proven to work whose site the end user still has to pick. It waits sealed on
 * the connect session, so the secret never has to travel back to the browser for step two.
 */
export async function savePendingChoice(
  session: OpenConnectSession,
  pending: { clientId: string; clientSecret: string; token: AccessToken; sites: Site[] },
): Promise<void> {
  const context = { workspaceId: session.workspaceId, recordId: session.id };
  // Only while the session is open: one that expired or was spent meanwhile holds no secret
  // (the sweep may already have passed it), and the site choice then answers that it ended.
  await getDb().connectSession.updateMany({
    where: { id: session.id, connectedAt: null, expiresAt: { gt: new Date() } },
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

/**
 * The pending columns emptied. A session holds a pending choice only while it is open: these are
 * written when it is spent (lib/connections/internal/store-connection.ts), when it is read expired, and by
 * the sweep (sweepConnectSessions), so an abandoned site picker leaves no secret behind.
 */
export const NO_PENDING_CHOICE = {
  pendingClientId: null,
  pendingSecretSealed: null,
  pendingTokenSealed: null,
  pendingTokenExpiresAt: null,
  pendingSites: null,
} as const;

/** Rows still holding any part of a pending choice. */
export const HOLDS_PENDING_CHOICE = {
  OR: [
    { pendingClientId: { not: null } },
    { pendingSecretSealed: { not: null } },
    { pendingTokenSealed: { not: null } },
    { pendingTokenExpiresAt: { not: null } },
    { pendingSites: { not: null } },
  ],
} satisfies Prisma.ConnectSessionWhereInput;

/** Erases a session's pending choice (a no-op when it holds none). */
export async function erasePendingChoice(sessionId: string): Promise<void> {
  await getDb().connectSession.updateMany({
    where: { id: sessionId, ...HOLDS_PENDING_CHOICE },
    data: NO_PENDING_CHOICE,
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
