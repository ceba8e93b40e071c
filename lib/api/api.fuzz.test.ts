import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeAtlassian } from "../../testing/fake-atlassian/server";
import { connectThroughFlow, startConnectTestbed } from "../../testing/connect-testbed";
import {
  RUNS,
  deepJsonText,
  expectApiError,
  expectPrototypeIntact,
  hostileJsonText,
  hostileString,
  longString,
  objectText,
  wellFormed,
} from "../../testing/fuzz";
import { createTestWorkspace } from "../../testing/test-db";

/**
 * Property-based tests of the tenant API, calling the route handlers in-process as Next would,
 * against a real database and a fake Atlassian. Whatever a client sends (body, query, path,
 * Authorization header) the answer is never a 5xx nor a thrown exception, and every error is
 * `{"error":{"code","message"}}` with a 4xx and a sentence a person can act on.
 */

const BASE = "http://latch.test";
const SESSION_TOKEN = /^lcs_[A-Za-z0-9_-]{43}$/;

type Routes = {
  connectSessions: typeof import("../../app/api/v1/connect-sessions/route");
  connections: typeof import("../../app/api/v1/connections/route");
  connection: typeof import("../../app/api/v1/connections/[id]/route");
  test: typeof import("../../app/api/v1/connections/[id]/test/route");
  accessToken: typeof import("../../app/api/v1/connections/[id]/access-token/route");
};

let fake: FakeAtlassian;
let routes: Routes;
let sessions: typeof import("../connections/create-connect-session") &
  typeof import("../connections/find-connect-session") &
  typeof import("../connections/sweep-connect-sessions");
let key: string;
let revokedKey: string;
let otherKey: string;
/** Our workspace's connections, and one of another workspace's (which must answer 404). */
let ownIds: string[];
let foreignId: string;

beforeAll(async () => {
  // Thousands of requests a minute with one key: the per-key limit is not under test here.
  process.env.API_RATE_LIMIT = "off";
  ({ fake } = await startConnectTestbed());
  routes = {
    connectSessions: await import("../../app/api/v1/connect-sessions/route"),
    connections: await import("../../app/api/v1/connections/route"),
    connection: await import("../../app/api/v1/connections/[id]/route"),
    test: await import("../../app/api/v1/connections/[id]/test/route"),
    accessToken: await import("../../app/api/v1/connections/[id]/access-token/route"),
  };
  sessions = {
    ...(await import("../connections/create-connect-session")),
    ...(await import("../connections/find-connect-session")),
    ...(await import("../connections/sweep-connect-sessions")),
  };
  const { createApiKey } = await import("../api-keys/create-api-key");
  const { revokeApiKey } = await import("../api-keys/revoke-api-key");
  const own = await createTestWorkspace("Fuzz");
  const other = await createTestWorkspace("Other");
  ({ key } = await createApiKey(own.scope, "fuzz"));
  const revoked = await createApiKey(own.scope, "revoked");
  revokedKey = revoked.key;
  await revokeApiKey(own.scope, revoked.apiKey.id);
  ({ key: otherKey } = await createApiKey(other.scope, "other"));
  ownIds = [];
  for (let i = 0; i < 4; i++) {
    ownIds.push((await connectThroughFlow(fake, own.scope, { endUserId: `user-${i % 2}` })).id);
  }
  foreignId = (await connectThroughFlow(fake, other.scope)).id;
}, 60_000);

afterAll(() => fake?.close());

const auth = (apiKey = key) => ({ authorization: `Bearer ${apiKey}` });
const noParams = { params: Promise.resolve({} as Record<string, never>) };
const withId = (id: string) => ({ params: Promise.resolve({ id }) });

/** Reads any answer: a 4xx error body passes expectApiError; a 5xx fails the property. */
async function answer(response: Response): Promise<{ status: number; body: unknown }> {
  expect(response.status, "never a 5xx").toBeLessThan(500);
  expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  const body: unknown = await response.json();
  if (response.status >= 400) await expectApiError(response, body);
  return { status: response.status, body };
}

function post(body: BodyInit | null, headers: Record<string, string> = {}) {
  return routes.connectSessions.POST(
    new Request(`${BASE}/api/v1/connect-sessions`, {
      method: "POST",
      body,
      headers: { ...auth(), "content-type": "application/json", ...headers },
    }),
    noParams,
  );
}

