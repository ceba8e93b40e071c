import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { FakeAtlassian } from "../../testing/fake-atlassian/server";
import { connectThroughFlow, startConnectTestbed } from "../../testing/connect-testbed";
import {
  changedBehindLatch,
  createTestWorkspace,
  type openTestDatabase,
} from "../../testing/test-db";

let fake: FakeAtlassian;
let db: Awaited<ReturnType<typeof openTestDatabase>>;
let lib: {
  tokens: typeof import("./get-access-token");
  revoke: typeof import("./revoke-connection");
  test: typeof import("./test-connection");
  route: typeof import("../../app/api/v1/connections/[id]/access-token/route");
  apiKeys: typeof import("../api-keys/create-api-key") &
    typeof import("../api-keys/revoke-api-key");
};

beforeAll(async () => {
  ({ fake, db } = await startConnectTestbed());
  lib = {
    tokens: await import("./get-access-token"),
    revoke: await import("./revoke-connection"),
    test: await import("./test-connection"),
    route: await import("../../app/api/v1/connections/[id]/access-token/route"),
    apiKeys: {
      ...(await import("../api-keys/create-api-key")),
      ...(await import("../api-keys/revoke-api-key")),
    },
  };
});

afterAll(() => fake.close());

/** Token-endpoint calls the fake saw for one client. */
const exchanges = (clientId: string) =>
  fake.state.tokenRequests.filter((r) => r.clientId === clientId).length;

/** A connection; with `expiresIn`, Atlassian issues its tokens for that many seconds. */
async function connection(expiresIn?: number) {
  const { scope } = await createTestWorkspace();
  const cloudId = randomUUID();
  const sites = [{ id: cloudId, name: "Acme", url: "https://acme.atlassian.net" }];
  const { id, credential } = await connectThroughFlow(fake, scope, { sites });
  const c = { scope, id, cloudId, sites, ...credential };
  if (expiresIn !== undefined) {
    await setCredential(c, { expires_in: expiresIn });
    // Connected with an hour-long token: a Test stores one of the lifetime under test.
    await lib.test.testConnection(scope, id);
  }
  return c;
}

type Connection = Awaited<ReturnType<typeof connection>>;

/** (Re)creates the credential in the fake Atlassian: not revoked, with these settings. */
const setCredential = (
  c: { clientId: string; clientSecret: string; sites: unknown[] },
  settings: { expires_in?: number; sites?: unknown[] } = {},
) =>
  fetch(`${fake.url}/__fake/credentials`, {
    method: "POST",
    body: JSON.stringify({
      client_id: c.clientId,
      client_secret: c.clientSecret,
      sites: c.sites,
      scope: "read:jira-work",
      ...settings,
    }),
  });

const revokeCredential = (clientId: string) =>
  fetch(`${fake.url}/__fake/revoke`, {
    method: "POST",
    body: JSON.stringify({ client_id: clientId }),
  });

/** Calls in a burst: all at once, as concurrent requests of a tenant backend would. */
const burst = (c: Connection, n: number) =>
  Promise.all(Array.from({ length: n }, () => lib.tokens.getAccessToken(c.scope, c.id)));

const tokensOf = (results: Awaited<ReturnType<typeof burst>>) =>
  new Set(results.map((r) => (r.ok ? r.token.accessToken : `failed:${JSON.stringify(r)}`)));

/** Runs another Latch process asking for the token `count` times at once; resolves when loaded. */
function workerProcess(c: Connection, count: number) {
  const worker = path.join(__dirname, "..", "..", "testing", "access-token-worker.ts");
  const child = spawn(
    process.execPath,
    [
      "--conditions=react-server",
      "--import",
      "tsx",
      worker,
      c.scope.workspaceId,
      c.id,
      String(count),
    ],
    { env: { ...process.env }, stdio: ["pipe", "pipe", "inherit"] },
  );
  const output = new Promise<string[]>((resolve) => {
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("exit", () => resolve(JSON.parse(out.slice(out.indexOf("["))) as string[]));
  });
  const ready = new Promise((resolve) => child.stdout.once("data", resolve));
  return { ready, go: () => child.stdin.write("go\n"), output };
}

