import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { FakeAtlassian } from "../../testing/fake-atlassian/server";
import {
  TEST_KEY,
  startConnectTestbed,
  loadConnectUseCases,
  type ConnectUseCases,
} from "../../testing/connect-testbed";
import { createTestWorkspace, type openTestDatabase } from "../../testing/test-db";

const HOUR = 60 * 60 * 1000;

let fake: FakeAtlassian;
let db: Awaited<ReturnType<typeof openTestDatabase>>;
let jobs: typeof import("./health-checks");
let lib: ConnectUseCases & {
  ids: typeof import("../ids");
};
let workspaceId: string;

beforeAll(async () => {
  ({ fake, db } = await startConnectTestbed());
  jobs = await import("./health-checks");
  lib = {
    ...(await loadConnectUseCases()),
    ids: await import("../ids"),
  };
  workspaceId = (await createTestWorkspace()).workspace.id;
});

afterAll(() => fake.close());

// Due selection spans every workspace, so each test starts without connections.
beforeEach(async () => {
  await db.getDb().connection.deleteMany();
});

/** A connection row as the round would find it; no upstream credential behind it. */
async function insertConnection(
  fields: { status?: string; lastCheckedAt?: Date | null },
  id = lib.ids.newId("conn"),
) {
  await db.getDb().connection.create({
    data: {
      id,
      workspaceId,
      endUserId: `user-${id}`,
      clientId: `cid-${id}`,
      siteCloudId: randomUUID(),
      siteName: "Acme",
      siteUrl: "https://acme.atlassian.net",
      status: fields.status ?? "healthy",
      lastCheckedAt: fields.lastCheckedAt ?? null,
    },
  });
  return id;
}

/** Check history, newest first, one minute apart before `newest`. */
async function addChecks(connectionId: string, checks: [string, string][], newest: Date) {
  await db.getDb().connectionCheck.createMany({
    data: checks.map(([trigger, outcome], i) => ({
      id: lib.ids.newId("chk"),
      connectionId,
      trigger,
      outcome,
      errorCode: outcome === "failing" ? "invalid_credentials" : null,
      durationMs: 100,
      checkedAt: new Date(newest.getTime() - i * 60_000),
    })),
  });
}

async function connectOne() {
  const credential = { clientId: `cid-${randomUUID()}`, clientSecret: `secret-${randomUUID()}` };
  await fetch(`${fake.url}/__fake/credentials`, {
    method: "POST",
    body: JSON.stringify({
      client_id: credential.clientId,
      client_secret: credential.clientSecret,
      sites: [{ id: randomUUID(), name: "Acme", url: "https://acme.atlassian.net" }],
      scope: "read:jira-work",
    }),
  });
  const { token } = await lib.sessions.createConnectSession(
    { workspaceId, actor: TEST_KEY, ip: null },
    { end_user: { id: `user-${randomUUID()}` } },
  );
  const outcome = await lib.connect.connectCredential(token, {
    ...credential,
    subdomain: undefined,
  });
  if (outcome.kind !== "connected") throw new Error(`expected connected, got ${outcome.kind}`);
  return { id: outcome.connection.id, credential };
}

const ago = (now: Date, ms: number) => new Date(now.getTime() - ms);
const sorted = (ids: string[]) => [...ids].sort();
async function dueIds(now: Date, intervalMs = HOUR, limit = 100) {
  return (await jobs.dueConnections(now, intervalMs, limit)).map((c) => c.id);
}

