import "server-only";
import { inWorkspace, type WorkspaceScope } from "../scope";
import { decodeCursor, encodeCursor, type Cursor } from "../validation/cursor";
import { getDb } from "../db";
import type { AuditEvent, Prisma } from "../generated/prisma/client";
import type { AuditFilters, AuditQuery } from "../validation/audit-query";

export type AuditEventPage = { events: AuditEvent[]; nextCursor: string | null };

/** An export stops here; narrow the dates to reach older events. */
export const AUDIT_EXPORT_MAX_EVENTS = 100_000;
const EXPORT_BATCH_SIZE = 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export class InvalidAuditCursorError extends Error {
  constructor() {
    super("That page link is not valid any more. Start again from the newest events.");
    this.name = "InvalidAuditCursorError";
  }
}

type Scope = Pick<WorkspaceScope, "workspaceId">;

function whereFor(scope: Scope, filters: AuditFilters, after: Cursor | null) {
  const where: Prisma.AuditEventWhereInput = {
    ...inWorkspace(scope),
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.actor_type ? { actorType: filters.actor_type } : {}),
  };
  if (filters.from || filters.to) {
    where.createdAt = {
      ...(filters.from ? { gte: new Date(`${filters.from}T00:00:00Z`) } : {}),
      // `to` names a whole UTC day: everything before the next midnight.
      ...(filters.to ? { lt: new Date(Date.parse(`${filters.to}T00:00:00Z`) + DAY_MS) } : {}),
    };
  }
  if (after) {
    where.OR = [
      { createdAt: { lt: after.createdAt } },
      { createdAt: after.createdAt, id: { lt: after.id } },
    ];
  }
  return where;
}

async function fetchPage(scope: Scope, filters: AuditFilters, after: Cursor | null, take: number) {
  return getDb().auditEvent.findMany({
    where: whereFor(scope, filters, after),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
  });
}

/** A workspace's audit events, newest first, one keyset page at a time. */
export async function listAuditEvents(scope: Scope, query: AuditQuery): Promise<AuditEventPage> {
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  if (query.cursor && !cursor) throw new InvalidAuditCursorError();
  const rows = await fetchPage(scope, query, cursor, query.limit + 1);
  const events = rows.slice(0, query.limit);
  const last = events.at(-1);
  return {
    events,
    nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
  };
}

/**
 * Every matching event, newest first, in batches read one at a time as the consumer asks, so a
 * large log is never held in memory at once. Stops after AUDIT_EXPORT_MAX_EVENTS.
 */
export async function* exportAuditEvents(
  scope: Scope,
  filters: AuditFilters,
  { batchSize = EXPORT_BATCH_SIZE, max = AUDIT_EXPORT_MAX_EVENTS } = {},
): AsyncGenerator<AuditEvent[]> {
  let after: Cursor | null = null;
  let remaining = max;
  while (remaining > 0) {
    const take = Math.min(batchSize, remaining);
    const batch = await fetchPage(scope, filters, after, take);
    if (batch.length === 0) return;
    yield batch;
    remaining -= batch.length;
    if (batch.length < take) return;
    after = batch.at(-1)!;
  }
}