/** A 201 must be a usable session for the end user the body named. */
async function expectCreated(body: unknown, sent: unknown) {
  const created = body as { token: string; connect_url: string; expires_at: string };
  expect(Object.keys(created).sort()).toEqual(["connect_url", "expires_at", "token"]);
  expect(created.token).toMatch(SESSION_TOKEN);
  expect(created.connect_url).toBe(
    `${process.env.PUBLIC_URL ?? "http://localhost:3000"}/connect?session_token=${created.token}`,
  );
  expect(Date.parse(created.expires_at)).toBeGreaterThan(Date.now());
  const lookup = await sessions.findConnectSession(created.token);
  expect(lookup.state).toBe("open");
  const endUser = (sent as { end_user: { id: string } }).end_user;
  if (lookup.state === "open") expect(lookup.session.endUser.id).toBe(endUser.id.trim());
}

// ── POST /api/v1/connect-sessions ───────────────────────────────────────────────────────────

/** Values for each field: often valid, often not, sometimes not even the right type. */
const endUserText = objectText({
  id: fc.oneof(
    fc.string({ minLength: 1, maxLength: 40 }).map((s) => JSON.stringify(s)),
    hostileString(400).map((s) => JSON.stringify(s)),
    hostileJsonText,
  ),
  email: fc.oneof(
    fc.emailAddress().map((s) => JSON.stringify(s)),
    hostileJsonText,
    fc.constantFrom('"a@b"', '"@example.com"', '"a@b.c"', "null"),
  ),
  display_name: fc.oneof(
    hostileString(400).map((s) => JSON.stringify(s)),
    hostileJsonText,
  ),
});
const originText = fc.oneof(
  fc.webUrl().map((s) => JSON.stringify(s)),
  fc
    .constantFrom(
      "https://app.example",
      "http://localhost:3000",
      "HTTPS://APP.Example.com:443",
      "https://bücher.example",
      "https://app.example/",
      "https://app.example/path",
      "https://user:pw@app.example",
      "javascript:alert(1)",
      "null",
      "file:///etc/passwd",
      "https://[::1]:8443",
      "https://app.example?x",
      "https://app.example#x",
      "",
    )
    .map((s) => JSON.stringify(s)),
  hostileJsonText,
);
const connectSessionBody = fc.oneof(
  {
    weight: 3,
    arbitrary: objectText({
      end_user: fc.oneof(
        { weight: 3, arbitrary: endUserText },
        { weight: 1, arbitrary: hostileJsonText },
      ),
      subdomain: fc.oneof(
        fc.stringMatching(/^[a-z0-9][a-z0-9-]{1,20}[a-z0-9]$/).map((s) => JSON.stringify(s)),
        hostileJsonText,
      ),
      allowed_origins: fc.oneof(
        fc.array(originText, { maxLength: 25 }).map((items) => `[${items.join(",")}]`),
        hostileJsonText,
      ),
    }),
  },
  { weight: 1, arbitrary: hostileJsonText },
  // Bodies that should be accepted, with odd but valid values and stray keys around them.
  {
    weight: 1,
    arbitrary: objectText({
      end_user: objectText({
        id: fc
          .string({ minLength: 1, maxLength: 255, unit: "grapheme" })
          .filter((id) => id.trim() !== "")
          .map((s) => JSON.stringify(s)),
        display_name: fc.string({ maxLength: 100 }).map((s) => JSON.stringify(s)),
      }),
      subdomain: fc.constantFrom('"acme"', '"https://Acme.atlassian.net/"', '""', '"  "'),
      allowed_origins: fc
        .array(fc.constantFrom('"https://app.example"', '"http://localhost:3000"'), {
          maxLength: 20,
        })
        .map((items) => `[${items.join(",")}]`),
    }),
  },
);

