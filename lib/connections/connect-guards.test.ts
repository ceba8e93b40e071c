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

let fake: FakeAtlassian;
let db: Awaited<ReturnType<typeof openTestDatabase>>;
let lib: ConnectUseCases & {
  limits: typeof import("./internal/connect-limits");
};

beforeAll(async () => {
  ({ fake, db } = await startConnectTestbed());
  lib = {
    ...(await loadConnectUseCases()),
    limits: await import("./internal/connect-limits"),
  };
});

afterAll(() => fake.close());

async function newSession() {
  const { scope } = await createTestWorkspace();
  const { token } = await lib.sessions.createConnectSession(scope, {
    end_user: { id: `user-${randomUUID()}` },
  });
  return { scope, token };
}

const tokenCalls = (clientId: string) =>
  fake.state.tokenRequests.filter((request) => request.clientId === clientId).length;

describe("one connection per connect link", () => {
  it("a double click, a second tab or a retried request creates one connection", async () => {
    const { scope, token } = await newSession();
    const credential = await createFakeCredential(fake);
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () =>
        lib.connect.connectCredential(token, { ...credential, subdomain: undefined }),
      ),
    );
    const kinds = outcomes.map((outcome) => outcome.kind).sort();
    expect(kinds.filter((kind) => kind === "connected")).toHaveLength(1);
    expect(kinds.filter((kind) => kind !== "connected")).toEqual(Array(4).fill("session_ended"));
    expect(await db.getDb().connection.count({ where: { workspaceId: scope.workspaceId } })).toBe(
      1,
    );
    const after = await lib.connect.connectCredential(token, {
      ...credential,
      subdomain: undefined,
    });
    expect(after).toEqual({ kind: "session_ended", reason: "spent" });
  });
});

describe("connect attempts are limited", () => {
  it("per link: past the limit the form says to wait, and nothing reaches Atlassian", async () => {
    const { token } = await newSession();
    const wrong = { clientId: `cid-${randomUUID()}`, clientSecret: "wrong", subdomain: undefined };
    for (let i = 0; i < lib.limits.ATTEMPTS_PER_SESSION; i++) {
      const outcome = await lib.connect.connectCredential(token, wrong);
      expect(outcome).toMatchObject({ kind: "failed" });
      expect(outcome).not.toMatchObject({ failure: { code: "rate_limited" } });
    }
    const before = tokenCalls(wrong.clientId);
    const limited = await lib.connect.connectCredential(token, wrong);
    expect(limited).toEqual({
      kind: "failed",
      failure: {
        code: "rate_limited",
        message:
          "Too many attempts. Nothing was sent to Atlassian; wait 15 minutes, then try again.",
        params: { minutes: 15 },
      },
    });
    expect(tokenCalls(wrong.clientId)).toBe(before);
  });

  it("per client address, across links", { timeout: 30_000 }, async () => {
    const ip = `203.0.113.${Math.floor(Math.random() * 250)}`;
    const wrong = { clientId: `cid-${randomUUID()}`, clientSecret: "wrong", subdomain: undefined };
    let outcome;
    for (let i = 0; i <= lib.limits.ATTEMPTS_PER_IP; i++) {
      // A fresh link each time, so only the address limit can trip.
      const { token } = await newSession();
      outcome = await lib.connect.connectCredential(token, wrong, ip);
    }
    expect(outcome).toMatchObject({ kind: "failed", failure: { code: "rate_limited" } });
    const { token } = await newSession();
    const elsewhere = await lib.connect.connectCredential(token, wrong, "198.51.100.7");
    expect(elsewhere).not.toMatchObject({ failure: { code: "rate_limited" } });
  });
});

describe("one connection per end user and site", () => {
  it("two links for the same end user, submitted at once, make one connection", async () => {
    const { scope } = await createTestWorkspace();
    const endUser = { id: `user-${randomUUID()}` };
    const links = await Promise.all(
      [0, 1, 2].map(() => lib.sessions.createConnectSession(scope, { end_user: endUser })),
    );
    const site = { id: randomUUID(), name: "Acme", url: "https://acme.atlassian.net" };
    const credential = await createFakeCredential(fake, [site]);
    const outcomes = await Promise.all(
      links.map(({ token }) =>
        lib.connect.connectCredential(token, { ...credential, subdomain: undefined }),
      ),
    );
    expect(outcomes.map((outcome) => outcome.kind)).toEqual([
      "connected",
      "connected",
      "connected",
    ]);
    const ids = outcomes.map((outcome) =>
      outcome.kind === "connected" ? outcome.connection.id : "",
    );
    expect(new Set(ids).size).toBe(1);
    expect(
      await db.getDb().connection.count({
        where: { workspaceId: scope.workspaceId, endUserId: endUser.id },
      }),
    ).toBe(1);
  });
});
