import "server-only";
import type { WorkspaceScope } from "../scope";
import { getDb } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { newId } from "../ids";
import type { AuditAction } from "./actions";

export { AUDIT_ACTIONS, type AuditAction } from "./actions";

type AuditEntry = {
  action: AuditAction;
  target?: { type: string; id: string };
  details?: Record<string, string | number | boolean | null>;
};

/** The client or a transaction: anything that can create an audit event. */
type Writer = {
  auditEvent: {
    create(args: { data: Prisma.AuditEventUncheckedCreateInput }): PromiseLike<unknown>;
  };
};

/** Appends one event. Pass the transaction a change runs in, so the event and the change land together. */
export async function recordAudit(scope: WorkspaceScope, entry: AuditEntry, db: Writer = getDb()) {
  await db.auditEvent.create({
    data: {
      id: newId("evt"),
      workspaceId: scope.workspaceId,
      action: entry.action,
      actorType: scope.actor.type,
      actorId: scope.actor.id,
      actorLabel: scope.actor.label,
      targetType: entry.target?.type ?? null,
      targetId: entry.target?.id ?? null,
      ip: scope.ip,
      details: JSON.stringify(entry.details ?? {}),
    },
  });
}