describe("due selection", () => {
  it("picks never-checked and overdue live connections, not recent or revoked ones", async () => {
    const now = new Date();
    const never = await insertConnection({ lastCheckedAt: null });
    const overdue = await insertConnection({ lastCheckedAt: ago(now, 2 * HOUR) });
    await insertConnection({ lastCheckedAt: ago(now, 30 * 60_000) });
    await insertConnection({ status: "revoked", lastCheckedAt: ago(now, 48 * HOUR) });
    await insertConnection({ status: "revoked", lastCheckedAt: null });
    // Exactly at the edge of its own jittered interval, one second either side.
    const [justDue, notYet] = [lib.ids.newId("conn"), lib.ids.newId("conn")];
    await insertConnection(
      { lastCheckedAt: ago(now, jobs.checkDelayMs(justDue, 0, HOUR) + 1000) },
      justDue,
    );
    await insertConnection(
      { lastCheckedAt: ago(now, jobs.checkDelayMs(notYet, 0, HOUR) - 1000) },
      notYet,
    );

    const due = await dueIds(now);
    expect(due[0]).toBe(never);
    expect(sorted(due)).toEqual(sorted([never, overdue, justDue]));
  });

  it("backs failing connections off: the interval doubles per failing scheduled check, up to a day", async () => {
    const now = new Date();
    const threeFailures: [string, string][] = [
      ["scheduled", "failing"],
      ["scheduled", "failing"],
      ["scheduled", "failing"],
      ["scheduled", "healthy"],
    ];
    const make = async (checks: [string, string][], lastCheckedMs: number) => {
      const id = await insertConnection({
        status: "failing",
        lastCheckedAt: ago(now, lastCheckedMs),
      });
      await addChecks(id, checks, ago(now, lastCheckedMs));
      return id;
    };
    // Three failures: due after 4 h (± 6 min of jitter).
    await make(threeFailures, 3.5 * HOUR);
    const afterFour = await make(threeFailures, 4.2 * HOUR);
    // A failing Test neither counts nor ends the run; a healthy check ends it: two failures, 2 h.
    const mixed: [string, string][] = [
      ["scheduled", "failing"],
      ["test", "failing"],
      ["scheduled", "failing"],
      ["scheduled", "healthy"],
      ["scheduled", "failing"],
    ];
    await make(mixed, 1.7 * HOUR);
    const afterTwo = await make(mixed, 2.2 * HOUR);
    // Failing after a Test only: the plain interval.
    const afterTest = await make([["test", "failing"]], 1.2 * HOUR);
    // Twenty failures are capped at a day.
    const many = Array.from({ length: 20 }, (): [string, string] => ["scheduled", "failing"]);
    await make(many, 23 * HOUR);
    const capped = await make(many, 24.2 * HOUR);

    expect(sorted(await dueIds(now))).toEqual(sorted([afterFour, afterTwo, afterTest, capped]));
  });

  it("returns the most overdue first, up to the limit", async () => {
    const now = new Date();
    const ids = [];
    for (const hours of [3, 9, 5, 7])
      ids.push(await insertConnection({ lastCheckedAt: ago(now, hours * HOUR) }));
    const never = await insertConnection({ lastCheckedAt: null });
    expect(await dueIds(now, HOUR, 3)).toEqual([never, ids[1], ids[3]]);
  });

  it("finds due connections behind more than a batch of failing ones still backing off", async () => {
    const now = new Date();
    const waiting = Array.from({ length: 600 }, () => lib.ids.newId("conn"));
    await db.getDb().connection.createMany({
      data: waiting.map((id) => ({
        id,
        workspaceId,
        endUserId: id,
        clientId: id,
        siteCloudId: id,
        siteName: "Acme",
        siteUrl: "https://acme.atlassian.net",
        status: "failing",
        lastCheckedAt: ago(now, 20 * HOUR),
      })),
    });
    await db.getDb().connectionCheck.createMany({
      data: waiting.flatMap((connectionId) =>
        Array.from({ length: 8 }, (_, i) => ({
          id: lib.ids.newId("chk"),
          connectionId,
          trigger: "scheduled",
          outcome: "failing",
          durationMs: 100,
          checkedAt: ago(now, 20 * HOUR + i * HOUR),
        })),
      ),
    });
    const newlyFailing = await insertConnection({
      status: "failing",
      lastCheckedAt: ago(now, 2 * HOUR),
    });
    await addChecks(newlyFailing, [["scheduled", "failing"]], ago(now, 2 * HOUR));
    expect(await dueIds(now)).toEqual([newlyFailing]);
  });

  it("spreads connections evenly over ±10 % of the interval, the same way every time", () => {
    const fractions = Array.from({ length: 2000 }, (_, i) => jobs.jitterFraction(`conn_${i}`));
    expect(Math.min(...fractions)).toBeGreaterThanOrEqual(-0.1);
    expect(Math.max(...fractions)).toBeLessThan(0.1);
    expect(Math.min(...fractions)).toBeLessThan(-0.09);
    expect(Math.max(...fractions)).toBeGreaterThan(0.09);
    expect(Math.abs(fractions.reduce((sum, f) => sum + f, 0) / fractions.length)).toBeLessThan(
      0.01,
    );
    expect(jobs.jitterFraction("conn_7")).toBe(fractions[7]);
  });

  it("counts a failing streak from the newest check", () => {
    expect(jobs.failingStreak([])).toBe(0);
    expect(
      jobs.failingStreak([
        { trigger: "scheduled", outcome: "failing" },
        { trigger: "renewal", outcome: "failing" },
        { trigger: "scheduled", outcome: "failing" },
        { trigger: "test", outcome: "healthy" },
        { trigger: "scheduled", outcome: "failing" },
      ]),
    ).toBe(2);
  });
});

