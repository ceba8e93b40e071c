import fc from "fast-check";
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { RUNS, hostileString } from "../../testing/fuzz";
import { createTestWorkspace, openTestDatabase } from "../../testing/test-db";

/**
 * Property-based tests of connect session tokens as they arrive from links and iframes:
 * `/connect?session_token=…` (the token) and `/connect/embed?session=…` (its SHA-256). Anything
 * that is not a live session's token is simply "invalid": no throw, no other session, no
 * framing permission, and the pages render.
 */

// The pages read the language proxy.ts chose from the request's headers: none here, so English.
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));

type Sessions = typeof import("./create-connect-session") &
  typeof import("./find-connect-session") &
  typeof import("./sweep-connect-sessions");
let sessions: Sessions;
let sha256: (text: string) => string;
let connectPagePolicy: typeof import("../embed/frame-policy").connectPagePolicy;
let ConnectPage: typeof import("../../app/connect/page").default;
let EmbeddedConnectPage: typeof import("../../app/connect/embed/page").default;

const ORIGIN = "https://app.example";
/** Tokens of sessions in each state, and the origins each may be framed by. */
const live: { state: "open" | "expired" | "spent"; token: string; origins: string[] }[] = [];

beforeAll(async () => {
  const { getDb } = await openTestDatabase();
  sessions = {
    ...(await import("./create-connect-session")),
    ...(await import("./find-connect-session")),
    ...(await import("./sweep-connect-sessions")),
  };
  ({ sha256 } = await import("../ids"));
  ({ connectPagePolicy } = await import("../embed/frame-policy"));
  ConnectPage = (await import("../../app/connect/page")).default;
  EmbeddedConnectPage = (await import("../../app/connect/embed/page")).default;

  const { scope } = await createTestWorkspace("Fuzz");
  await getDb().workspace.update({
    where: { id: scope.workspaceId },
    data: { allowedOrigins: JSON.stringify(["https://workspace.example"]) },
  });
  const create = (origins?: string[]) =>
    sessions.createConnectSession(scope, {
      end_user: { id: "fuzz-user" },
      ...(origins ? { allowed_origins: origins } : {}),
    });
  live.push({ state: "open", token: (await create([ORIGIN])).token, origins: [ORIGIN] });
  live.push({
    state: "open",
    token: (await create()).token,
    origins: ["https://workspace.example"],
  });
  const expired = await create([ORIGIN]);
  await getDb().connectSession.updateMany({
    where: { tokenHash: sha256(expired.token) },
    data: { expiresAt: new Date(Date.now() - 1_000) },
  });
  live.push({ state: "expired", token: expired.token, origins: [ORIGIN] });
  const spent = await create([ORIGIN]);
  await getDb().connectSession.updateMany({
    where: { tokenHash: sha256(spent.token) },
    data: { connectedAt: new Date() },
  });
  live.push({ state: "spent", token: spent.token, origins: [ORIGIN] });
}, 30_000);

const TOKEN_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** A live token changed a little: one character, its case, padding, an encoding, a cut. */
const nearMiss = fc
  .tuple(
    fc.nat(),
    fc.nat(),
    fc.constantFrom("swap", "upper", "pad", "encode", "cut", "extend", "prefix"),
  )
  .map(([which, where, how]) => {
    const token = live[which % live.length]!.token;
    const at = 4 + (where % (token.length - 4));
    switch (how) {
      case "swap": {
        const current = token[at]!;
        const next = TOKEN_CHARS[(TOKEN_CHARS.indexOf(current) + 1 + (where % 63)) % 64]!;
        return token.slice(0, at) + next + token.slice(at + 1);
      }
      case "upper":
        return token.toUpperCase();
      case "pad":
        return ` ${token}\n`;
      case "encode":
        return encodeURIComponent(token).replace(/_/g, "%5F");
      case "cut":
        return token.slice(0, at);
      case "extend":
        return `${token}A`;
      default:
        return `lcs_lcs_${token.slice(8)}`;
    }
  });

const tokenInput = fc.oneof(
  hostileString(5_000),
  fc.stringMatching(/^lcs_[A-Za-z0-9_-]{43}$/),
  nearMiss,
  fc.constantFrom(null, undefined),
);

const hashInput = fc.oneof(
  hostileString(5_000),
  fc.stringMatching(/^[0-9a-f]{64}$/),
  fc.nat().map((n) => sha256(live[n % live.length]!.token).toUpperCase()),
  fc.nat().map((n) => sha256(live[n % live.length]!.token).slice(1)),
  nearMiss.map((token) => sha256(token)),
  fc.constantFrom(null, undefined),
);

