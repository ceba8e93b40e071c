import "server-only";
import type { AccessToken, Site } from "../../atlassian";
import { recordAudit } from "../../audit/record";
import { enqueueWebhook, statusChangeEvent } from "../../webhooks/enqueue";
import { sealSecret } from "../../crypto/secrets";
import { changeHotRows } from "../../db/change-hot-rows";
import { lockForTransaction } from "../../db/dialect";
import { newId } from "../../ids";
import type { OpenConnectSession } from "../find-connect-session";
import { grantedScopes } from "./granted-scopes";
import { NO_PENDING_CHOICE } from "./pending-choice";
import { connectionSearchText } from "./search-text";
import { toApiConnection, type ApiConnection } from "./to-api";

export type VerifiedCredential = {
  clientId: string;
  clientSecret: string;
  token: AccessToken;
  site: Site;
};

/**
 * Stores a fully verified credential and spends the connect session, in one transaction: a
 * double submit or a second tab finds the session spent and stores nothing. When the end user
 * already has a live connection to the same site, it is updated in place, so the tenant keeps
 * one connection id per end user and site (reconnecting after rotating a secret, say).
 */
export async function storeConnection(
  session: OpenConnectSession,
  credential: VerifiedCredential,
): Promise<ApiConnection | null> {
  const { clientId, clientSecret, token, site } = credential;
  const scopes = grantedScopes(credential);
  return changeHotRows("connection", async (tx) => {
    // Two links for the same end user and site submitted at once would both find no connection
    // and both insert: they take turns, for this end user and site only.
    await lockForTransaction(
      tx,
      `connection:${session.workspaceId}:${session.endUser.id}:${site.cloudId}`,
    );
    const existing = await tx.connection.findFirst({
      where: {
        workspaceId: session.workspaceId,
        endUserId: session.endUser.id,
        siteCloudId: site.cloudId,
        status: { not: "revoked" },
      },
      select: { id: true, status: true },
    });
    const id = existing?.id ?? newId("conn");
    const context = { workspaceId: session.workspaceId, recordId: id };
    const now = new Date();
    const fields = {
      endUserEmail: session.endUser.email,
      endUserDisplayName: session.endUser.displayName,
      clientId,
      clientSecretSealed: sealSecret(clientSecret, { ...context, purpose: "client_secret" }),
      accessTokenSealed: sealSecret(token.accessToken, { ...context, purpose: "access_token" }),
      accessTokenExpiresAt: token.expiresAt,
      siteName: site.name,
      siteUrl: site.url,
      scopes: scopes.join(" "),
      status: "healthy",
      lastCheckedAt: now,
      lastErrorCode: null,
      lastErrorMessage: null,
      searchText: connectionSearchText({
        endUserId: session.endUser.id,
        endUserEmail: session.endUser.email,
        endUserDisplayName: session.endUser.displayName,
        siteName: site.name,
        siteUrl: site.url,
      }),
    };

    const spent = await tx.connectSession.updateMany({
      where: { id: session.id, connectedAt: null },
      // Spent, the session needs the pending choice no more: its secret goes with it.
      data: { connectedAt: now, connectionId: id, ...NO_PENDING_CHOICE },
    });
    if (spent.count !== 1) return null;

    const saved = existing
      ? await tx.connection.update({ where: { id }, data: fields })
      : await tx.connection.create({
          data: {
            id,
            workspaceId: session.workspaceId,
            endUserId: session.endUser.id,
            siteCloudId: site.cloudId,
            createdAt: now,
            ...fields,
          },
        });
    await recordAudit(
      {
        workspaceId: session.workspaceId,
        actor: {
          type: "end_user",
          id: session.endUser.id,
          label: endUserLabel(session.endUser),
        },
        ip: null,
      },
      {
        action: "connection.created",
        target: { type: "connection", id },
        details: { site: site.url, reconnected: Boolean(existing) },
      },
      tx,
    );
    const connection = toApiConnection(saved);
    const event = existing ? statusChangeEvent(existing.status, "healthy") : "connection.created";
    if (event) await enqueueWebhook(tx, session.workspaceId, event, connection);
    return connection;
  });
}

function endUserLabel(endUser: OpenConnectSession["endUser"]): string {
  return endUser.email ? `${endUser.id} (${endUser.email})` : endUser.id;
}