describe("POST /api/v1/connect-sessions", () => {
  it("any JSON body: a usable session, or a 4xx naming the bad fields", async () => {
    const seen = new Set<number>();
    await fc.assert(
      fc.asyncProperty(connectSessionBody, async (text) => {
        const { status, body } = await answer(await post(text));
        seen.add(status);
        expect([201, 400]).toContain(status);
        const sent: unknown = JSON.parse(text);
        if (status === 201) return expectCreated(body, sent);
        const error = (body as { error: { code: string; message: string } }).error;
        expect(error.code).toBe("invalid_request");
        // Names where the problem is: a field path, or the body as a whole.
        expect(error.message).toMatch(/^The request is not valid\. (body|[\w.]+): /);
        expectPrototypeIntact();
      }),
      { numRuns: RUNS * 2 },
    );
    expectPrototypeIntact();
    // The bodies reach both outcomes, so the property is not vacuous.
    expect([...seen].sort()).toEqual([201, 400]);
  }, 60_000);

  it("keys like __proto__ and constructor pollute nothing and are ignored", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("__proto__", "constructor", "prototype"),
        fc.constantFrom("top", "end_user"),
        hostileJsonText,
        async (pollutingKey, where, value) => {
          const payload = `{"${pollutingKey}":{"polluted":true,"isAdmin":true,"id":"x"},"p":${value}}`;
          const text =
            where === "top"
              ? `{"end_user":{"id":"u-1"},"${pollutingKey}":${payload}}`
              : `{"end_user":{"id":"u-1","${pollutingKey}":${payload}}}`;
          const { status, body } = await answer(await post(text));
          expect(status).toBe(201);
          await expectCreated(body, { end_user: { id: "u-1" } });
          expectPrototypeIntact();
        },
      ),
      { numRuns: RUNS / 3 },
    );
  }, 60_000);

  it("raw bodies (not JSON, binary, huge, deep, lying Content-Length): a 4xx, never a crash", async () => {
    const rawBody = fc.oneof(
      fc.string({ maxLength: 200, unit: "binary" }),
      fc.uint8Array({ maxLength: 512 }),
      longString(100_000),
      deepJsonText,
      fc.constantFrom("", "{", "[", "nul", '{"end_user":', "\ufeff{}", "NaN", "1e999", "{}{}"),
      hostileJsonText.map((text) => text.slice(0, Math.max(0, text.length - 1))),
    );
    const contentLength = fc.option(
      fc.oneof(
        fc.constantFrom("0", "-1", "abc", "1e9", "65537", "Infinity", "0x10", " 12 ", ""),
        fc.nat().map(String),
      ),
      { nil: undefined },
    );
    const contentType = fc.constantFrom(
      "application/json",
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "application/json; charset=latin1",
    );
    await fc.assert(
      fc.asyncProperty(rawBody, contentLength, contentType, async (body, length, type) => {
        const headers: Record<string, string> = { "content-type": type };
        if (length !== undefined) headers["content-length"] = length;
        const { status, body: json } = await answer(await post(body, headers));
        if (status === 201) {
          await expectCreated(json, JSON.parse(typeof body === "string" ? body : ""));
          return;
        }
        const { code } = (json as { error: { code: string } }).error;
        expect(["invalid_json", "invalid_request", "body_too_large"]).toContain(code);
        const size = typeof body === "string" ? body.length : body.byteLength;
        if (size > 64 * 1024) expect(code).toBe("body_too_large");
      }),
      { numRuns: RUNS },
    );
  }, 60_000);

  it("no body and a GET-like POST: a 4xx", async () => {
    const { status } = await answer(await post(null));
    expect(status).toBe(400);
  });
});

// ── GET /api/v1/connections ─────────────────────────────────────────────────────────────────

const LAST_MS_OF_YEAR_9999 = 253_402_300_799_999;
const cursorAt = (ms: number, id = "A") => Buffer.from(`${ms}.${id}`).toString("base64url");

const queryKey = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom("end_user_id", "status", "limit", "cursor") },
  { weight: 1, arbitrary: fc.constantFrom("__proto__", "constructor", "LIMIT", "limit[]", "") },
  { weight: 1, arbitrary: fc.string({ maxLength: 8, unit: "binary" }) },
);
const queryValue = fc.oneof(
  fc.constantFrom("healthy", "failing", "revoked", "HEALTHY", "user-0", "user-1"),
  fc.constantFrom("1", "2", "50", "100", "101", "0", "-1", "1.5", "1e2", "0x10", " 5 ", "NaN"),
  fc.constantFrom("MTIzLmNvbm5fYWJj", "AAAA", "=", "bad cursor"),
  fc.integer({ min: -1_000, max: 1_000 }).map(String),
  hostileString(3_000),
  fc
    // Up to 9999-12-31: later ones are a known bug (see below).
    .tuple(fc.nat({ max: LAST_MS_OF_YEAR_9999 }), fc.stringMatching(/^[A-Za-z0-9_-]{1,70}$/))
    .map(([ms, id]) => cursorAt(ms, id)),
);
const queryString = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .array(fc.tuple(queryKey, queryValue), { maxLength: 8 })
      .map((pairs) => new URLSearchParams(pairs).toString()),
  },
  // Raw, so malformed escapes, stray '&', '=' and '#' reach the parser as sent.
  { weight: 1, arbitrary: fc.string({ maxLength: 200, unit: "binary" }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "%",
      "%zz",
      "limit=%E0%A4%A",
      "&&&",
      "a==b",
      "limit=5&limit=500",
      "status=healthy&status=x",
    ),
  },
);

