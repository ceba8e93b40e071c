import "server-only";
import type { WorkspaceScope } from "../scope";
import { getDb } from "../db";
import { splitScopes } from "../workspaces/split-scopes";
import { getEnv } from "../env";
import { effectiveAllowedOrigins } from "../embed/origins";
import { newId, newSecretToken, sha256 } from "../ids";
import type { CreateConnectSessionInput } from "../validation/connect-session";
import {
  erasePendingChoice,
  HOLDS_PENDING_CHOICE,
  NO_PENDING_CHOICE,
} from "./internal/pending-choice";

const SESSION_LIFETIME_MS = 30 * 60 * 1000;
/**
 * How long an expired session is kept (without any secret) before the sweep deletes it: a week in
 * which an end user opening an old link reads "this link has expired" (or, spent, "connected")
 * rather than "this link is not valid". After that it goes, with the end user's id and e-mail.
 */
export const EXPIRED_SESSIONS_KEPT_MS = 7 * 24 * 60 * 60 * 1000;
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

/** What every state of the connect page needs: who may frame it, and how it looks. */
export type SessionPresentation = {
  allowedOrigins: string[];
  workspace: {
    name: string;
    displayName: string | null;
    logoUrl: string | null;
    primaryColor: string | null;
    themeMode: string;
    /** Scopes the workspace's app needs; the form warns when a credential lacks any. */
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
  if (!token || !TOKEN_PATTERN.test(token)) return { state: "invalid" };
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
        },
      },
    },
  });
  if (!row) return { state: "invalid" };
  const { allowedOrigins: workspaceOrigins, requiredScopes, ...theme } = row.workspace;
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
    },
  };
}

export type SweepResult = { erased: number; purged: number };

/**
 * Forgets what ended connect sessions hold (lib/jobs/connect-session-sweep.ts runs it): the
 * pending choice of every expired or spent one (an end user who stopped at the site picker left a
 * sealed client secret and token there), and the whole row once it expired more than
 * EXPIRED_SESSIONS_KEPT_MS ago. Idempotent, so several instances may run it at once.
 */
export async function sweepConnectSessions(now = new Date()): Promise<SweepResult> {
  const db = getDb();
  const erased = await db.connectSession.updateMany({
    where: {
      AND: [
        { OR: [{ expiresAt: { lte: now } }, { connectedAt: { not: null } }] },
        HOLDS_PENDING_CHOICE,
      ],
    },
    data: NO_PENDING_CHOICE,
  });
  const purged = await db.connectSession.deleteMany({
    where: { expiresAt: { lt: new Date(now.getTime() - EXPIRED_SESSIONS_KEPT_MS) } },
  });
  return { erased: erased.count, purged: purged.count };
}
