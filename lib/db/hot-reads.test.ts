import Database from "better-sqlite3";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createTestWorkspace, openTestDatabase, testPostgresUrl } from "../../testing/test-db";

/**
 * The hot reads (API key, token row) as the access-token path sees them. On SQLite they are
 * remembered until the database changes: a change made by any other connection or process must
 * be seen on the very next read, or a revoked key would keep working. On PostgreSQL until a
 * change is announced (lib/db/change-hot-rows.ts), as another instance's use cases announce it:
 * seen as soon as the announcement arrives.
 */

let db: Awaited<ReturnType<typeof openTestDatabase>>;
let reads: import("./hot-reads").HotReads;
let workspaceId: string;
/** Decided before the database opens: `runIf` is read when the tests are collected. */
const SQLITE = !testPostgresUrl();

beforeAll(async () => {
  db = await openTestDatabase();
  reads = (await import("./hot-reads")).getHotReads();
  ({
    workspace: { id: workspaceId },
  } = await createTestWorkspace("Hot reads"));
});

/** Another instance's change: on PostgreSQL announced after the write, as its use cases do. */
async function announce() {
  if (!SQLITE) await db.getDb().$executeRaw`SELECT pg_notify('latch_hot_rows', 'test')`;
}

/** The read's answer once the change is seen: the next one on SQLite, within 100 ms on PostgreSQL. */
async function seen<T>(read: () => T | Promise<T>): Promise<T> {
  if (SQLITE) return read();
  let answer = await read();
  for (const deadline = Date.now() + 100; Date.now() < deadline; answer = await read()) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return answer;
}

async function newKey(hash: string) {
  return db.getDb().apiKey.create({
    data: { id: `key_${hash}`, workspaceId, name: "k", prefix: "latch_sk_abcd", hash },
  });
}

async function newConnection(id: string) {
  return db.getDb().connection.create({
    data: {
      id,
      workspaceId,
      endUserId: "u",
      clientId: "c",
      siteCloudId: "cloud",
      siteName: "Acme",
      siteUrl: "https://acme.atlassian.net",
      accessTokenSealed: "v1.sealed-one",
      accessTokenExpiresAt: new Date(Date.now() + 3_600_000),
    },
  });
}

describe("hot reads", () => {
  it("see a key revoked through Prisma on the next read", async () => {
    await newKey("hash-revoke");
    expect((await reads.apiKeyByHash("hash-revoke"))?.revokedAt).toBeNull();
    expect((await reads.apiKeyByHash("hash-revoke"))?.revokedAt).toBeNull();
    const revokedAt = new Date("2026-11-28T12:00:00.000Z");
    await db.getDb().apiKey.update({ where: { hash: "hash-revoke" }, data: { revokedAt } });
    await announce();
    expect((await seen(() => reads.apiKeyByHash("hash-revoke")))?.revokedAt).toEqual(revokedAt);
  });

  it("see a renewed or revoked connection on the next read", async () => {
    await newConnection("conn_hot_1");
    expect(await reads.tokenRow(workspaceId, "conn_hot_1")).toMatchObject({
      status: "healthy",
      accessTokenSealed: "v1.sealed-one",
    });
    await db.getDb().connection.update({
      where: { id: "conn_hot_1" },
      data: { accessTokenSealed: "v1.sealed-two" },
    });
    await announce();
    expect((await seen(() => reads.tokenRow(workspaceId, "conn_hot_1")))?.accessTokenSealed).toBe(
      "v1.sealed-two",
    );
    await db.getDb().connection.update({
      where: { id: "conn_hot_1" },
      data: { status: "revoked", accessTokenSealed: null },
    });
    await announce();
    expect(await seen(() => reads.tokenRow(workspaceId, "conn_hot_1"))).toMatchObject({
      status: "revoked",
      accessTokenSealed: null,
    });
  });

  it("see a connection turned failing, its token dropped, on the next read", async () => {
    await newConnection("conn_hot_3");
    expect(await reads.tokenRow(workspaceId, "conn_hot_3")).toMatchObject({ status: "healthy" });
    const lastCheckedAt = new Date("2026-11-28T14:00:00.000Z");
    await db.getDb().connection.update({
      where: { id: "conn_hot_3" },
      data: {
        status: "failing",
        lastCheckedAt,
        lastErrorCode: "invalid_credentials",
        lastErrorMessage: "Atlassian refused the client secret.",
        accessTokenSealed: null,
        accessTokenExpiresAt: null,
      },
    });
    await announce();
    expect(await seen(() => reads.tokenRow(workspaceId, "conn_hot_3"))).toMatchObject({
      status: "failing",
      lastCheckedAt,
      lastErrorCode: "invalid_credentials",
      lastErrorMessage: "Atlassian refused the client secret.",
      accessTokenSealed: null,
      accessTokenExpiresAt: null,
    });
  });

  it("stay scoped to the workspace and answer null for what does not exist", async () => {
    await newConnection("conn_hot_2");
    expect(await reads.tokenRow("ws_other", "conn_hot_2")).toBeNull();
    expect(await reads.tokenRow(workspaceId, "conn_missing")).toBeNull();
    expect(await reads.apiKeyByHash("no-such-hash")).toBeNull();
    // Created after a miss: found at once (a miss is never remembered).
    await newKey("hash-late");
    expect(await reads.apiKeyByHash("hash-late")).toMatchObject({ workspaceId });
  });

  it.runIf(SQLITE)("see a change committed by another process's connection", async () => {
    await newKey("hash-other-process");
    expect((await reads.apiKeyByHash("hash-other-process"))?.revokedAt).toBeNull();
    // Another process has a connection of its own; better-sqlite3 here stands in for it.
    const other = new Database(db.url!.slice("file:".length));
    other
      .prepare(`UPDATE "ApiKey" SET "revokedAt" = ? WHERE "hash" = ?`)
      .run("2026-11-28T13:00:00.000Z", "hash-other-process");
    other.close();
    expect((await reads.apiKeyByHash("hash-other-process"))?.revokedAt).toEqual(
      new Date("2026-11-28T13:00:00.000Z"),
    );
  });

  it("remember a row while nothing changes (no query per request)", async () => {
    await newKey("hash-memo");
    // On PostgreSQL once the change feed listens; the same object is the one remembered.
    await vi.waitFor(async () => {
      const first = await reads.apiKeyByHash("hash-memo");
      expect(reads.apiKeyByHash("hash-memo")).toBe(first);
    });
  });

  it.skipIf(SQLITE)("on PostgreSQL, answer a change unannounced from memory", async () => {
    // What the announcement is for: without it, a remembered row is answered as it was.
    await newKey("hash-unannounced");
    await vi.waitFor(async () => {
      const first = await reads.apiKeyByHash("hash-unannounced");
      expect(reads.apiKeyByHash("hash-unannounced")).toBe(first);
    });
    await db.getDb().apiKey.update({
      where: { hash: "hash-unannounced" },
      data: { revokedAt: new Date() },
    });
    expect((await reads.apiKeyByHash("hash-unannounced"))?.revokedAt).toBeNull();
    await announce();
    expect((await seen(() => reads.apiKeyByHash("hash-unannounced")))?.revokedAt).not.toBeNull();
  });
});