/**
 * As if time had passed: the cached token, stored `lifetimeMs` before it ends, has `ms` left. The
 * token was stored at its connection's last check, so that moves back too.
 */
const expireIn = async (id: string, ms: number, lifetimeMs = 60 * 60 * 1000) => {
  await db.getDb().connection.update({
    where: { id },
    data: {
      accessTokenExpiresAt: new Date(Date.now() + ms),
      lastCheckedAt: new Date(Date.now() + ms - lifetimeMs),
    },
  });
  await changedBehindLatch();
};

describe("getAccessToken", () => {
  it("hands out the cached token without calling Atlassian, with the gateway base", async () => {
    const c = await connection();
    const before = exchanges(c.clientId);
    const result = await lib.tokens.getAccessToken(c.scope, c.id);
    expect(result).toMatchObject({
      ok: true,
      token: { cloudId: c.cloudId, apiBaseUrl: `${fake.url}/ex/jira/${c.cloudId}` },
    });
    expect(exchanges(c.clientId)).toBe(before);
  });

  it("gives each product the site serves its base: Confluence-only, and both", async () => {
    const { scope } = await createTestWorkspace();
    const wiki = { id: randomUUID(), name: "Wiki", url: "https://wiki.atlassian.net" };
    const only = await connectThroughFlow(fake, scope, {
      sites: [{ ...wiki, scopes: ["read:confluence-content.all", "read:me"] }],
    });
    expect(only.connection.products).toEqual(["confluence"]);
    expect(await lib.tokens.getAccessToken(scope, only.id)).toMatchObject({
      ok: true,
      token: {
        products: ["confluence"],
        apiBaseUrl: `${fake.url}/ex/confluence/${wiki.id}`,
        apiBaseUrls: { confluence: `${fake.url}/ex/confluence/${wiki.id}` },
      },
    });
    const both = { id: randomUUID(), name: "Both", url: "https://both.atlassian.net" };
    const c = await connectThroughFlow(fake, scope, {
      sites: [{ ...both, scopes: ["read:confluence-content.all", "read:jira-work"] }],
    });
    const result = await lib.tokens.getAccessToken(scope, c.id);
    expect(result.ok && result.token.apiBaseUrls).toEqual({
      jira: `${fake.url}/ex/jira/${both.id}`,
      confluence: `${fake.url}/ex/confluence/${both.id}`,
    });
    expect(result.ok && result.token.apiBaseUrl).toBe(`${fake.url}/ex/jira/${both.id}`);
  });

  it("renews a token the gateway rejected, once for a burst of callers", async () => {
    const c = await connection();
    const first = await lib.tokens.getAccessToken(c.scope, c.id);
    if (!first.ok) throw new Error("expected a token");
    const before = exchanges(c.clientId);
    const rejected = first.token.accessToken;
    const renewed = await Promise.all(
      Array.from({ length: 5 }, () => lib.tokens.getAccessToken(c.scope, c.id, { rejected })),
    );
    expect(exchanges(c.clientId)).toBe(before + 1);
    const tokens = tokensOf(renewed);
    expect(tokens.size).toBe(1);
    expect(tokens.has(rejected)).toBe(false);
    // A caller still holding the old token gets the replacement, without another exchange.
    await lib.tokens.getAccessToken(c.scope, c.id, { rejected });
    expect(exchanges(c.clientId)).toBe(before + 1);
  });

  it("answers a cached token synchronously (the hot path makes no promise)", async () => {
    const c = await connection();
    // On PostgreSQL, once the change feed listens (lib/db/change-feed.ts) and the row is read.
    await vi.waitFor(async () => {
      await lib.tokens.getAccessToken(c.scope, c.id);
      expect(lib.tokens.getAccessToken(c.scope, c.id)).toMatchObject({ ok: true });
    });
  });

  it("renews a token with less than five minutes left, once, then serves the new one", async () => {
    const c = await connection();
    const first = await lib.tokens.getAccessToken(c.scope, c.id);
    await expireIn(c.id, 4 * 60 * 1000);
    const before = exchanges(c.clientId);
    const renewed = await lib.tokens.getAccessToken(c.scope, c.id);
    const again = await lib.tokens.getAccessToken(c.scope, c.id);
    expect(exchanges(c.clientId)).toBe(before + 1);
    if (!first.ok || !renewed.ok || !again.ok) throw new Error("expected tokens");
    expect(renewed.token.accessToken).not.toBe(first.token.accessToken);
    expect(again.token.accessToken).toBe(renewed.token.accessToken);
    expect(renewed.token.expiresAt.getTime()).toBeGreaterThan(Date.now() + 50 * 60 * 1000);
  });

  it("100 concurrent callers on an expired token cause exactly one exchange", async () => {
    const c = await connection();
    await expireIn(c.id, -1000);
    const before = exchanges(c.clientId);
    const results = await Promise.all(
      Array.from({ length: 100 }, () => lib.tokens.getAccessToken(c.scope, c.id)),
    );
    expect(exchanges(c.clientId)).toBe(before + 1);
    expect(new Set(results.map((r) => (r.ok ? r.token.accessToken : "failed"))).size).toBe(1);
  });

  it("two processes on one database, 50 callers each, still make exactly one exchange", async () => {
    const c = await connection();
    await expireIn(c.id, -1000);
    const before = exchanges(c.clientId);
    const processes = [workerProcess(c, 50), workerProcess(c, 50)];
    // Both must be loaded and waiting before either starts, or one would simply go first.
    await Promise.all(processes.map((child) => child.ready));
    processes.forEach((child) => child.go());
    const tokens = (await Promise.all(processes.map((child) => child.output))).flat();
    expect(tokens).toHaveLength(100);
    expect(new Set(tokens).size).toBe(1);
    expect(tokens[0]).toMatch(/^fake-at-/);
    expect(exchanges(c.clientId)).toBe(before + 1);
  }, 60_000);

  it("answers revoked for a revoked connection, and not found for another workspace's", async () => {
    const c = await connection();
    const other = await createTestWorkspace("other");
    expect(await lib.tokens.getAccessToken(other.scope, c.id)).toEqual({
      ok: false,
      reason: "not_found",
    });
    await lib.revoke.revokeConnection(c.scope, c.id);
    expect(await lib.tokens.getAccessToken(c.scope, c.id)).toEqual({
      ok: false,
      reason: "revoked",
    });
  });

  it("a failed renewal marks the connection failing with last_error", async () => {
    const c = await connection();
    await fetch(`${fake.url}/__fake/revoke`, {
      method: "POST",
      body: JSON.stringify({ client_id: c.clientId }),
    });
    await expireIn(c.id, -1000);
    const result = await lib.tokens.getAccessToken(c.scope, c.id);
    expect(result).toMatchObject({
      ok: false,
      reason: "failing",
      transient: false,
      failure: { code: "invalid_credentials" },
    });
    const row = await db.getDb().connection.findUnique({ where: { id: c.id } });
    expect(row).toMatchObject({ status: "failing", lastErrorCode: "invalid_credentials" });
    const checks = await db
      .getDb()
      .connectionCheck.findMany({ where: { connectionId: c.id, trigger: "renewal" } });
    expect(checks.map((check) => check.outcome)).toEqual(["failing"]);
  });
});

