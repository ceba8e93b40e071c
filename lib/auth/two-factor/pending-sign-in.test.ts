import { sealData } from "iron-session";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

// The request's cookies, as next/headers gives them to an action.
const jar = vi.hoisted(() => new Map<string, string>());
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    set: (name: string, value: string) => jar.set(name, value),
    delete: ({ name }: { name: string }) => jar.delete(name),
  }),
}));

let pending: typeof import("./pending-sign-in");
const SECRET = "a-session-secret-of-at-least-32-characters";
const sign = { userId: "usr_p", workspaceId: "ws_p", passwordTag: "tag" };

beforeAll(async () => {
  process.env.SESSION_SECRET = SECRET;
  process.env.ENCRYPTION_KEY ??= Buffer.alloc(32, 7).toString("base64");
  process.env.DATABASE_URL ??= "file:/tmp/latch-pending-unused.db";
  pending = await import("./pending-sign-in");
});

beforeEach(() => jar.clear());

describe("the pending sign-in cookie", () => {
  it("reads back what was sealed, and nothing once ended", async () => {
    await pending.startPendingSignIn(sign);
    expect(await pending.readPendingSignIn()).toMatchObject({ ...sign, kind: "pending_sign_in" });
    await pending.endPendingSignIn();
    expect(await pending.readPendingSignIn()).toBeNull();
  });

  it("is void after 5 minutes", async () => {
    await pending.startPendingSignIn(sign);
    expect(await pending.readPendingSignIn(Date.now() + 5 * 60 * 1000 + 1)).toBeNull();
  });

  it("takes no user id the server did not seal: tampered, forged, or another kind of seal", async () => {
    await pending.startPendingSignIn(sign);
    const sealed = jar.get(pending.PENDING_SIGN_IN_COOKIE)!;
    const tampered = `${sealed.slice(0, 40)}${sealed[40] === "A" ? "B" : "A"}${sealed.slice(41)}`;
    const forged = await sealData(
      { ...sign, kind: "pending_sign_in", issuedAt: Date.now() },
      { password: "another-secret-of-at-least-32-characters!" },
    );
    // A dashboard session's seal (same secret) is no pending sign-in.
    const session = await sealData(
      { sessionId: "s", userId: "usr_p", workspaceId: "ws_p", issuedAt: Date.now() },
      { password: SECRET },
    );
    for (const value of [tampered, forged, session, "usr_p", ""]) {
      jar.set(pending.PENDING_SIGN_IN_COOKIE, value);
      expect(await pending.readPendingSignIn()).toBeNull();
    }
  });
});
