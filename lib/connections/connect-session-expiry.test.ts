import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeAtlassian } from "../../testing/fake-atlassian/server";
import {
  createFakeCredential,
  startConnectTestbed,
  loadConnectUseCases,
  type ConnectUseCases,
} from "../../testing/connect-testbed";
import { createTestWorkspace, type openTestDatabase } from "../../testing/test-db";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

let fake: FakeAtlassian;
let db: Awaited<ReturnType<typeof openTestDatabase>>;
let lib: ConnectUseCases & {};

beforeAll(async () => {
  ({ fake, db } = await startConnectTestbed());
  lib = {
    ...(await loadConnectUseCases()),
  };
});

afterAll(() => fake.close());

const twoSites = () => [
  { id: randomUUID(), name: "Acme", url: "https://acme.atlassian.net" },
  { id: randomUUID(), name: "Beta", url: "https://beta.atlassian.net" },
];

/** An end user who pasted a credential reaching two sites and stopped at the site picker. */
async function leftAtSitePicker() {
  const { scope } = await createTestWorkspace();
  const sites = twoSites();
  const credential = await createFakeCredential(fake, sites);
  const { token } = await lib.sessions.createConnectSession(scope, {
    end_user: { id: `user-${randomUUID()}` },
  });
  const outcome = await lib.connect.connectCredential(token, {
    ...credential,
    subdomain: undefined,
  });
  expect(outcome.kind).toBe("choose_site");
  const { id } = await sessionRow(token);
  expect(await pending(id)).toMatchObject({
    pendingClientId: credential.clientId,
    pendingSecretSealed: expect.stringMatching(/^v1\./),
    pendingTokenSealed: expect.stringMatching(/^v1\./),
  });
  return { id, token, sites, credential };
}

async function sessionRow(token: string) {
  const { sha256 } = await import("../ids");
  return db.getDb().connectSession.findUniqueOrThrow({ where: { tokenHash: sha256(token) } });
}

/** Every pending column of a session, the sealed ones included; null once the row is gone. */
function pending(id: string) {
  return db.getDb().connectSession.findUnique({
    where: { id },
    select: {
      pendingClientId: true,
      pendingSecretSealed: true,
      pendingTokenSealed: true,
      pendingTokenExpiresAt: true,
      pendingSites: true,
    },
  });
}

const EMPTY = {
  pendingClientId: null,
  pendingSecretSealed: null,
  pendingTokenSealed: null,
  pendingTokenExpiresAt: null,
  pendingSites: null,
};

const expireAt = (id: string, expiresAt: Date) =>
  db.getDb().connectSession.update({ where: { id }, data: { expiresAt } });

describe("a session left at the site picker", () => {
  it("keeps its sealed credential while open, even when the sweep runs", async () => {
    const left = await leftAtSitePicker();
    await lib.sessions.sweepConnectSessions();
    expect((await pending(left.id))?.pendingSecretSealed).toMatch(/^v1\./);
    const outcome = await lib.connect.confirmSite(left.token, left.sites[1]!.id);
    expect(outcome).toMatchObject({ kind: "connected", connection: { site: { name: "Beta" } } });
  });

  it("has nothing sealed left once the sweep runs past its expiry (a later clock)", async () => {
    const left = await leftAtSitePicker();
    await lib.sessions.sweepConnectSessions(new Date(Date.now() + 31 * MINUTE));
    expect(await pending(left.id)).toEqual(EMPTY);
  });

  it("has nothing sealed left once the sweep runs after it expired (expiry moved in the database)", async () => {
    const left = await leftAtSitePicker();
    await expireAt(left.id, new Date(Date.now() - 1000));
    const result = await lib.sessions.sweepConnectSessions();
    expect(result.erased).toBeGreaterThanOrEqual(1);
    expect(await pending(left.id)).toEqual(EMPTY);
    // Kept, without secrets, so the link still reads as expired rather than invalid.
    expect((await lib.sessions.findConnectSession(left.token)).state).toBe("expired");
    expect(await lib.connect.confirmSite(left.token, left.sites[0]!.id)).toEqual({
      kind: "session_ended",
      reason: "expired",
    });
  });

  it("loses its sealed credential as soon as it is read expired, before any sweep", async () => {
    const left = await leftAtSitePicker();
    await expireAt(left.id, new Date(Date.now() - 1000));
    expect((await lib.sessions.findConnectSession(left.token)).state).toBe("expired");
    expect(await pending(left.id)).toEqual(EMPTY);
  });
});

describe("a spent session", () => {
  it("holds no pending values once the site is chosen and the connection made", async () => {
    const left = await leftAtSitePicker();
    const outcome = await lib.connect.confirmSite(left.token, left.sites[0]!.id);
    expect(outcome.kind).toBe("connected");
    expect(await pending(left.id)).toEqual(EMPTY);
    expect((await sessionRow(left.token)).connectedAt).not.toBeNull();
  });

  it("is emptied by the sweep if a pending choice was somehow left on it", async () => {
    const left = await leftAtSitePicker();
    await lib.connect.confirmSite(left.token, left.sites[0]!.id);
    // As a row written before spending erased the choice would be.
    await db.getDb().connectSession.update({
      where: { id: left.id },
      data: { pendingClientId: "cid", pendingSecretSealed: "v1.x", pendingTokenSealed: "v1.y" },
    });
    await lib.sessions.sweepConnectSessions();
    expect(await pending(left.id)).toEqual(EMPTY);
  });
});

describe("old sessions", () => {
  it("are deleted a week after they expired; recent and open ones stay", async () => {
    const { scope } = await createTestWorkspace();
    const mint = async () => {
      const { token } = await lib.sessions.createConnectSession(scope, {
        end_user: { id: `user-${randomUUID()}`, email: "jo@example.com" },
      });
      return (await sessionRow(token)).id;
    };
    const [old, spentOld, recent, open] = [await mint(), await mint(), await mint(), await mint()];
    const kept = lib.sessions.EXPIRED_SESSIONS_KEPT_MS;
    await expireAt(old, new Date(Date.now() - kept - MINUTE));
    await expireAt(spentOld, new Date(Date.now() - kept - DAY));
    await db.getDb().connectSession.update({
      where: { id: spentOld },
      data: { connectedAt: new Date(Date.now() - kept - 2 * DAY) },
    });
    await expireAt(recent, new Date(Date.now() - kept + DAY));

    const result = await lib.sessions.sweepConnectSessions();
    expect(result.purged).toBeGreaterThanOrEqual(2);
    const left = await db.getDb().connectSession.findMany({
      where: { id: { in: [old, spentOld, recent, open] } },
      select: { id: true },
    });
    expect(left.map((row) => row.id).sort()).toEqual([recent, open].sort());

    // A later clock: the one that expired recently goes once its week is up, the open one too.
    await lib.sessions.sweepConnectSessions(new Date(Date.now() + 2 * DAY));
    expect(await pending(recent)).toBeNull();
    expect(await pending(open)).not.toBeNull();
    await lib.sessions.sweepConnectSessions(new Date(Date.now() + kept + DAY));
    expect(await pending(open)).toBeNull();
  });
});
