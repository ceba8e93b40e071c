import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { openTestDatabase } from "../../testing/test-db";

// The request's cookies, as next/headers gives them to a page or action.
const jar = vi.hoisted(() => new Map<string, string>());
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    set: (name: string | { name: string; value: string }, value?: string) => {
      if (typeof name === "string") jar.set(name, value ?? "");
      else jar.set(name.name, name.value);
    },
    delete: (name: string) => jar.delete(name),
  }),
  headers: async () => new Headers(),
}));

let db: Awaited<ReturnType<typeof openTestDatabase>>["getDb"];
let member: typeof import("./member");
let startSession: typeof import("./session-cookie").startSession;

beforeAll(async () => {
  ({ getDb: db } = await openTestDatabase());
  member = await import("./member");
  ({ startSession } = await import("./session-cookie"));
  await db().workspace.create({ data: { id: "ws_req", name: "Strict", requireTwoFactor: true } });
  await db().user.create({
    data: {
      id: "usr_req",
      email: "req@example.com",
      passwordHash: "x",
      memberships: { create: { workspaceId: "ws_req" } },
    },
  });
});

beforeEach(async () => {
  jar.clear();
  await startSession("usr_req", "ws_req", { ip: null, userAgent: null });
});

/** Outside a request React's cache keeps nothing: each call reads the database afresh. */
async function outcome(check: () => Promise<unknown>) {
  return check().then(
    () => "allowed",
    (error: { digest?: string }) => String(error.digest).split(";").slice(0, 3).join(";"),
  );
}

describe("a workspace that requires two-factor", () => {
  it("sends a member without it to /account, and lets the Account page through", async () => {
    await db().user.update({ where: { id: "usr_req" }, data: { totpEnabledAt: null } });
    expect(await outcome(() => member.requireMember())).toBe("NEXT_REDIRECT;replace;/account");
    expect(await outcome(() => member.requireAdmin())).toBe("NEXT_REDIRECT;replace;/account");
    const forAccount = await member.requireMemberForAccount();
    expect(forAccount).toMatchObject({ userId: "usr_req", mustTurnOnTwoFactor: true });
  });

  it("lets a member with two-factor on in", async () => {
    await db().user.update({ where: { id: "usr_req" }, data: { totpEnabledAt: new Date() } });
    expect(await outcome(() => member.requireMember())).toBe("allowed");
    const scope = await member.requireMember();
    expect(scope).not.toHaveProperty("mustTurnOnTwoFactor");
  });
});
