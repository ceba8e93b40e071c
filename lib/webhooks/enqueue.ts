import "server-only";
import type { ApiConnection } from "../connections/internal/to-api";
import type { Prisma } from "../generated/prisma/client";
import { newId } from "../ids";

export const WEBHOOK_EVENTS = [
  "connection.created",
  "connection.failing",
  "connection.recovered",
  "connection.revoked",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

type Writer = Pick<Prisma.TransactionClient, "workspace" | "webhookDelivery">;

/**
 * Queues an event for the workspace's webhook, in the transaction of the change it reports (an
 * outbox: the event exists exactly when the change does). Nothing is queued without a webhook
 * URL. The payload carries the public Connection, never a secret.
 */
export async function enqueueWebhook(
  tx: Writer,
  workspaceId: string,
  event: WebhookEvent,
  connection: ApiConnection,
): Promise<void> {
  const workspace = await tx.workspace.findUnique({
    where: { id: workspaceId },
    select: { webhookUrl: true },
  });
  if (!workspace?.webhookUrl) return;
  const id = newId("whd");
  const payload = JSON.stringify({
    id,
    type: event,
    created_at: new Date().toISOString(),
    data: { connection },
  });
  await tx.webhookDelivery.create({
    data: { id, workspaceId, event, connectionId: connection.id, payload },
  });
}

/** The event a status change means, if any: failing, or recovered from failing. */
export function statusChangeEvent(before: string, after: string): WebhookEvent | null {
  if (after === "failing" && before !== "failing") return "connection.failing";
  if (after === "healthy" && before === "failing") return "connection.recovered";
  return null;
}