describe("GET /api/v1/connections", () => {
  it("any query string: a page of our own connections, or a 4xx", async () => {
    const seen = new Set<number>();
    await fc.assert(
      fc.asyncProperty(queryString, async (query) => {
        const url = `${BASE}/api/v1/connections?${query}`;
        const params = new URL(url).searchParams;
        // Object.fromEntries keeps the last of a repeated parameter.
        const last = (name: string) => params.getAll(name).at(-1) ?? null;
        const response = await routes.connections.GET(
          new Request(url, { headers: auth() }),
          noParams,
        );
        const { status, body } = await answer(response);
        seen.add(status);
        if (status !== 200) {
          expect(status).toBe(400);
          expect(["invalid_request", "invalid_cursor"]).toContain(
            (body as { error: { code: string } }).error.code,
          );
          return;
        }
        const page = body as {
          data: { id: string; status: string; end_user: { id: string } }[];
          next_cursor: unknown;
        };
        expect(Object.keys(page).sort()).toEqual(["data", "next_cursor"]);
        expect(page.next_cursor === null || typeof page.next_cursor === "string").toBe(true);
        const limit = Number(last("limit") ?? 50);
        expect(page.data.length).toBeLessThanOrEqual(limit);
        for (const connection of page.data) {
          expect(ownIds, "only this workspace's connections").toContain(connection.id);
          if (last("status")) expect(connection.status).toBe(last("status"));
          if (last("end_user_id")?.trim()) {
            expect(connection.end_user.id).toBe(last("end_user_id")!.trim());
          }
        }
      }),
      { numRuns: RUNS * 2 },
    );
    expect([...seen].sort()).toEqual([200, 400]);
  }, 60_000);

  // A cursor whose time is past 9999-12-31 once decoded to a Date no database driver can write.
  it("a cursor dated after the year 9999 answers 400, not 500", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: LAST_MS_OF_YEAR_9999 + 1, max: 999_999_999_999_999 }),
        async (ms) => {
          const url = `${BASE}/api/v1/connections?cursor=${cursorAt(ms)}`;
          const response = await routes.connections.GET(
            new Request(url, { headers: auth() }),
            noParams,
          );
          expect((await answer(response)).status).toBe(400);
        },
      ),
      { numRuns: 5, examples: [[LAST_MS_OF_YEAR_9999 + 1]] },
    );
  });

  it("a very long query: a 4xx or a page, never a crash", async () => {
    await fc.assert(
      fc.asyncProperty(queryKey, longString(100_000), async (name, value) => {
        const url = `${BASE}/api/v1/connections?${new URLSearchParams([[name, value]])}`;
        await answer(await routes.connections.GET(new Request(url, { headers: auth() }), noParams));
      }),
      { numRuns: RUNS / 3 },
    );
  }, 60_000);
});

// ── /api/v1/connections/{id}… ───────────────────────────────────────────────────────────────

const idRoutes = [
  ["GET /connections/{id}", (r: Request, id: string) => routes.connection.GET(r, withId(id))],
  ["POST /connections/{id}/test", (r: Request, id: string) => routes.test.POST(r, withId(id))],
  [
    "GET /connections/{id}/access-token",
    (r: Request, id: string) => routes.accessToken.GET(r, withId(id)),
  ],
  ["DELETE /connections/{id}", (r: Request, id: string) => routes.connection.DELETE(r, withId(id))],
] as const;

/**
 * Ids as the router hands them over: ours, another workspace's, and anything else, decoded from
 * the URL. Decoding makes them well-formed (Next answers 400 for a segment that does not decode
 * to Unicode, so a lone surrogate never arrives); NUL has a test of its own below.
 */
const pathId = fc.oneof(
  { weight: 1, arbitrary: fc.constant("own") },
  { weight: 1, arbitrary: fc.constant("foreign") },
  { weight: 4, arbitrary: hostileString(5_000).map((id) => wellFormed(id).replaceAll("\0", "")) },
  { weight: 1, arbitrary: fc.stringMatching(/^conn_[A-Za-z0-9_-]{20}$/) },
);

/** The id as it would appear in the URL (a lone surrogate cannot be percent-encoded). */
function pathSegment(id: string): string {
  try {
    return encodeURIComponent(id);
  } catch {
    return "unencodable";
  }
}

