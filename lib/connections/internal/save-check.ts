import "server-only";
import { recordAudit } from "../../audit/record";
import type { WorkspaceScope } from "../../scope";
import { changeHotRows } from "../../db/change-hot-rows";
import type { Prisma } from "../../generated/prisma/client";
import { newId } from "../../ids";
import { enqueueWebhook, statusChangeEvent } from "../../webhooks/enqueue";
import { isRefusal, type Failure } from "./failures";
import { toApiConnection, type ApiConnection } from "./to-api";

export type CheckResult = {
  /** Fields refreshed by a successful check (site name, scopes, cached token…). */
  update: Prisma.ConnectionUpdateInput;
  failure: Failure | null;
  trigger: CheckTrigger;
  durationMs: number;
};

/**
 * Saves the outcome of a live check in one transaction: status, last_checked_at and last_error;
 * the check history; the audit event; and a webhook when the status changed. A refusal
 * (lib/connections/internal/failures.ts: isRefusal) also drops the cached token. A connection revoked
 * while the check ran stays revoked (null is returned).
 */
export async function saveCheckResult(
  scope: WorkspaceScope,
  before: { id: string; workspaceId: string; status: string },
  result: CheckResult,
): Promise<ApiConnection | null> {
  const status = result.failure ? "failing" : "healthy";
  // Refused by Atlassian: the cached token goes too, so the access-token endpoint answers
  // connection_failing at once instead of handing out a token for a dead credential.
  const dropToken = isRefusal(result.failure?.code)
    ? { accessTokenSealed: null, accessTokenExpiresAt: null }
    : {};
  return changeHotRows("connection", async (tx) => {
    const changed = await tx.connection.updateMany({
      where: { id: before.id, workspaceId: before.workspaceId, status: { not: "revoked" } },
      data: {
        ...(result.update as Prisma.ConnectionUpdateManyMutationInput),
        ...dropToken,
        status,
        lastCheckedAt: new Date(),
        lastErrorCode: result.failure?.code ?? null,
        lastErrorMessage: result.failure?.message ?? null,
      },
    });
    if (changed.count !== 1) return null;
    const connection = toApiConnection(
      await tx.connection.findUniqueOrThrow({ where: { id: before.id } }),
    );
    await recordCheck(tx, {
      connectionId: before.id,
      trigger: result.trigger,
      outcome: status,
      errorCode: result.failure?.code ?? null,
      durationMs: result.durationMs,
    });
    // Renewals happen hourly per connection: they are in the check history, not the audit log.
    if (result.trigger !== "renewal") {
      await recordAudit(
        scope,
        {
          action: "connection.tested",
          target: { type: "connection", id: before.id },
          details: { outcome: status, code: result.failure?.code ?? null, trigger: result.trigger },
        },
        tx,
      );
    }
    const event = statusChangeEvent(before.status, status);
    if (event) await enqueueWebhook(tx, before.workspaceId, event, connection);
    return connection;
  });
}

export const CHECKS_KEPT = 30;

/** `proxy`: a proxied call found the token refused (lib/connections/record-gateway-refusal.ts). */
export type CheckTrigger = "test" | "scheduled" | "renewal" | "proxy";

/** Records one live check of a connection and forgets all but the last CHECKS_KEPT. */
async function recordCheck(
  tx: Pick<Prisma.TransactionClient, "connectionCheck">,
  check: {
    connectionId: string;
    trigger: CheckTrigger;
    outcome: "healthy" | "failing";
    errorCode: string | null;
    durationMs: number;
  },
): Promise<void> {
  await tx.connectionCheck.create({
    data: { id: newId("chk"), ...check, durationMs: Math.round(check.durationMs) },
  });
  const stale = await tx.connectionCheck.findMany({
    where: { connectionId: check.connectionId },
    orderBy: { checkedAt: "desc" },
    skip: CHECKS_KEPT,
    select: { id: true },
  });
  if (stale.length) {
    await tx.connectionCheck.deleteMany({ where: { id: { in: stale.map((row) => row.id) } } });
  }
}