describe("renewWindowMs", () => {
  const at = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms);
  it.for([
    ["an hour-long token", 3_600_000, 5 * 60_000],
    ["a ten-minute token", 600_000, 5 * 60_000],
    ["a one-minute token", 60_000, 30_000],
    ["a one-second token", 1_000, 500],
  ] as const)("renews %s with min(5 minutes, half its life) left", ([, lifetime, window]) => {
    expect(lib.tokens.renewWindowMs(at(lifetime), at(0))).toBe(window);
  });

  it("falls back to five minutes without a stored time, and to expiry for a stored-late token", () => {
    expect(lib.tokens.renewWindowMs(at(60_000), null)).toBe(5 * 60_000);
    expect(lib.tokens.renewWindowMs(at(0), at(1_000))).toBe(0);
  });
});

describe("a token whose whole life is shorter than five minutes", () => {
  it("is handed out for the first half of its minute, not renewed on every call", async () => {
    const c = await connection(60);
    const before = exchanges(c.clientId);
    const first = await lib.tokens.getAccessToken(c.scope, c.id);
    for (let i = 0; i < 20; i++) await lib.tokens.getAccessToken(c.scope, c.id);
    expect(tokensOf(await burst(c, 20))).toEqual(new Set([first.ok && first.token.accessToken]));
    expect(exchanges(c.clientId)).toBe(before);
  });

  it("50 concurrent callers past half its life cause exactly one exchange, and calls right after none", async () => {
    const c = await connection(60);
    await expireIn(c.id, 20_000, 60_000); // 40 of its 60 seconds gone
    const before = exchanges(c.clientId);
    const renewed = await burst(c, 50);
    expect(exchanges(c.clientId)).toBe(before + 1);
    expect(tokensOf(renewed).size).toBe(1);
    const [token] = tokensOf(renewed);
    expect(token).toMatch(/^fake-at-/);

    // Shortly after the renewal: the new token is handed out, nothing is exchanged again.
    for (let i = 0; i < 10; i++) await lib.tokens.getAccessToken(c.scope, c.id);
    expect(tokensOf(await burst(c, 50))).toEqual(new Set([token]));
    expect(exchanges(c.clientId)).toBe(before + 1);
    const row = await db.getDb().connection.findUniqueOrThrow({ where: { id: c.id } });
    const lifetime = row.accessTokenExpiresAt!.getTime() - row.lastCheckedAt!.getTime();
    expect(lifetime).toBeGreaterThan(50_000);
    expect(lifetime).toBeLessThanOrEqual(60_000);
  });

  it("two processes, 50 callers each, past half its life: exactly one exchange", async () => {
    const c = await connection(60);
    await expireIn(c.id, 20_000, 60_000);
    const before = exchanges(c.clientId);
    const processes = [workerProcess(c, 50), workerProcess(c, 50)];
    await Promise.all(processes.map((child) => child.ready));
    processes.forEach((child) => child.go());
    const tokens = (await Promise.all(processes.map((child) => child.output))).flat();
    expect(tokens).toHaveLength(100);
    expect(new Set(tokens).size).toBe(1);
    expect(exchanges(c.clientId)).toBe(before + 1);
  }, 60_000);
});