describe("a health check round", () => {
  it("checks due connections as the system, records scheduled checks and flags a credential revoked upstream", async () => {
    const good = await connectOne();
    const bad = await connectOne();
    await fetch(`${fake.url}/__fake/revoke`, {
      method: "POST",
      body: JSON.stringify({ client_id: bad.credential.clientId }),
    });
    await db.getDb().connection.updateMany({ data: { lastCheckedAt: ago(new Date(), 2 * HOUR) } });

    const round = await jobs.runHealthCheckRound({ intervalMs: HOUR });
    expect(round).toEqual({ ran: true, checked: 2, healthy: 1, failing: 1, errors: 0 });

    const rows = await db.getDb().connection.findMany({ include: { checks: true } });
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get(good.id)).toMatchObject({ status: "healthy", lastErrorCode: null });
    expect(byId.get(bad.id)).toMatchObject({
      status: "failing",
      lastErrorCode: "invalid_credentials",
    });
    expect(byId.get(bad.id)!.checks).toEqual([
      expect.objectContaining({
        trigger: "scheduled",
        outcome: "failing",
        errorCode: "invalid_credentials",
      }),
    ]);
    expect(byId.get(good.id)!.checks).toEqual([
      expect.objectContaining({ trigger: "scheduled", outcome: "healthy", errorCode: null }),
    ]);
    const audit = await db.getDb().auditEvent.findFirst({
      where: { action: "connection.tested", targetId: bad.id },
    });
    expect(audit).toMatchObject({
      actorType: "system",
      actorId: null,
      actorLabel: "Scheduled health check",
      ip: null,
    });

    // Both were just checked: the next round has nothing to do.
    expect(await jobs.runHealthCheckRound({ intervalMs: HOUR })).toMatchObject({
      ran: true,
      checked: 0,
    });
  });

  it("runs in one place only when two start at once, and frees the lease afterwards", async () => {
    for (let i = 0; i < 3; i++) await connectOne();
    const later = new Date(Date.now() + 2 * HOUR);
    const rounds = await Promise.all([
      jobs.runHealthCheckRound({ intervalMs: HOUR, now: later }),
      jobs.runHealthCheckRound({ intervalMs: HOUR, now: later }),
    ]);
    expect(rounds.filter((round) => round.ran)).toHaveLength(1);
    expect(rounds.find((round) => round.ran)).toMatchObject({ checked: 3, healthy: 3 });
    expect(rounds.find((round) => !round.ran)).toMatchObject({ checked: 0 });
    expect((await jobs.runHealthCheckRound({ intervalMs: HOUR, now: later })).ran).toBe(true);
  });

  it("keeps only the last 30 checks of a connection", async () => {
    const { id } = await connectOne();
    for (let i = 0; i < 32; i++) {
      const round = await jobs.runHealthCheckRound({
        intervalMs: HOUR,
        now: new Date(Date.now() + 2 * HOUR),
      });
      expect(round.checked).toBe(1);
    }
    const checks = await db.getDb().connectionCheck.findMany({ where: { connectionId: id } });
    expect(checks).toHaveLength(30);
    expect(new Set(checks.map((check) => check.trigger))).toEqual(new Set(["scheduled"]));
  });
});

describe("startHealthChecks", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("runs the first round after 5–30 s, then every sixth of the interval, at most every 10 min", async () => {
    vi.useFakeTimers();
    const runRound = vi.fn(async () => {});
    const stop = jobs.startHealthChecks(6 * 60_000, runRound);
    await vi.advanceTimersByTimeAsync(4_999);
    expect(runRound).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(25_001);
    expect(runRound).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(runRound).toHaveBeenCalledTimes(2);
    stop();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(runRound).toHaveBeenCalledTimes(2);

    const slow = vi.fn(async () => {});
    const stopSlow = jobs.startHealthChecks(6 * HOUR, slow);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(slow).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(slow).toHaveBeenCalledTimes(2);
    stopSlow();

    // A short interval (as in tests of several instances) does not wait longer than one tick.
    const quick = vi.fn(async () => {});
    const stopQuick = jobs.startHealthChecks(6_000, quick);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(quick).toHaveBeenCalledTimes(1);
    stopQuick();
  });

  it("never overlaps rounds and carries on after one fails", async () => {
    vi.useFakeTimers();
    let finish: () => void = () => {};
    const runRound = vi
      .fn<() => Promise<void>>()
      .mockImplementationOnce(() => new Promise<void>((resolve) => (finish = resolve)))
      .mockRejectedValueOnce(new Error("database is locked"))
      .mockResolvedValue(undefined);
    const stop = jobs.startHealthChecks(HOUR, runRound);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(runRound).toHaveBeenCalledTimes(1);
    // The first round is still running half an hour later: no second one starts.
    await vi.advanceTimersByTimeAsync(30 * 60_000);
    expect(runRound).toHaveBeenCalledTimes(1);
    finish();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(runRound).toHaveBeenCalledTimes(2); // this one fails…
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(runRound).toHaveBeenCalledTimes(3); // …and the schedule goes on
    stop();
  });

  it("does nothing when the interval is off", async () => {
    vi.useFakeTimers();
    const runRound = vi.fn(async () => {});
    jobs.startHealthChecks(null, runRound)();
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(runRound).not.toHaveBeenCalled();
  });
});
