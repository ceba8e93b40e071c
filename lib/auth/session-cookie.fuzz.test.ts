import fc from "fast-check";
import { sealData } from "iron-session";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { RUNS, hostileString } from "../../testing/fuzz";
import { createTestWorkspace, openTestDatabase } from "../../testing/test-db";

/**
 * Property-based tests of the dashboard's session cookie (iron-session). Whatever a browser
 * sends as `latch_session` — garbage, a seal with one character changed, a seal made with
 * another secret, an expired one — reading it never throws: it means "signed out".
 */

// The request's cookies, as next/headers would give them to a page, action or layout.
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

type SessionModule = typeof import("./session-cookie");
const NO_CLIENT = { ip: null, userAgent: null };
let session: SessionModule;
let requireMember: typeof import("./member").requireMember;
let secret: string;
/** A live session of a real member, sealed as the app seals it. */
let liveSeal: string;
let member: { userId: string; workspaceId: string };

beforeAll(async () => {
  const { getDb } = await openTestDatabase();
  secret = process.env.SESSION_SECRET!;
  session = await import("./session-cookie");
  ({ requireMember } = await import("./member"));
  const { workspace } = await createTestWorkspace("Fuzz");
  const user = await getDb().user.create({
    data: { id: "usr_fuzz", email: "fuzz@example.com", passwordHash: "x" },
  });
  await getDb().membership.create({
    data: { userId: user.id, workspaceId: workspace.id, role: "admin" },
  });
  member = { userId: user.id, workspaceId: workspace.id };
  jar.clear();
  await session.startSession(member.userId, member.workspaceId, NO_CLIENT);
  liveSeal = jar.get(session.SESSION_COOKIE)!;
}, 30_000);

beforeEach(() => jar.clear());

const SEAL_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_*~.";

/** Things shaped like an iron seal: `Fe26.2*id*salt*iv*data*expiry*hmacSalt*hmac~2`. */
const sealLike = fc
  .tuple(
    fc.constantFrom("Fe26.2", "Fe26.1", "Fe27.2", "", "fe26.2"),
    fc.array(
      fc.oneof(
        fc.constantFrom("", "1", "0", "abc", "-1", "1e99", "NaN", "9999999999999", "%%%", "=="),
        fc.stringMatching(/^[A-Za-z0-9_-]{0,43}$/),
        hostileString(60),
      ),
      { minLength: 0, maxLength: 9 },
    ),
    fc.constantFrom("", "~2", "~1", "~3", "~", "~~2", "~x"),
  )
  .map(([prefix, parts, version]) => [prefix, ...parts].join("*") + version);

/** The live seal changed a little: one character swapped, dropped or added, cut, re-versioned. */
const tampered = fc
  .tuple(
    fc.nat(),
    fc.nat({ max: SEAL_CHARS.length - 1 }),
    fc.constantFrom("swap", "drop", "add", "cut", "version"),
  )
  .map(([where, char, how]) => {
    const at = where % liveSeal.length;
    const c = SEAL_CHARS[char]!;
    switch (how) {
      case "swap":
        return liveSeal.slice(0, at) + c + liveSeal.slice(at + 1);
      case "drop":
        return liveSeal.slice(0, at) + liveSeal.slice(at + 1);
      case "add":
        return liveSeal.slice(0, at) + c + liveSeal.slice(at);
      case "cut":
        return liveSeal.slice(0, at);
      default:
        return liveSeal.replace(/~2$/, `~${c}`);
    }
  });

/** The same session fields sealed with another secret, or with ours but long expired. */
const forged = fc.record({
  otherSecret: fc.oneof(fc.string({ minLength: 32, maxLength: 64 }), fc.constant("x".repeat(32))),
  expired: fc.boolean(),
});

const cookieValue = fc.oneof(hostileString(5_000), sealLike, tampered);

async function readSession(value: string) {
  jar.clear();
  jar.set(session.SESSION_COOKIE, value);
  return session.getSession();
}

