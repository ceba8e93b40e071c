import "server-only";
import type { WorkspaceScope } from "../scope";
import { getDb } from "../db";
import { inWorkspace } from "../scope";
import { logger } from "../log";
import { gatewayRefusedFailure, type Failure } from "./internal/failures";
import { saveCheckResult } from "./internal/save-check";

/**
 * Marks a connection failing because the gateway refused a token issued moments before, as a
 * Test that fails would: check history, audit, and the status-change webhook. A refusal
 * (failures.ts: isRefusal), so the cached token goes and later calls are answered 409 without
 * reaching Atlassian until a Test passes or the end user reconnects.
 */
export async function recordGatewayRefusal(
  scope: WorkspaceScope,
  connectionId: string,
  durationMs: number,
): Promise<Failure> {
  const failure = gatewayRefusedFailure();
  const row = await getDb().connection.findFirst({
    where: { id: connectionId, ...inWorkspace(scope) },
    select: { id: true, workspaceId: true, status: true },
  });
  if (row) await saveCheckResult(scope, row, { update: {}, failure, trigger: "proxy", durationMs });
  logger.warn({ connectionId }, "gateway refused a fresh token twice; connection marked failing");
  return failure;
}