describe("connection routes with any path id", () => {
  for (const [name, call] of idRoutes) {
    it(`${name}: 200 for our own, 404 for anything else, never a crash`, async () => {
      await fc.assert(
        fc.asyncProperty(pathId, fc.nat(), async (picked, n) => {
          const id =
            picked === "own"
              ? ownIds[n % ownIds.length]!
              : picked === "foreign"
                ? foreignId
                : picked;
          const method = name.split(" ")[0]!;
          const request = new Request(`${BASE}/api/v1/connections/${pathSegment(id)}`, {
            method,
            headers: auth(),
          });
          const { status, body } = await answer(await call(request, id));
          if (!ownIds.includes(id)) {
            expect(status, "another workspace's id is not found, like any other").toBe(404);
            expect((body as { error: { code: string } }).error.code).toBe("connection_not_found");
          } else {
            // Ours: answered, or refused because it was revoked (DELETE runs last).
            expect([200, 409]).toContain(status);
          }
        }),
        { numRuns: RUNS / 2 },
      );
    }, 60_000);
  }
});

// PostgreSQL refuses a NUL in text outright: an id that is not id-shaped never reaches it.
it("a NUL in a path id answers 404, on either database", async () => {
  for (const [, call] of idRoutes) {
    const request = new Request(`${BASE}/api/v1/connections/%00`, { headers: auth() });
    expect((await answer(await call(request, "\0"))).status).toBe(404);
  }
});

// ── Authorization ───────────────────────────────────────────────────────────────────────────

/** Header values a client can actually send: Latin-1 text without NUL, CR or LF. */
const headerText = (maxLength: number) =>
  fc.string({
    maxLength,
    unit: fc
      .integer({ min: 1, max: 255 })
      .filter((code) => code !== 10 && code !== 13)
      .map((code) => String.fromCharCode(code)),
  });
const authorization = fc.oneof(
  headerText(120),
  fc
    .tuple(
      fc.constantFrom("Bearer ", "bearer ", "Bearer", "Basic ", "Token ", "Bearer  "),
      headerText(80),
    )
    .map((parts) => parts.join("")),
  fc.constantFrom("revoked", "other", "key-tampered", "key-upper", "key-prefix", "key-suffix"),
  fc.stringMatching(/^latch_sk_[A-Za-z0-9_-]{32,60}$/).map((k) => `Bearer ${k}`),
);

function authorizationValue(kind: string): string {
  switch (kind) {
    case "revoked":
      return `Bearer ${revokedKey}`;
    case "other":
      return `Bearer ${otherKey}`;
    case "key-tampered":
      return `Bearer ${key.slice(0, -1)}${key.endsWith("A") ? "B" : "A"}`;
    case "key-upper":
      return `Bearer ${key.toUpperCase()}`;
    case "key-prefix":
      return `Bearer ${key.slice(0, -1)}`;
    case "key-suffix":
      return `Bearer ${key}x`;
    default:
      return kind;
  }
}

describe("any Authorization header", () => {
  it("is refused with a 401 unless it is a live key, on every route", async () => {
    await fc.assert(
      fc.asyncProperty(authorization, fc.constantFrom(0, 1, 2, 3, 4), async (kind, route) => {
        const value = authorizationValue(kind);
        const headers = new Headers({ "content-type": "application/json" });
        headers.set("authorization", value);
        const init = { headers };
        const id = ownIds[0]!;
        const response = await [
          () => post("{}", { authorization: value }),
          () => routes.connections.GET(new Request(`${BASE}/api/v1/connections`, init), noParams),
          () =>
            routes.connection.GET(
              new Request(`${BASE}/api/v1/connections/${id}`, init),
              withId(id),
            ),
          () =>
            routes.test.POST(
              new Request(`${BASE}/api/v1/connections/${id}/test`, { ...init, method: "POST" }),
              withId(id),
            ),
          () =>
            routes.accessToken.GET(
              new Request(`${BASE}/api/v1/connections/${id}/access-token`, init),
              withId(id),
            ),
        ][route]!();
        const { status, body } = await answer(response);
        if (kind === "other") {
          // A live key of another workspace: authenticated, but sees nothing of ours.
          expect(status).not.toBe(401);
          if (route >= 2) expect(status).toBe(404);
          return;
        }
        expect(status).toBe(401);
        expect((body as { error: { code: string } }).error.code).toBe("unauthorized");
        expect(response.headers.get("www-authenticate")).toBe('Bearer realm="latch"');
      }),
      { numRuns: RUNS },
    );
  }, 60_000);

  it("accepts the scheme in any case and with any spacing before the key", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("Bearer", "bearer", "BEARER", "bEaReR"),
        fc.constantFrom(" ", "  ", "\t", " \t "),
        async (scheme, space) => {
          const response = await routes.connections.GET(
            new Request(`${BASE}/api/v1/connections`, {
              headers: { authorization: `${scheme}${space}${key}` },
            }),
            noParams,
          );
          expect((await answer(response)).status).toBe(200);
        },
      ),
      { numRuns: 16 },
    );
  });
});
