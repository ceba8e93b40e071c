import "server-only";
import { forEachConcurrently, startRecurring } from "./recurring";
import { createHash, randomUUID } from "node:crypto";
import type { WorkspaceScope } from "../scope";
import { testConnection } from "../connections/test-connection";
import { getDb } from "../db";
import { releaseLease, tryAcquireLease } from "../db/leases";
import { metrics } from "../metrics/registry";
import { logger } from "../log";

const LEASE_NAME = "health-check-round";
/** Far longer than a round should take; the round renews it while it works all the same. */
const LEASE_MS = 10 * 60_000;
const MAX_BACKOFF_MS = 24 * 60 * 60_000;
const JITTER = 0.1;
const MAX_TICK_MS = 10 * 60_000;
const SCAN_BATCH = 500;

export type DueConnection = { id: string; workspaceId: string };

export type RoundResult = {
  ran: boolean;
  checked: number;
  healthy: number;
  failing: number;
  /** Checks that crashed (not a failing credential: those count as failing). */
  errors: number;
};

/**
 * A fixed fraction in [-0.1, 0.1) per connection: each connection keeps a steady rhythm, while a
 * fleet created at once spreads its checks over a fifth of the interval.
 */
export function jitterFraction(id: string): number {
  const value = createHash("sha256").update(id).digest().readUInt32BE(0) / 2 ** 32;
  return (value * 2 - 1) * JITTER;
}

/**
 * How long after its last check a connection is due again: the interval, doubled for each
 * consecutive failing scheduled check after the first, up to a day (or the interval, if longer),
 * plus the connection's jitter.
 */
export function checkDelayMs(id: string, failures: number, intervalMs: number): number {
  const backoff = Math.min(intervalMs * 2 ** Math.max(failures - 1, 0), backoffCapMs(intervalMs));
  return backoff + jitterFraction(id) * intervalMs;
}

/**
 * Failing scheduled checks at the top of a newest-first history. A healthy check ends the run; a
 * failing Test or token renewal neither counts nor ends it.
 */
export function failingStreak(checks: { trigger: string; outcome: string }[]): number {
  let streak = 0;
  for (const check of checks) {
    if (check.outcome !== "failing") break;
    if (check.trigger === "scheduled") streak += 1;
  }
  return streak;
}

function backoffCapMs(intervalMs: number): number {
  return Math.max(MAX_BACKOFF_MS, intervalMs);
}

/** Enough of a failing connection's latest checks to tell a streak that has reached the cap. */
function checksToReachCap(intervalMs: number): number {
  return Math.ceil(Math.log2(backoffCapMs(intervalMs) / intervalMs)) + 1;
}

/**
 * Live connections due for a scheduled check, most overdue first: never checked, or last checked
 * longer ago than their delay (checkDelayMs). Healthy ones follow the plain interval; failing
 * ones back off, counted from their latest few checks.
 */
export async function dueConnections(
  now: Date,
  intervalMs: number,
  limit: number,
): Promise<DueConnection[]> {
  // Nothing is due sooner than this after its last check, so only older rows are read.
  const cutoff = new Date(now.getTime() - intervalMs * (1 - JITTER));
  const lookback = checksToReachCap(intervalMs);
  const db = getDb();
  const [never, healthy, failing] = await Promise.all([
    db.connection.findMany({
      where: { status: { in: ["healthy", "failing"] }, lastCheckedAt: null },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: limit,
      select: { id: true, workspaceId: true },
    }),
    scanDue(now, limit, (after) =>
      db.connection
        .findMany({
          where: { status: "healthy", ...olderThan(cutoff, after) },
          orderBy: [{ lastCheckedAt: "asc" }, { id: "asc" }],
          take: SCAN_BATCH,
          select: { id: true, workspaceId: true, lastCheckedAt: true },
        })
        .then((rows) => rows.map((row) => withDueAt(row, 0, intervalMs))),
    ),
    scanDue(now, limit, (after) =>
      db.connection
        .findMany({
          where: { status: "failing", ...olderThan(cutoff, after) },
          orderBy: [{ lastCheckedAt: "asc" }, { id: "asc" }],
          take: SCAN_BATCH,
          select: {
            id: true,
            workspaceId: true,
            lastCheckedAt: true,
            checks: {
              orderBy: [{ checkedAt: "desc" }, { id: "desc" }],
              take: lookback,
              select: { trigger: true, outcome: true },
            },
          },
        })
        .then((rows) => rows.map((row) => withDueAt(row, failingStreak(row.checks), intervalMs))),
    ),
  ]);
  const overdue = [...healthy, ...failing].sort((a, b) => a.dueAt - b.dueAt);
  return [...never, ...overdue].slice(0, limit).map(({ id, workspaceId }) => ({ id, workspaceId }));
}

type Candidate = DueConnection & { lastCheckedAt: Date; dueAt: number };
type Position = Pick<Candidate, "id" | "lastCheckedAt">;

/** Last checked at or before the cutoff, after the keyset position (lastCheckedAt, id). */
function olderThan(cutoff: Date, after: Position | null) {
  return {
    lastCheckedAt: { lte: cutoff },
    ...(after
      ? {
          OR: [
            { lastCheckedAt: { gt: after.lastCheckedAt } },
            { lastCheckedAt: after.lastCheckedAt, id: { gt: after.id } },
          ],
        }
      : {}),
  };
}

