import "server-only";
import { getDb } from "../db";
import { effectiveAllowedOrigins } from "../embed/origins";
import { sha256 } from "../ids";
import { splitScopes } from "../workspaces/split-scopes";
import { erasePendingChoice } from "./internal/pending-choice";
import { SESSION_TOKEN_PATTERN } from "./internal/session-token";

export type OpenConnectSession = {
  id: string;
  workspaceId: string;
  workspaceName: string;
  endUser: { id: string; email: string | null; displayName: string | null };
  subdomain: string | null;
  expiresAt: Date;
  /** Scopes the workspace's app needs, and whether a credential lacking one may connect anyway. */
  requiredScopes: string[];
  allowMissingScopes: boolean;
};

/** What every state of the connect page needs: who may frame it, and how it looks. */
export type SessionPresentation = {
  allowedOrigins: string[];
  workspace: {
    name: string;
    displayName: string | null;
    logoUrl: string | null;
    primaryColor: string | null;
    themeMode: string;
    /** Scopes the workspace's app needs, named on the form before anything is submitted. */
    requiredScopes: string[];
  };
};

export type ConnectSessionLookup =
  | { state: "open"; session: OpenConnectSession; presentation: SessionPresentation }
  | {
      state: "spent";
      site: { name: string; url: string } | null;
      presentation: SessionPresentation;
    }
  | { state: "expired"; presentation: SessionPresentation }
  | { state: "invalid" };

const HASH_PATTERN = /^[0-9a-f]{64}$/;

/** Resolves a token from a connect link; a forged token costs no database query. */
export async function findConnectSession(
  token: string | undefined | null,
): Promise<ConnectSessionLookup> {
  if (!token || !SESSION_TOKEN_PATTERN.test(token)) return { state: "invalid" };
  return findConnectSessionByHash(sha256(token));
}

/**
 * Resolves a session by its token's SHA-256, which an embedding page puts in the iframe's URL
 * instead of the token: enough to pick the framing policy and theme, useless for connecting.
 */
export async function findConnectSessionByHash(
  hash: string | undefined | null,
): Promise<ConnectSessionLookup> {
  if (!hash || !HASH_PATTERN.test(hash)) return { state: "invalid" };
  const db = getDb();
  const row = await db.connectSession.findUnique({
    where: { tokenHash: hash },
    include: {
      workspace: {
        select: {
          name: true,
          displayName: true,
          logoUrl: true,
          primaryColor: true,
          themeMode: true,
          allowedOrigins: true,
          requiredScopes: true,
          allowMissingScopes: true,
        },
      },
    },
  });
  if (!row) return { state: "invalid" };
  const {
    allowedOrigins: workspaceOrigins,
    requiredScopes,
    allowMissingScopes,
    ...theme
  } = row.workspace;
  const presentation = {
    allowedOrigins: effectiveAllowedOrigins(row.allowedOrigins, workspaceOrigins),
    workspace: { ...theme, requiredScopes: splitScopes(requiredScopes) },
  };
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
      presentation,
    };
  }
  if (row.expiresAt.getTime() <= Date.now()) {
    // Left at the site picker: the sealed credential goes now rather than at the next sweep.
    if (row.pendingClientId !== null || row.pendingSites !== null) {
      await erasePendingChoice(row.id);
    }
    return { state: "expired", presentation };
  }
  return {
    state: "open",
    presentation,
    session: {
      id: row.id,
      workspaceId: row.workspaceId,
      workspaceName: row.workspace.name,
      endUser: { id: row.endUserId, email: row.endUserEmail, displayName: row.endUserDisplayName },
      subdomain: row.subdomain,
      expiresAt: row.expiresAt,
      requiredScopes: presentation.workspace.requiredScopes,
      allowMissingScopes,
    },
  };
}
