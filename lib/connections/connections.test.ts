import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeAtlassian } from "../../testing/fake-atlassian/server";
import {
  connectThroughFlow,
  createFakeCredential,
  startConnectTestbed,
  loadConnectUseCases,
  type ConnectUseCases,
} from "../../testing/connect-testbed";
import { createTestWorkspace, type openTestDatabase } from "../../testing/test-db";

let fake: FakeAtlassian;
let db: Awaited<ReturnType<typeof openTestDatabase>>;
let lib: ConnectUseCases & {
  list: typeof import("./list-connections");
  get: typeof import("./get-connection");
  test: typeof import("./test-connection");
  revoke: typeof import("./revoke-connection");
};

beforeAll(async () => {
  ({ fake, db } = await startConnectTestbed());
  lib = {
    ...(await loadConnectUseCases()),
    list: await import("./list-connections"),
    get: await import("./get-connection"),
    test: await import("./test-connection"),
    revoke: await import("./revoke-connection"),
  };
});

afterAll(() => fake.close());

const newCredential = (sites?: Parameters<typeof createFakeCredential>[1]) =>
  createFakeCredential(fake, sites);
const connectOne = (scope: { workspaceId: string }, endUserId?: string) =>
  connectThroughFlow(fake, scope, { endUserId });

describe("connections", () => {
  it("stores the secret sealed: the database never holds it in plain text", async () => {
    const { scope } = await createTestWorkspace();
    const { id, credential } = await connectOne(scope);
    const row = await db
      .getDb()
      .connection.findUnique({ where: { id }, omit: { clientSecretSealed: false } });
    expect(row?.clientSecretSealed).toMatch(/^v1\./);
    expect(JSON.stringify(row)).not.toContain(credential.clientSecret);
  });

  it("spends the session: a second submit stores nothing more", async () => {
    const { scope } = await createTestWorkspace();
    const { token, credential } = await connectOne(scope);
    const again = await lib.connect.connectCredential(token, {
      ...credential,
      subdomain: undefined,
    });
    expect(again).toEqual({ kind: "session_ended", reason: "spent" });
    expect((await lib.list.listConnections(scope, { limit: 50 })).data).toHaveLength(1);
  });

  it("tests a connection: healthy, then failing with an actionable error once revoked upstream", async () => {
    const { scope } = await createTestWorkspace();
    const { id, credential } = await connectOne(scope);
    const healthy = await lib.test.testConnection(scope, id);
    expect(healthy).toMatchObject({
      ok: true,
      connection: { status: "healthy", last_error: null },
    });

    await fetch(`${fake.url}/__fake/revoke`, {
      method: "POST",
      body: JSON.stringify({ client_id: credential.clientId }),
    });
    const failing = await lib.test.testConnection(scope, id);
    expect(failing).toMatchObject({
      ok: true,
      connection: { status: "failing", last_error: { code: "invalid_credentials" } },
    });
    const events = await db.getDb().auditEvent.findMany({
      where: { workspaceId: scope.workspaceId, action: "connection.tested" },
    });
    expect(events.map((event) => JSON.parse(event.details).outcome).sort()).toEqual([
      "failing",
      "healthy",
    ]);
  });

  it("revokes: the secret and cached token are erased, the row stays, twice changes nothing", async () => {
    const { scope } = await createTestWorkspace();
    const { id } = await connectOne(scope);
    const revoked = await lib.revoke.revokeConnection(scope, id);
    expect(revoked?.status).toBe("revoked");
    const row = await db.getDb().connection.findUnique({
      where: { id },
      omit: { clientSecretSealed: false, accessTokenSealed: false },
    });
    expect(row).toMatchObject({
      status: "revoked",
      clientSecretSealed: null,
      accessTokenSealed: null,
    });
    expect((await lib.revoke.revokeConnection(scope, id))?.status).toBe("revoked");
    expect(await lib.test.testConnection(scope, id)).toEqual({ ok: false, reason: "revoked" });
    expect(
      await db.getDb().auditEvent.count({ where: { action: "connection.revoked", targetId: id } }),
    ).toBe(1);
  });

  it("another workspace's connection answers exactly like a missing one", async () => {
    const a = await createTestWorkspace("A");
    const b = await createTestWorkspace("B");
    const { id } = await connectOne(b.scope);
    expect(await lib.get.getConnection(a.scope, id)).toBeNull();
    expect(await lib.test.testConnection(a.scope, id)).toEqual({ ok: false, reason: "not_found" });
    expect(await lib.revoke.revokeConnection(a.scope, id)).toBeNull();
    expect((await lib.get.getConnection(b.scope, id))?.status).toBe("healthy");
    expect((await lib.list.listConnections(a.scope, { limit: 50 })).data).toEqual([]);
  });

  it("reconnecting the same end user to the same site keeps one connection id", async () => {
    const { scope } = await createTestWorkspace();
    const first = await connectOne(scope, "same-user");
    const credential = await newCredential([
      { id: randomUUID(), name: "Other", url: "https://other.atlassian.net" },
    ]);
    const { token } = await lib.sessions.createConnectSession(scope, {
      end_user: { id: "same-user" },
    });
    await lib.connect.connectCredential(token, { ...credential, subdomain: undefined });
    const ids = (await lib.list.listConnections(scope, { limit: 50 })).data.map((c) => c.id);
    expect(ids).toHaveLength(2); // a different site is a different connection
    expect(ids).toContain(first.id);
  });

  it("pages newest first with a cursor and searches end users and sites", async () => {
    const { scope } = await createTestWorkspace();
    const made = [];
    for (let i = 0; i < 5; i++) made.push((await connectOne(scope, `pager-${i}`)).id);
    const first = await lib.list.listConnections(scope, { limit: 2 });
    const second = await lib.list.listConnections(scope, { limit: 2, cursor: first.nextCursor! });
    const third = await lib.list.listConnections(scope, { limit: 2, cursor: second.nextCursor! });
    const seen = [...first.data, ...second.data, ...third.data].map((c) => c.id);
    expect(seen).toEqual([...made].reverse());
    expect(third.nextCursor).toBeNull();
    const found = await lib.list.listConnections(scope, { limit: 25, q: "pager-3" });
    expect(found.data.map((c) => c.end_user.id)).toEqual(["pager-3"]);
  });
});