describe("findConnectSession / findConnectSessionByHash", () => {
  it("any token but a live one is invalid, and never throws", async () => {
    await fc.assert(
      fc.asyncProperty(tokenInput, async (token) => {
        const lookup = await sessions.findConnectSession(token);
        const match = live.find((session) => session.token === token);
        expect(lookup.state).toBe(match ? match.state : "invalid");
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it("any hash but a live token's SHA-256 (lowercase hex) is invalid, and never throws", async () => {
    await fc.assert(
      fc.asyncProperty(hashInput, async (hash) => {
        const lookup = await sessions.findConnectSessionByHash(hash);
        const match = live.find((session) => sha256(session.token) === hash);
        expect(lookup.state).toBe(match ? match.state : "invalid");
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it("a live token and its hash find the same session", async () => {
    for (const session of live) {
      const byToken = await sessions.findConnectSession(session.token);
      const byHash = await sessions.findConnectSessionByHash(sha256(session.token));
      expect(byToken).toEqual(byHash);
      expect(byToken.state).toBe(session.state);
    }
  });
});

/** Search params as Next hands them to a page: a value, a repeated one (array), or none. */
const paramValue = fc.oneof(
  hostileString(2_000),
  fc.array(hostileString(200), { minLength: 2, maxLength: 3 }),
  fc.constant(undefined),
);
const pageParams = (tokenName: "session_token" | "session") =>
  fc
    .record(
      {
        [tokenName]: fc.oneof(
          tokenName === "session" ? hashInput : tokenInput,
          fc.nat().map((n) => {
            const token = live[n % live.length]!.token;
            return tokenName === "session" ? sha256(token) : token;
          }),
          paramValue,
        ),
        origin: fc.oneof(fc.constantFrom(ORIGIN, "https://workspace.example", "null"), paramValue),
        primary: fc.oneof(fc.constantFrom("#336699", "#fff", "red", "url(x)"), paramValue),
        mode: fc.oneof(fc.constantFrom("light", "dark", "system", "neon"), paramValue),
        junk: paramValue,
      },
      { requiredKeys: [] },
    )
    .map(
      (params) =>
        Object.fromEntries(
          Object.entries(params).filter(([, value]) => value !== undefined && value !== null),
        ) as Record<string, string | string[]>,
    );

function searchParamsOf(params: Record<string, string | string[]>): URLSearchParams {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    for (const item of [value].flat()) search.append(name, item);
  }
  return search;
}

const FRAME_ANCESTORS =
  /^frame-ancestors (?:'none'|https?:\/\/[a-z0-9.:[\]-]+(?: https?:\/\/[a-z0-9.:[\]-]+)*)$/i;

describe("connect page framing policy (proxy.ts)", () => {
  it("any query: a well-formed frame-ancestors, naming origins only for a live session", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .constantFrom("/connect", "/connect/embed")
          .chain((pathname) =>
            pageParams(pathname === "/connect/embed" ? "session" : "session_token").map(
              (params) => [pathname, params] as const,
            ),
          ),
        async ([pathname, params]) => {
          const search = searchParamsOf(params);
          const policy = await connectPagePolicy(pathname, search);
          expect(policy).toMatch(FRAME_ANCESTORS);
          const key = pathname === "/connect/embed" ? "session" : "session_token";
          const sent = search.get(key);
          const match = live.find((s) => (key === "session" ? sha256(s.token) : s.token) === sent);
          expect(policy).toBe(
            match ? `frame-ancestors ${match.origins.join(" ")}` : "frame-ancestors 'none'",
          );
        },
      ),
      { numRuns: RUNS },
    );
  });
});

async function render(page: Promise<ReactElement> | ReactElement): Promise<string> {
  return renderToStaticMarkup(await page);
}

describe("connect pages with any search params", () => {
  it("/connect renders for any ?session_token=, the form only for an open session", async () => {
    await fc.assert(
      fc.asyncProperty(pageParams("session_token"), async (params) => {
        const html = await render(ConnectPage({ searchParams: Promise.resolve(params) } as never));
        const token = params.session_token;
        const match = live.find((s) => s.token === token);
        expect(html.includes("Client Secret")).toBe(match?.state === "open");
        // A token that opens nothing is not put back into the page.
        if (typeof token === "string" && token.length >= 16 && match?.state !== "open") {
          expect(html).not.toContain(token);
        }
      }),
      { numRuns: RUNS / 2 },
    );
  });

  it("/connect/embed renders for any ?session=&origin=&primary=&mode=", async () => {
    await fc.assert(
      fc.asyncProperty(pageParams("session"), async (params) => {
        const html = await render(
          EmbeddedConnectPage({ searchParams: Promise.resolve(params) } as never),
        );
        const match = live.find((s) => sha256(s.token) === params.session);
        const allowed =
          match && typeof params.origin === "string" && match.origins.includes(params.origin);
        if (match && !allowed) expect(html).toContain("This site may not show the connect form");
        // The embedded form never carries the token itself: it arrives by postMessage.
        for (const session of live) expect(html).not.toContain(session.token);
      }),
      { numRuns: RUNS / 2 },
    );
  });
});
