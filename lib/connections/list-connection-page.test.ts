import { beforeAll, describe, expect, it } from "vitest";
import { createTestWorkspace, openTestDatabase } from "../../testing/test-db";
import type { DashboardConnectionsQuery } from "../validation/connections-query";

let db: Awaited<ReturnType<typeof openTestDatabase>>;
let lib: typeof import("./list-connection-page");
let newId: typeof import("../ids").newId;
let encodePageCursor: typeof import("../validation/cursor").encodePageCursor;

beforeAll(async () => {
  db = await openTestDatabase();
  lib = await import("./list-connection-page");
  ({ newId } = await import("../ids"));
  ({ encodePageCursor } = await import("../validation/cursor"));
});

const START = Date.UTC(2026, 0, 1);

/** Connections a minute apart (the last newest), with the given scopes and status. */
async function seed(
  workspaceId: string,
  rows: { scopes?: string; status?: string; endUserId?: string }[],
) {
  const ids: string[] = [];
  for (const [i, row] of rows.entries()) {
    const id = newId("conn");
    ids.push(id);
    await db.getDb().connection.create({
      data: {
        id,
        workspaceId,
        endUserId: row.endUserId ?? `user-${i}`,
        clientId: "cid",
        siteCloudId: "cloud-1",
        siteName: "Acme",
        siteUrl: "https://acme.atlassian.net",
        scopes: row.scopes ?? "",
        status: row.status ?? "healthy",
        revokedAt: row.status === "revoked" ? new Date(START + i * 60_000 + 1) : null,
        searchText: `user-${i} acme`,
        createdAt: new Date(START + i * 60_000),
      },
    });
  }
  return ids;
}

const query = (extra: Partial<DashboardConnectionsQuery> = {}): DashboardConnectionsQuery => ({
  limit: 2,
  ...extra,
});
const ids = (page: { data: { id: string }[] }) => page.data.map((row) => row.id);

describe("listConnectionPage", () => {
  it("counts every match, not the page, and respects the filters", async () => {
    const { scope } = await createTestWorkspace();
    await seed(scope.workspaceId, [{}, { status: "failing" }, {}, { status: "failing" }, {}]);
    expect((await lib.listConnectionPage(scope, query())).total).toBe(5);
    const failing = await lib.listConnectionPage(scope, query({ status: "failing" }));
    expect(failing.total).toBe(2);
    expect(failing.data.every((row) => row.status === "failing")).toBe(true);
    const other = await createTestWorkspace();
    expect((await lib.listConnectionPage(other.scope, query())).total).toBe(0);
  });

  it("pages forward to the end and back to the first page", async () => {
    const { scope } = await createTestWorkspace();
    const made = (await seed(scope.workspaceId, [{}, {}, {}, {}, {}])).reverse();
    const first = await lib.listConnectionPage(scope, query());
    expect(ids(first)).toEqual(made.slice(0, 2));
    expect(first.previousCursor).toBeNull();
    const second = await lib.listConnectionPage(scope, query({ cursor: first.nextCursor! }));
    expect(ids(second)).toEqual(made.slice(2, 4));
    const third = await lib.listConnectionPage(scope, query({ cursor: second.nextCursor! }));
    expect(ids(third)).toEqual(made.slice(4));
    expect(third.nextCursor).toBeNull();

    const backToSecond = await lib.listConnectionPage(
      scope,
      query({ cursor: third.previousCursor! }),
    );
    expect(ids(backToSecond)).toEqual(made.slice(2, 4));
    expect(backToSecond.nextCursor).not.toBeNull();
    const backToFirst = await lib.listConnectionPage(
      scope,
      query({ cursor: backToSecond.previousCursor! }),
    );
    expect(ids(backToFirst)).toEqual(made.slice(0, 2));
    expect(backToFirst.previousCursor).toBeNull();
  });

  it("shows the first page whole when Previous reaches the top", async () => {
    const { scope } = await createTestWorkspace();
    const made = (await seed(scope.workspaceId, [{}, {}, {}])).reverse();
    // A cursor one row below the top: only one row is newer, yet the first page has two.
    const row = await db.getDb().connection.findUniqueOrThrow({ where: { id: made[1]! } });
    const cursor = encodePageCursor({ direction: "before", position: row });
    const page = await lib.listConnectionPage(scope, query({ cursor }));
    expect(ids(page)).toEqual(made.slice(0, 2));
    expect(page.previousCursor).toBeNull();
  });

  it("refuses a tampered cursor", async () => {
    const { scope } = await createTestWorkspace();
    await expect(lib.listConnectionPage(scope, query({ cursor: "bm9wZQ" }))).rejects.toThrow(
      /cursor/,
    );
  });

  it("flags and filters connections missing a required scope, matching whole scopes only", async () => {
    const { scope } = await createTestWorkspace();
    await db.getDb().workspace.update({
      where: { id: scope.workspaceId },
      data: { requiredScopes: "read:jira-work write:jira-work" },
    });
    const [complete, missingWrite, prefixOnly, none, reordered] = await seed(scope.workspaceId, [
      { scopes: "read:jira-work write:jira-work" },
      { scopes: "read:jira-work" },
      // write:jira-work-extra is not write:jira-work, and read:jira-workx not read:jira-work.
      { scopes: "read:jira-workx write:jira-work-extra" },
      { scopes: "" },
      { scopes: "offline_access write:jira-work manage:x read:jira-work" },
    ]);
    const all = await lib.listConnectionPage(scope, query({ limit: 10 }));
    expect(all.requiredScopes).toEqual(["read:jira-work", "write:jira-work"]);
    const flags = Object.fromEntries(all.data.map((row) => [row.id, row.missing_scopes]));
    expect(flags).toEqual({
      [complete!]: [],
      [missingWrite!]: ["write:jira-work"],
      [prefixOnly!]: ["read:jira-work", "write:jira-work"],
      [none!]: ["read:jira-work", "write:jira-work"],
      [reordered!]: [],
    });
    const missing = await lib.listConnectionPage(scope, query({ limit: 10, scopes: "missing" }));
    expect(new Set(ids(missing))).toEqual(new Set([missingWrite, prefixOnly, none]));
    expect(missing.total).toBe(3);
  });

  it("finds nothing missing when the workspace requires no scope", async () => {
    const { scope } = await createTestWorkspace();
    await seed(scope.workspaceId, [{ scopes: "" }]);
    const page = await lib.listConnectionPage(scope, query({ scopes: "missing" }));
    expect(page).toMatchObject({ data: [], total: 0 });
  });

  it("says when a revoked connection was revoked", async () => {
    const { scope } = await createTestWorkspace();
    await seed(scope.workspaceId, [{ status: "revoked" }]);
    const [row] = (await lib.listConnectionPage(scope, query())).data;
    expect(row!.revoked_at).toBe(new Date(START + 1).toISOString());
  });
});
