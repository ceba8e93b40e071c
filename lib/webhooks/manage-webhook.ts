import "server-only";
import { recordAudit } from "../audit/record";
import { inWorkspace, type WorkspaceScope } from "../scope";
import { openSecret, sealSecret, type SealContext } from "../crypto/secrets";
import { getDb } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { webhookUrlSchemaFor } from "../validation/settings";
import { newWebhookSecret } from "./signature";
import { webhookAddressPolicy } from "./target";

export type WebhookSettings = {
  url: string | null;
  hasSigningSecret: boolean;
  /** `ALLOW_PRIVATE_WEBHOOKS`: the form checks addresses as the server will. */
  allowPrivate: boolean;
};

export type WebhookDeliverySummary = {
  id: string;
  event: string;
  status: string;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: Date;
  nextAttemptAt: Date;
  deliveredAt: Date | null;
};

const MAX_LISTED = 100;

// A Workspace row is the scope itself: it is found by the scope's id, never by one from a form.
const own = (scope: WorkspaceScope) => ({ id: scope.workspaceId });

// The secret is sealed to its workspace, so a sealed value copied to another row fails to open.
const secretContext = (scope: WorkspaceScope): SealContext => ({
  workspaceId: scope.workspaceId,
  recordId: scope.workspaceId,
  purpose: "webhook_secret",
});

export async function getWebhookSettings(scope: WorkspaceScope): Promise<WebhookSettings> {
  const workspace = await getDb().workspace.findUniqueOrThrow({
    where: own(scope),
    select: { webhookUrl: true, webhookSecretSealed: true },
  });
  return {
    url: workspace.webhookUrl,
    hasSigningSecret: workspace.webhookSecretSealed !== null,
    allowPrivate: webhookAddressPolicy().allowPrivate,
  };
}

/** The signing secret in plaintext, for the member to copy into their receiver; null if none. */
export async function revealWebhookSecret(scope: WorkspaceScope): Promise<string | null> {
  const workspace = await getDb().workspace.findUniqueOrThrow({
    where: own(scope),
    select: { webhookSecretSealed: true },
  });
  if (!workspace.webhookSecretSealed) return null;
  // Who saw the secret matters as much as who changed it.
  await recordAudit(scope, { action: "webhook.secret_revealed" });
  return openSecret(workspace.webhookSecretSealed, secretContext(scope));
}

/**
 * Sets the webhook's address, or removes the webhook with null (pending deliveries then fail).
 * The first address gets a signing secret, answered here so it can be shown at once; the secret
 * is kept when the webhook is removed, so adding it back does not break a configured receiver.
 */
export async function setWebhookUrl(
  scope: WorkspaceScope,
  url: string | null,
): Promise<{ url: string | null; newSecret: string | null }> {
  // The address is fetched by the server: checked here too, whoever calls, under the
  // instance's policy on private addresses (and again at every delivery).
  const wanted = webhookUrlSchemaFor(webhookAddressPolicy()).parse(url ?? "");
  return getDb().$transaction(async (tx) => {
    const before = await tx.workspace.findUniqueOrThrow({
      where: own(scope),
      select: { webhookUrl: true, webhookSecretSealed: true },
    });
    const newSecret = wanted && !before.webhookSecretSealed ? newWebhookSecret() : null;
    if (before.webhookUrl === wanted && !newSecret) return { url: wanted, newSecret: null };
    await tx.workspace.update({
      where: own(scope),
      data: {
        webhookUrl: wanted,
        ...(newSecret ? { webhookSecretSealed: sealSecret(newSecret, secretContext(scope)) } : {}),
      },
    });
    await audit(scope, tx, {
      changed: newSecret ? "url signing_secret" : "url",
      // Only the origin: a path or query may carry the receiver's own token.
      from: originOf(before.webhookUrl),
      to: originOf(wanted),
    });
    return { url: wanted, newSecret };
  });
}

/**
 * Replaces the signing secret; answers the new one, or null when no webhook is set. Deliveries
 * are signed with the new secret from the next one on, so the receiver must switch to it.
 */
export async function rollWebhookSecret(scope: WorkspaceScope): Promise<string | null> {
  return getDb().$transaction(async (tx) => {
    const workspace = await tx.workspace.findUniqueOrThrow({
      where: own(scope),
      select: { webhookUrl: true },
    });
    if (!workspace.webhookUrl) return null;
    const secret = newWebhookSecret();
    await tx.workspace.update({
      where: own(scope),
      data: { webhookSecretSealed: sealSecret(secret, secretContext(scope)) },
    });
    await audit(scope, tx, { changed: "signing_secret" });
    return secret;
  });
}

/** The workspace's most recent deliveries, newest first. */
export async function listWebhookDeliveries(
  scope: WorkspaceScope,
  limit = 20,
): Promise<WebhookDeliverySummary[]> {
  return getDb().webhookDelivery.findMany({
    where: inWorkspace(scope),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.max(1, Math.min(limit, MAX_LISTED)),
    select: {
      id: true,
      event: true,
      status: true,
      attempts: true,
      lastStatus: true,
      lastError: true,
      createdAt: true,
      nextAttemptAt: true,
      deliveredAt: true,
    },
  });
}

function audit(
  scope: WorkspaceScope,
  tx: Prisma.TransactionClient,
  details: Record<string, string | null>,
) {
  return recordAudit(
    scope,
    { action: "webhook.updated", target: { type: "workspace", id: scope.workspaceId }, details },
    tx,
  );
}

function originOf(url: string | null): string | null {
  return url ? new URL(url).origin : null;
}
