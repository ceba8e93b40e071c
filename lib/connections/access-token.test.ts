import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeAtlassian } from "../../e2e/fake-atlassian/server";
import { connectThroughFlow, startConnectTestbed } from "../testing/connect-testbed";
import { createTestWorkspace, type openTestDatabase } from "../testing/test-db";

let fake: FakeAtlassian;
let db: Awaited<ReturnType<typeof openTestDatabase>>;
let lib: {
  tokens: typeof import("./access-token");
  revoke: typeof import("./revoke-connection");
};

beforeAll(async () => {
  ({ fake, db } = await startConnectTestbed());
  lib = { tokens: await import("./access-token"), revoke: await import("./revoke-connection") };
});

afterAll(() => fake.close());

/** Token-endpoint calls the fake saw for one client. */
const exchanges = (clientId: string) =>
  fake.state.tokenRequests.filter((r) => r.clientId === clientId).length;

async function connection() {
  const { scope } = await createTestWorkspace();
  const cloudId = randomUUID();
  const sites = [{ id: cloudId, name: "Acme", url: "https://acme.atlassian.net" }];
  const { id, credential } = await connectThroughFlow(fake, scope, { sites });
  return { scope, id, cloudId, ...credential };
}

/** Moves the cached token's expiry, as if time had passed. */
const expireIn = (id: string, ms: number) =>
  db.getDb().connection.update({
    where: { id },
    data: { accessTokenExpiresAt: new Date(Date.now() + ms) },
  });

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

  it("on SQLite, answers a cached token synchronously (the hot path makes no promise)", async () => {
    const c = await connection();
    await lib.tokens.getAccessToken(c.scope, c.id);
    const answer = lib.tokens.getAccessToken(c.scope, c.id);
    if (db.url!.startsWith("file:")) expect(answer).toMatchObject({ ok: true });
    else expect(answer).toBeInstanceOf(Promise);
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

  it("two processes on one SQLite file, 50 callers each, still make exactly one exchange", async () => {
    const c = await connection();
    await expireIn(c.id, -1000);
    const before = exchanges(c.clientId);
    const worker = path.join(__dirname, "..", "testing", "access-token-worker.ts");
    const processes = [0, 1].map(() =>
      spawn(
        process.execPath,
        ["--conditions=react-server", "--import", "tsx", worker, c.scope.workspaceId, c.id, "50"],
        {
          env: { ...process.env },
          stdio: ["pipe", "pipe", "inherit"],
        },
      ),
    );
    const outputs = processes.map(
      (child) =>
        new Promise<string>((resolve) => {
          let out = "";
          child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
          child.on("exit", () => resolve(out));
        }),
    );
    // Both must be loaded and waiting before either starts, or one would simply go first.
    await Promise.all(
      processes.map((child) => new Promise((resolve) => child.stdout.once("data", resolve))),
    );
    processes.forEach((child) => child.stdin.write("go\n"));
    const tokens = (await Promise.all(outputs)).flatMap(
      (out) => JSON.parse(out.slice(out.indexOf("["))) as string[],
    );
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
