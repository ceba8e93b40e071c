import fs from "node:fs";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../testing/test-db";

let db: Awaited<ReturnType<typeof openTestDatabase>>["getDb"];
let setup: typeof import("./setup");
let tokens: typeof import("./setup-token");
let hashSlotStats: typeof import("./hash-slots").hashSlotStats;

const admin = (token: string, email = "owner@example.com") => ({
  email,
  password: "a long password",
  workspaceName: "Acme",
  token,
});

const tokenOf = (link: string | null) => new URL(link!).searchParams.get("token")!;

beforeAll(async () => {
  ({ getDb: db } = await openTestDatabase());
  setup = await import("./setup");
  tokens = await import("./setup-token");
  ({ hashSlotStats } = await import("./hash-slots"));
});

// Each test starts from a database with no user: a first run.
beforeEach(async () => {
  await db().user.deleteMany({});
  await db().workspace.deleteMany({});
  await db().setupToken.deleteMany({});
  await db().rateLimit.deleteMany({});
});

describe("the one-time setup link", () => {
  it("is printed at start-up with no admin and written beside a SQLite database, owner-only", async () => {
    const link = await tokens.issueSetupLink();
    expect(link).toMatch(/^http:\/\/localhost:3000\/setup\?token=lst_[\w-]{43}$/);
    const file = tokens.setupLinkFile();
    if (file) {
      expect(fs.readFileSync(file, "utf8").trim()).toBe(link);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    }
    // Only its hash is stored.
    const rows = await db().setupToken.findMany();
    expect(JSON.stringify(rows)).not.toContain(tokenOf(link));
  });

  it("is not issued once there is an admin", async () => {
    const link = await tokens.issueSetupLink();
    expect((await setup.createFirstAdmin(admin(tokenOf(link)), null)).ok).toBe(true);
    expect(await tokens.issueSetupLink()).toBeNull();
    const file = tokens.setupLinkFile();
    if (file) expect(fs.existsSync(file)).toBe(false);
  });
});

describe("createFirstAdmin", () => {
  it("creates nothing without a valid token, and hashes nothing either", async () => {
    await tokens.issueSetupLink();
    const before = hashSlotStats().started;
    for (const token of ["", "lst_guess", "x".repeat(5000)]) {
      const result = await setup.createFirstAdmin(admin(token), "203.0.113.1");
      expect(result).toMatchObject({ ok: false, reason: "invalid_token" });
      if (!result.ok) expect(result.message).toContain("data/setup-link.txt");
    }
    expect(hashSlotStats().started).toBe(before);
    expect(await db().user.count()).toBe(0);
  });

  it("spends the token: the link works once", async () => {
    const token = tokenOf(await tokens.issueSetupLink());
    expect(await setup.createFirstAdmin(admin(token), null)).toMatchObject({ ok: true });
    expect(await tokens.isSetupToken(token)).toBe(false);
    expect(await setup.createFirstAdmin(admin(token, "second@example.com"), null)).toMatchObject({
      ok: false,
      reason: "done",
    });
    expect(await db().user.count()).toBe(1);
  });

  it("creates one admin when ten setups race", { timeout: 30_000 }, async () => {
    const token = tokenOf(await tokens.issueSetupLink());
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        setup.createFirstAdmin(admin(token, `racer${i}@example.com`), `10.0.0.${i}`),
      ),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(await db().user.count()).toBe(1);
    expect(await db().membership.count()).toBe(1);
    expect(await db().setupToken.count()).toBe(0);
  });

  it("keeps each PostgreSQL instance's link; with SQLite a new start's link replaces the last", async () => {
    const first = tokenOf(await tokens.issueSetupLink());
    const second = tokenOf(await tokens.issueSetupLink());
    expect(await tokens.isSetupToken(second)).toBe(true);
    expect(await tokens.isSetupToken(first)).toBe(!tokens.setupLinkFile());
  });

  it("refuses a link older than 24 hours", async () => {
    const token = tokenOf(await tokens.issueSetupLink());
    await db().setupToken.updateMany({
      data: { createdAt: new Date(Date.now() - tokens.SETUP_TOKEN_LIFETIME_MS - 1000) },
    });
    expect(await tokens.isSetupToken(token)).toBe(false);
    expect(await setup.createFirstAdmin(admin(token), null)).toMatchObject({
      ok: false,
      reason: "invalid_token",
    });
    expect(await db().user.count()).toBe(0);
  });

  it("records adopting a workspace that already holds API keys", async () => {
    const { newId } = await import("../ids");
    const workspace = await db().workspace.create({
      data: { id: newId("ws"), name: "My workspace" },
    });
    await db().apiKey.create({
      data: {
        id: newId("key"),
        workspaceId: workspace.id,
        name: "Initial key",
        prefix: "latch_sk_abcd",
        hash: "h",
      },
    });
    const token = tokenOf(await tokens.issueSetupLink());
    expect(await setup.createFirstAdmin(admin(token), "192.0.2.7")).toMatchObject({
      ok: true,
      workspaceId: workspace.id,
    });
    const event = await db().auditEvent.findFirstOrThrow({ where: { workspaceId: workspace.id } });
    expect(event).toMatchObject({
      action: "workspace.adopted",
      actorLabel: "owner@example.com",
      ip: "192.0.2.7",
    });
    expect(JSON.parse(event.details)).toEqual({
      previousName: "My workspace",
      apiKeys: 1,
      connections: 0,
    });
  });

  it("limits attempts per address", async () => {
    const token = tokenOf(await tokens.issueSetupLink());
    // The address has used up its attempts: even the valid link is refused until the window ends.
    const limit = setup.SETUP_ATTEMPTS_PER_ADDRESS;
    await db().rateLimit.create({
      data: {
        key: `setup:ip:${(await import("../ids")).sha256("198.51.100.3")}`,
        windowStart: new Date(),
        expiresAt: new Date(Date.now() + 60_000),
        count: limit,
      },
    });
    expect(await setup.createFirstAdmin(admin(token), "198.51.100.3")).toMatchObject({
      ok: false,
      reason: "throttled",
    });
    expect(await db().user.count()).toBe(0);
  });
});