function withDueAt(
  row: { id: string; workspaceId: string; lastCheckedAt: Date | null },
  failures: number,
  intervalMs: number,
): Candidate {
  const lastCheckedAt = row.lastCheckedAt!; // the query asks for checked rows only
  const dueAt = lastCheckedAt.getTime() + checkDelayMs(row.id, failures, intervalMs);
  return { id: row.id, workspaceId: row.workspaceId, lastCheckedAt, dueAt };
}

/**
 * Reads candidates oldest check first, a batch at a time, until `limit` are due. Rows backing
 * off can stand ahead of due ones, so a batch may yield few; the scan stops at ten times the
 * limit, and what it missed is found by a later round.
 */
async function scanDue(
  now: Date,
  limit: number,
  fetchBatch: (after: Position | null) => Promise<Candidate[]>,
): Promise<Candidate[]> {
  const due: Candidate[] = [];
  let after: Position | null = null;
  for (let scanned = 0; due.length < limit && scanned < limit * 10;) {
    const batch = await fetchBatch(after);
    due.push(...batch.filter((row) => row.dueAt <= now.getTime()));
    scanned += batch.length;
    if (batch.length < SCAN_BATCH) break;
    after = batch.at(-1) ?? null;
  }
  return due;
}

function systemScope(workspaceId: string): WorkspaceScope {
  return {
    workspaceId,
    actor: { type: "system", id: null, label: "Scheduled health check" },
    ip: null,
  };
}

/**
 * Checks every due connection once, a few at a time, if this process wins the round's lease: with
 * several instances on one database exactly one runs a round. Each round takes its own lease
 * holder, so two rounds in one process exclude each other as well.
 */
export async function runHealthCheckRound({
  intervalMs,
  concurrency = 4,
  limit = 500,
  now = new Date(),
}: {
  intervalMs: number;
  concurrency?: number;
  limit?: number;
  now?: Date;
}): Promise<RoundResult> {
  const result: RoundResult = { ran: false, checked: 0, healthy: 0, failing: 0, errors: 0 };
  const holder = randomUUID();
  if (!(await tryAcquireLease(LEASE_NAME, LEASE_MS, holder))) {
    logger.debug("health check round skipped: another instance is running one");
    metrics().healthCheckRounds.inc({ outcome: "skipped" });
    return result;
  }
  result.ran = true;
  const started = performance.now();
  let due: DueConnection[] = [];
  let renewedAt = Date.now();
  let leaseLost = false;
  try {
    due = await dueConnections(now, intervalMs, limit);
    await forEachConcurrently(due, concurrency, async (connection) => {
      if (leaseLost) return "stop";
      if (Date.now() - renewedAt > LEASE_MS / 2) {
        renewedAt = Date.now();
        leaseLost = !(await tryAcquireLease(LEASE_NAME, LEASE_MS, holder));
        if (leaseLost) return "stop";
      }
      await checkOne(connection, result);
    });
  } catch (error) {
    metrics().healthCheckRounds.inc({ outcome: "error" });
    throw error;
  } finally {
    await releaseLease(LEASE_NAME, holder);
  }
  const { healthCheckRounds, healthChecks } = metrics();
  healthCheckRounds.inc({ outcome: result.errors ? "error" : "ok" });
  healthChecks.inc({ result: "healthy" }, result.healthy);
  healthChecks.inc({ result: "failing" }, result.failing);
  logger.info(
    { ...result, due: due.length, leaseLost, durationMs: Math.round(performance.now() - started) },
    "health check round",
  );
  return result;
}

async function checkOne(connection: DueConnection, result: RoundResult): Promise<void> {
  try {
    const outcome = await testConnection(
      systemScope(connection.workspaceId),
      connection.id,
      "scheduled",
    );
    if (!outcome.ok) return; // revoked or deleted since the round picked it
    result.checked += 1;
    result[outcome.connection.status === "healthy" ? "healthy" : "failing"] += 1;
  } catch (error) {
    result.errors += 1;
    logger.error({ err: error, connectionId: connection.id }, "scheduled health check crashed");
  }
}

/**
 * Runs a round every sixth of the interval (at most every 10 minutes), so a connection is checked
 * soon after it comes due; the first after 5–30 s (or one tick, if shorter), so instances
 * started together spread out.
 * Rounds never overlap and their errors are logged, never thrown. Returns stop().
 */
export function startHealthChecks(
  intervalMs: number | null,
  runRound: () => Promise<unknown> = () => runHealthCheckRound({ intervalMs: intervalMs! }),
): () => void {
  if (!intervalMs) {
    logger.info("scheduled health checks are off (HEALTH_CHECK_INTERVAL=off)");
    return () => {};
  }
  const everyMs = Math.min(intervalMs / 6, MAX_TICK_MS);
  const stop = startRecurring({
    name: "health check round",
    everyMs,
    firstDelayMs: Math.min(5_000 + Math.random() * 25_000, everyMs),
    run: runRound,
  });
  logger.info({ intervalMs, everyMs }, "scheduled health checks started");
  return stop;
}