describe("the session cookie", () => {
  it("a live seal reads as the member it was sealed for", async () => {
    const read = await readSession(liveSeal);
    expect(session.isActive(read)).toBe(true);
    expect(read).toMatchObject(member);
  });

  it("any cookie value: never throws, and never reads as anyone but the sealed member", async () => {
    await fc.assert(
      fc.asyncProperty(cookieValue, async (value) => {
        const read = await readSession(value);
        if (value === liveSeal) return;
        // A value iron-session still accepts (e.g. a trailing change it ignores) can only ever
        // be the one member's own session; everything else is signed out.
        if (session.isActive(read)) expect(read).toMatchObject(member);
        else expect(read.userId === undefined || read.userId === member.userId).toBe(true);
      }),
      { numRuns: RUNS * 2, examples: [["Fe26.2*1*a*b*c*not-a-number*e*f~2"]] },
    );
  });

  it("a tampered live seal is signed out, or (if iron ignores the change) still the same member", async () => {
    await fc.assert(
      fc.asyncProperty(tampered, async (value) => {
        const read = await readSession(value);
        if (session.isActive(read)) expect(read).toMatchObject(member);
        else expect(Object.keys(read)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it("a seal made with another secret, or expired, is signed out", async () => {
    await fc.assert(
      fc.asyncProperty(forged, async ({ otherSecret, expired }) => {
        fc.pre(otherSecret !== secret || expired);
        const now = Date.now();
        const data = { ...member, issuedAt: now, lastSeenAt: now };
        const seal = expired
          ? await sealData(data, { password: secret, ttl: 1 })
          : await sealData(data, { password: otherSecret });
        if (expired) vi.setSystemTime(now + 2 * 60_000 + 1_000);
        try {
          const read = await readSession(seal);
          expect(session.isActive(read)).toBe(false);
        } finally {
          vi.useRealTimers();
        }
      }),
      { numRuns: 20 },
    );
  });

  it("a garbage cookie can still be cleared and replaced (sign-out, sign-in)", async () => {
    await fc.assert(
      fc.asyncProperty(cookieValue, async (value) => {
        await readSession(value).then((read) => read.destroy());
        expect(jar.get(session.SESSION_COOKIE)).toBe("");
        jar.set(session.SESSION_COOKIE, value);
        await session.startSession(member.userId, member.workspaceId, NO_CLIENT);
        const fresh = jar.get(session.SESSION_COOKIE)!;
        expect(session.isActive(await readSession(fresh))).toBe(true);
      }),
      { numRuns: RUNS / 3, examples: [["Fe26.2*1*a*b*c*not-a-number*e*f~2"]] },
    );
  });

  it("requireMember sends any cookie but a live seal to /login, never an error", async () => {
    await fc.assert(
      fc.asyncProperty(cookieValue, async (value) => {
        jar.set(session.SESSION_COOKIE, value);
        const outcome = await requireMember().then(
          (scope) => ({ scope }),
          (error: unknown) => ({ error }),
        );
        if ("scope" in outcome) {
          expect(outcome.scope).toMatchObject(member);
          return;
        }
        expect(String((outcome.error as { digest?: unknown }).digest)).toMatch(
          /^NEXT_REDIRECT;[a-z]+;\/login;/,
        );
      }),
      { numRuns: RUNS, examples: [["Fe26.2*1*a*b*c*not-a-number*e*f~2"]] },
    );
  });
});

/** A Cookie header carrying the value, when a client could send it at all (Latin-1, no CR/LF/NUL). */
function cookieHeader(value: string): Headers | null {
  try {
    return new Headers({ cookie: `theme=dark; ${session.SESSION_COOKIE}=${value}; other=1` });
  } catch {
    return null;
  }
}

describe("the session cookie on a Request (proxy.ts)", () => {
  it("getRequestSession: any Cookie header reads without throwing, signed out unless live", async () => {
    await fc.assert(
      fc.asyncProperty(cookieValue, async (value) => {
        const headers = cookieHeader(value);
        fc.pre(headers !== null);
        const request = new Request("http://latch.test/connections", { headers: headers! });
        const read = await session.getRequestSession(request, new Response());
        if (session.isActive(read)) expect(read).toMatchObject(member);
      }),
      { numRuns: RUNS, examples: [["*******"], [`A${liveSeal.slice(1)}`]] },
    );
  });

  // A cookie such as `latch_session=*******` once threw "Wrong mac prefix" out of the proxy,
  // and every dashboard page answered 500 until the cookie was cleared.
  it("the dashboard gate sends any unreadable cookie to /login", async () => {
    const { proxy } = await import("../../proxy");
    const { NextRequest } = await import("next/server");
    await fc.assert(
      fc.asyncProperty(cookieValue, async (value) => {
        const headers = cookieHeader(value);
        fc.pre(headers !== null && value !== liveSeal);
        const response = await proxy(
          new NextRequest("http://latch.test/connections", { headers: headers! }),
        );
        if (response.status === 200) return; // a seal iron still reads as the member
        expect(response.status).toBe(307);
        expect(new URL(response.headers.get("location")!).pathname).toBe("/login");
      }),
      { numRuns: 20, examples: [["*******"]] },
    );
  });
});

describe("isActive", () => {
  it("judges any object and any clock without throwing; true only within both lifetimes", () => {
    const field = fc.oneof(
      fc.constant(undefined),
      fc.string(),
      fc.double(),
      fc.integer(),
      fc.anything(),
    );
    fc.assert(
      fc.property(
        fc.record(
          { userId: field, workspaceId: field, issuedAt: field, lastSeenAt: field },
          { requiredKeys: [] },
        ),
        fc.oneof(fc.integer(), fc.double(), fc.constant(Date.now())),
        (data, now) => {
          const active = session.isActive(data as never, now);
          expect(typeof active).toBe("boolean");
          if (!active) return;
          expect(now - (data.issuedAt as number)).toBeLessThan(session.ABSOLUTE_LIFETIME_MS);
          expect(now - (data.lastSeenAt as number)).toBeLessThan(session.IDLE_LIFETIME_MS);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
