import { beforeAll, describe, expect, it } from "vitest";
import { createTestWorkspace, openTestDatabase } from "../../testing/test-db";

let db: Awaited<ReturnType<typeof openTestDatabase>>;
let listConnectionChecks: typeof import("./list-connection-checks").listConnectionChecks;
let newId: typeof import("../ids").newId;

beforeAll(async () => {
  db = await openTestDatabase();
  ({ listConnectionChecks } = await import("./list-connection-checks"));
  ({ newId } = await import("../ids"));
});

async function connectionWithChecks(workspaceId: string, count: number) {
  const id = newId("conn");
  await db.getDb().connection.create({
    data: {
      id,
      workspaceId,
      endUserId: "user-1",
      clientId: "cid",
      siteCloudId: "cloud-1",
      siteName: "Acme",
      siteUrl: "https://acme.atlassian.net",
    },
  });
  const start = Date.now() - count * 60_000;
  await db.getDb().connectionCheck.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      id: newId("chk"),
      connectionId: id,
      trigger: i % 2 ? "scheduled" : "test",
      outcome: i === count - 1 ? "failing" : "healthy",
      errorCode: i === count - 1 ? "invalid_credentials" : null,
      durationMs: 100 + i,
      checkedAt: new Date(start + i * 60_000),
    })),
  });
  return id;
}

describe("listConnectionChecks", () => {
  it("lists a connection's checks newest first, at most the 30 kept", async () => {
    const { scope } = await createTestWorkspace();
    const id = await connectionWithChecks(scope.workspaceId, 35);
    const checks = await listConnectionChecks(scope, id);
    expect(checks).toHaveLength(30);
    expect(checks[0]).toMatchObject({
      outcome: "failing",
      errorCode: "invalid_credentials",
      durationMs: 134,
    });
    const times = checks.map((check) => check.checkedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("shows nothing of another workspace's connection", async () => {
    const a = await createTestWorkspace("A");
    const b = await createTestWorkspace("B");
    const id = await connectionWithChecks(b.scope.workspaceId, 3);
    expect(await listConnectionChecks(a.scope, id)).toEqual([]);
    expect(await listConnectionChecks(b.scope, id)).toHaveLength(3);
    expect(await listConnectionChecks(a.scope, "conn_missing")).toEqual([]);
  });
});