describe("a credential Atlassian refused", () => {
  /** The access-token endpoint as a tenant backend calls it, through its real handler. */
  async function accessTokenRoute(c: Connection) {
    const { key: apiKey } = await lib.apiKeys.createApiKey(c.scope, "backend");
    const response = await lib.route.GET(
      new Request(`http://latch.test/api/v1/connections/${c.id}/access-token`, {
        headers: { authorization: `Bearer ${apiKey}` },
      }),
      { params: Promise.resolve({ id: c.id }) },
    );
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  const sealedToken = async (id: string) =>
    await db.getDb().connection.findUniqueOrThrow({
      where: { id },
      select: { accessTokenSealed: true, accessTokenExpiresAt: true },
    });

  it.for(["test", "scheduled"] as const)(
    "found revoked by a %s check: 409 connection_failing at once, no cached token, no exchange",
    async (trigger) => {
      const c = await connection();
      expect(await lib.tokens.getAccessToken(c.scope, c.id)).toMatchObject({ ok: true });
      await revokeCredential(c.clientId);
      const tested = await lib.test.testConnection(c.scope, c.id, trigger);
      expect(tested).toMatchObject({
        ok: true,
        connection: { status: "failing", last_error: { code: "invalid_credentials" } },
      });
      expect(await sealedToken(c.id)).toEqual({
        accessTokenSealed: null,
        accessTokenExpiresAt: null,
      });

      const before = exchanges(c.clientId);
      expect(await lib.tokens.getAccessToken(c.scope, c.id)).toEqual({
        ok: false,
        reason: "failing",
        transient: false,
        failure: { code: "invalid_credentials", message: expect.stringContaining("refused") },
      });
      const answer = await accessTokenRoute(c);
      expect(answer.status).toBe(409);
      expect(answer.body).toEqual({
        error: { code: "connection_failing", message: expect.stringContaining("refused") },
      });
      expect(tokensOf(await burst(c, 20)).size).toBe(1); // all the same refusal
      expect(exchanges(c.clientId)).toBe(before);
    },
  );

  it("is refused even when a token is still cached (a row from before tokens were dropped)", async () => {
    const c = await connection();
    const cached = await sealedToken(c.id);
    await revokeCredential(c.clientId);
    await lib.test.testConnection(c.scope, c.id);
    await db.getDb().connection.update({ where: { id: c.id }, data: cached });
    await changedBehindLatch();
    expect(await lib.tokens.getAccessToken(c.scope, c.id)).toMatchObject({
      ok: false,
      reason: "failing",
      failure: { code: "invalid_credentials" },
    });
    expect((await accessTokenRoute(c)).status).toBe(409);
  });

  it("no longer reaching its site: 409, no cached token", async () => {
    const c = await connection();
    await setCredential(c, {
      sites: [{ id: randomUUID(), name: "Other", url: "https://other.atlassian.net" }],
    });
    await lib.test.testConnection(c.scope, c.id);
    expect(await sealedToken(c.id)).toEqual({
      accessTokenSealed: null,
      accessTokenExpiresAt: null,
    });
    expect(await lib.tokens.getAccessToken(c.scope, c.id)).toMatchObject({
      ok: false,
      reason: "failing",
      transient: false,
      failure: { code: "site_unreachable" },
    });
  });

  it("refused at renewal: the token goes, and later calls ask Atlassian no more", async () => {
    const c = await connection();
    await revokeCredential(c.clientId);
    await expireIn(c.id, -1000);
    expect(await lib.tokens.getAccessToken(c.scope, c.id)).toMatchObject({
      ok: false,
      failure: { code: "invalid_credentials" },
    });
    expect(await sealedToken(c.id)).toEqual({
      accessTokenSealed: null,
      accessTokenExpiresAt: null,
    });
    const before = exchanges(c.clientId);
    await burst(c, 20);
    expect((await accessTokenRoute(c)).status).toBe(409);
    expect(exchanges(c.clientId)).toBe(before);
  });

  it("tokens flow again once a Test finds the credential working", async () => {
    const c = await connection();
    await revokeCredential(c.clientId);
    await lib.test.testConnection(c.scope, c.id);
    await setCredential(c); // restored in Atlassian
    await lib.test.testConnection(c.scope, c.id);
    const before = exchanges(c.clientId);
    expect(await lib.tokens.getAccessToken(c.scope, c.id)).toMatchObject({ ok: true });
    expect((await accessTokenRoute(c)).status).toBe(200);
    expect(exchanges(c.clientId)).toBe(before);
  });

  it("an Atlassian outage during a Test is no refusal: the cached token is still handed out", async () => {
    const c = await connection();
    const first = await lib.tokens.getAccessToken(c.scope, c.id);
    await fetch(`${fake.url}/__fake/faults`, {
      method: "POST",
      body: JSON.stringify({
        client_id: c.clientId,
        fault: { endpoint: "token", mode: "status_503", times: 10 },
      }),
    });
    try {
      const tested = await lib.test.testConnection(c.scope, c.id);
      expect(tested).toMatchObject({
        connection: { status: "failing", last_error: { code: "atlassian_unavailable" } },
      });
    } finally {
      await fetch(`${fake.url}/__fake/faults/clear`, {
        method: "POST",
        body: JSON.stringify({ client_id: c.clientId }),
      });
    }
    const again = await lib.tokens.getAccessToken(c.scope, c.id);
    expect(again).toMatchObject({ ok: true });
    expect(again.ok && first.ok && again.token.accessToken).toBe(
      first.ok && first.token.accessToken,
    );
  });
});
