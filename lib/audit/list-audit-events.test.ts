import { beforeAll, describe, expect, it } from "vitest";
import { createTestWorkspace, openTestDatabase } from "../../testing/test-db";
import type { AuditQuery } from "../validation/audit-query";

let list: typeof import("./list-audit-events");
let ours: { workspaceId: string };
let theirs: { workspaceId: string };
/** Our events' ids, newest first, as the log must list them. */
let expected: string[];

const query = (overrides: Partial<AuditQuery> = {}): AuditQuery => ({ limit: 50, ...overrides });

async function seed(
  workspaceId: string,
  id: string,
  createdAt: string,
  fields: { action?: string; actorType?: string } = {},
) {
  const { getDb } = await import("../db");
  await getDb().auditEvent.create({
    data: {
      id,
      workspaceId,
      action: fields.action ?? "connection.tested",
      actorType: fields.actorType ?? "member",
      createdAt: new Date(createdAt),
    },
  });
}

beforeAll(async () => {
  await openTestDatabase();
  list = await import("./list-audit-events");
  ours = (await createTestWorkspace("Ours")).scope;
  theirs = (await createTestWorkspace("Theirs")).scope;

  await seed(ours.workspaceId, "evt_a1", "2026-03-01T00:00:00.000Z", {
    action: "connection.created",
  });
  await seed(ours.workspaceId, "evt_a2", "2026-03-01T23:59:59.999Z", { actorType: "api_key" });
  // Three events in the same millisecond: the id breaks the tie, and paging must not skip one.
  await seed(ours.workspaceId, "evt_b1", "2026-03-02T12:00:00.000Z", { actorType: "end_user" });
  await seed(ours.workspaceId, "evt_b2", "2026-03-02T12:00:00.000Z", {
    action: "connection.revoked",
  });
  await seed(ours.workspaceId, "evt_b3", "2026-03-02T12:00:00.000Z", { actorType: "system" });
  await seed(ours.workspaceId, "evt_c1", "2026-03-03T00:00:00.000Z", {
    action: "connection.created",
  });
  await seed(ours.workspaceId, "evt_d1", "2026-02-28T23:59:59.999Z", { actorType: "api_key" });
  await seed(theirs.workspaceId, "evt_z1", "2026-03-02T12:00:00.000Z", {
    action: "connection.created",
  });
  await seed(theirs.workspaceId, "evt_z2", "2026-03-05T00:00:00.000Z");

  expected = ["evt_c1", "evt_b3", "evt_b2", "evt_b1", "evt_a2", "evt_a1", "evt_d1"];
});

const ids = (events: { id: string }[]) => events.map((event) => event.id);

describe("listAuditEvents", () => {
  it("lists only this workspace's events, newest first", async () => {
    const page = await list.listAuditEvents(ours, query());
    expect(ids(page.events)).toEqual(expected);
    expect(page.nextCursor).toBeNull();
  });

  it("filters by action and by actor type", async () => {
    const created = await list.listAuditEvents(ours, query({ action: "connection.created" }));
    expect(ids(created.events)).toEqual(["evt_c1", "evt_a1"]);
    const keys = await list.listAuditEvents(ours, query({ actor_type: "api_key" }));
    expect(ids(keys.events)).toEqual(["evt_a2", "evt_d1"]);
    const both = await list.listAuditEvents(
      ours,
      query({ action: "connection.revoked", actor_type: "api_key" }),
    );
    expect(both.events).toEqual([]);
  });

  it("treats from as the start and to as the whole of its UTC day", async () => {
    const march1 = await list.listAuditEvents(
      ours,
      query({ from: "2026-03-01", to: "2026-03-01" }),
    );
    expect(ids(march1.events)).toEqual(["evt_a2", "evt_a1"]);
    const fromMarch2 = await list.listAuditEvents(ours, query({ from: "2026-03-02" }));
    expect(ids(fromMarch2.events)).toEqual(["evt_c1", "evt_b3", "evt_b2", "evt_b1"]);
    const toFeb = await list.listAuditEvents(ours, query({ to: "2026-02-28" }));
    expect(ids(toFeb.events)).toEqual(["evt_d1"]);
  });

  it("visits every event exactly once when paging with the cursor", async () => {
    for (const limit of [1, 2, 3]) {
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let pages = 0; pages < 20; pages++) {
        const page = await list.listAuditEvents(ours, query({ limit, cursor }));
        seen.push(...ids(page.events));
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      expect(seen).toEqual(expected);
    }
  });

  it("keeps the filters while paging", async () => {
    const first = await list.listAuditEvents(ours, query({ limit: 1, from: "2026-03-02" }));
    const second = await list.listAuditEvents(
      ours,
      query({ limit: 10, from: "2026-03-02", cursor: first.nextCursor! }),
    );
    expect([...ids(first.events), ...ids(second.events)]).toEqual(expected.slice(0, 4));
    expect(second.nextCursor).toBeNull();
  });

  it("never shows another workspace's events, even through a cursor", async () => {
    const page = await list.listAuditEvents(theirs, query({ limit: 1 }));
    expect(ids(page.events)).toEqual(["evt_z2"]);
    const ourPage = await list.listAuditEvents(ours, query({ cursor: page.nextCursor! }));
    expect(ids(ourPage.events)).not.toContain("evt_z1");
    const all = await list.listAuditEvents(theirs, query());
    expect(ids(all.events)).toEqual(["evt_z2", "evt_z1"]);
  });

  it("refuses a cursor it did not issue", async () => {
    await expect(list.listAuditEvents(ours, query({ cursor: "garbage" }))).rejects.toBeInstanceOf(
      list.InvalidAuditCursorError,
    );
  });
});

describe("exportAuditEvents", () => {
  async function collect(iterable: AsyncIterable<{ id: string }[]>) {
    const batches: string[][] = [];
    for await (const batch of iterable) batches.push(ids(batch));
    return batches;
  }

  it("returns every matching event in order, in batches", async () => {
    const batches = await collect(list.exportAuditEvents(ours, {}, { batchSize: 3 }));
    expect(batches.map((batch) => batch.length)).toEqual([3, 3, 1]);
    expect(batches.flat()).toEqual(expected);
  });

  it("applies the filters and stays in the workspace", async () => {
    const batches = await collect(
      list.exportAuditEvents(ours, { action: "connection.created" }, { batchSize: 1 }),
    );
    expect(batches.flat()).toEqual(["evt_c1", "evt_a1"]);
  });

  it("stops at the cap", async () => {
    const batches = await collect(list.exportAuditEvents(ours, {}, { batchSize: 2, max: 5 }));
    expect(batches.flat()).toEqual(expected.slice(0, 5));
  });

  it("reads 1000 events a batch by default", async () => {
    const { getDb } = await import("../db");
    const big = (await createTestWorkspace("Big")).scope;
    const start = Date.parse("2026-01-01T00:00:00Z");
    await getDb().auditEvent.createMany({
      data: Array.from({ length: 1001 }, (_, i) => ({
        id: `evt_big${String(i).padStart(4, "0")}`,
        workspaceId: big.workspaceId,
        action: "connection.tested",
        actorType: "system",
        createdAt: new Date(start + i * 1000),
      })),
    });
    const batches = await collect(list.exportAuditEvents(big, {}));
    expect(batches.map((batch) => batch.length)).toEqual([1000, 1]);
    expect(batches[0]![0]).toBe("evt_big1000");
    expect(batches[1]).toEqual(["evt_big0000"]);
    expect(list.AUDIT_EXPORT_MAX_EVENTS).toBe(100_000);
  });
});
