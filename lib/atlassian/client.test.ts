import { describe, it } from "vitest";
import { startFakeAtlassian, type FakeAtlassian } from "../../testing/fake-atlassian/server";
import type { Fault, FakeSite } from "../../testing/fake-atlassian/state";
import { validateCredential, type AtlassianConfig } from "./client";
import { atlassianFailure } from "../../testing/atlassian-failure";

// Every test gets its own fake Atlassian, so tests can run concurrently and call counts are exact.
const test = it.extend<{ fake: FakeAtlassian }>({
  fake: async ({}, use) => {
    const fake = await startFakeAtlassian(0);
    await use(fake);
    await fake.close();
  },
});

const SECRET = "s3cr3t-Xq7-never-shown-anywhere";
const ACME: FakeSite = {
  id: "9f1c0e2a-1111-4a2b-8c3d-000000000001",
  name: "Acme",
  url: "https://acme.atlassian.net",
  scopes: ["read:jira-work", "read:jira-user"],
};
const WIDGETS: FakeSite = {
  id: "9f1c0e2a-2222-4a2b-8c3d-000000000002",
  name: "Widgets",
  url: "https://jira.widgets.com",
  scopes: ["read:confluence-content.all"],
};

const MINUTE = 60_000;

type CredentialInput = {
  client_id?: string;
  client_secret?: string;
  sites?: FakeSite[];
  scope?: string;
  expires_in?: number | "omit";
};

async function admin(fake: FakeAtlassian, path: string, body: unknown) {
  const response = await fetch(`${fake.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`fake admin ${path} answered ${response.status}`);
}

async function createCredential(fake: FakeAtlassian, input: CredentialInput = {}) {
  const credential = { client_id: "client-1", client_secret: SECRET, sites: [ACME], ...input };
  await admin(fake, "/__fake/credentials", credential);
  return { clientId: credential.client_id, clientSecret: credential.client_secret };
}

async function queueFault(fake: FakeAtlassian, fault: Fault, clientId = "client-1") {
  await admin(fake, "/__fake/faults", { client_id: clientId, fault });
}

function configFor(fake: FakeAtlassian, overrides: Partial<AtlassianConfig> = {}): AtlassianConfig {
  return { authUrl: fake.url, apiUrl: fake.url, deadlineMs: 5_000, maxAttempts: 3, ...overrides };
}

async function timed<T>(promise: Promise<T>) {
  const started = Date.now();
  const value = await promise;
  return { value, elapsed: Date.now() - started };
}

/** A stand-in fetch for answers the fake cannot give: routes by path, records what was sent. */
function scriptedFetch(routes: { token?: () => Response; sites?: () => Response }) {
  const requests: { url: string; init: RequestInit | undefined }[] = [];
  const fakeFetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    requests.push({ url, init });
    if (url.endsWith("/oauth/token") && routes.token) return routes.token();
    if (url.endsWith("/oauth/token/accessible-resources") && routes.sites) return routes.sites();
    return new Response("not found", { status: 404 });
  }) as typeof fetch;
  return { fetch: fakeFetch, requests };
}

const jsonResponse = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

const goodToken = () =>
  jsonResponse(200, { access_token: "at-1", token_type: "Bearer", expires_in: 3600 });

const scriptedConfig = (fakeFetch: typeof fetch): AtlassianConfig => ({
  authUrl: "https://auth.test",
  apiUrl: "https://api.test",
  deadlineMs: 2_000,
  maxAttempts: 3,
  fetch: fakeFetch,
});

const credentials = { clientId: "client-1", clientSecret: SECRET };

describe.concurrent("validateCredential against the fake Atlassian", () => {
  test("answers the token, its expiry, its scopes and the sites", async ({ fake, expect }) => {
    const creds = await createCredential(fake, {
      sites: [WIDGETS, ACME],
      scope: "read:jira-work  read:jira-user",
    });
    const before = Date.now();
    const result = await validateCredential(configFor(fake), creds);

    expect(fake.state.tokens.get(result.token.accessToken)).toBe("client-1");
    expect(result.token.scopes).toEqual(["read:jira-work", "read:jira-user"]);
    // The fake answers expires_in 3600 by default.
    const lifetime = result.token.expiresAt.getTime() - before;
    expect(lifetime).toBeGreaterThan(59 * MINUTE);
    expect(lifetime).toBeLessThanOrEqual(60 * MINUTE + 1_000);
    expect(result.sites).toEqual([
      {
        cloudId: WIDGETS.id,
        name: "Widgets",
        url: "https://jira.widgets.com",
        scopes: WIDGETS.scopes,
      },
      { cloudId: ACME.id, name: "Acme", url: "https://acme.atlassian.net", scopes: ACME.scopes },
    ]);
    expect(fake.state.calls).toEqual({ token: 1, sites: 1 });
  });

  test("answers no scopes when Atlassian does not list them", async ({ fake, expect }) => {
    const creds = await createCredential(fake);
    const result = await validateCredential(configFor(fake), creds);
    expect(result.token.scopes).toEqual([]);
  });

  test("answers an empty site list when the service account has no site role", async ({
    fake,
    expect,
  }) => {
    const creds = await createCredential(fake, { sites: [] });
    const result = await validateCredential(configFor(fake), creds);
    expect(result.sites).toEqual([]);
  });

  test("sends a form-encoded client_credentials grant with no scope or audience", async ({
    fake,
    expect,
  }) => {
    const creds = await createCredential(fake);
    const sent: { url: string; init?: RequestInit }[] = [];
    const spy = ((input: string | URL | Request, init?: RequestInit) => {
      sent.push({ url: String(input), init });
      return fetch(input, init);
    }) as typeof fetch;

    await validateCredential(configFor(fake, { fetch: spy }), creds);

    expect(fake.state.tokenRequests).toEqual([
      { clientId: "client-1", fields: ["grant_type", "client_id", "client_secret"] },
    ]);
    const tokenCall = sent.find((call) => call.url === `${fake.url}/oauth/token`)!;
    expect(tokenCall.init?.method).toBe("POST");
    const headers = new Headers(tokenCall.init?.headers);
    expect(headers.get("content-type")).toBe("application/x-www-form-urlencoded");
    const form = new URLSearchParams(String(tokenCall.init?.body));
    expect(form.get("grant_type")).toBe("client_credentials");
    expect(form.get("client_id")).toBe("client-1");
    expect(form.get("client_secret")).toBe(SECRET);
    expect(form.has("scope")).toBe(false);
    expect(form.has("audience")).toBe(false);

    const sitesCall = sent.find((call) => call.url.endsWith("/oauth/token/accessible-resources"))!;
    const sitesHeaders = new Headers(sitesCall.init?.headers);
    expect(sitesHeaders.get("authorization")).toMatch(/^Bearer fake-at-/);
    expect(sitesHeaders.get("accept")).toBe("application/json");
  });

  test("an unknown client ID is invalid_client", async ({ fake, expect }) => {
    await createCredential(fake);
    const { error } = await atlassianFailure(
      validateCredential(configFor(fake), { clientId: "nobody", clientSecret: SECRET }),
    );
    expect(error.code).toBe("invalid_client");
    expect(fake.state.calls).toEqual({ token: 1, sites: 0 });
  });

  test("a wrong secret is invalid_credentials, without retrying", async ({ fake, expect }) => {
    await createCredential(fake);
    const { error } = await atlassianFailure(
      validateCredential(configFor(fake), { clientId: "client-1", clientSecret: "wrong-secret" }),
    );
    expect(error.code).toBe("invalid_credentials");
    expect(fake.state.calls).toEqual({ token: 1, sites: 0 });
  });

  test("a revoked credential is invalid_credentials", async ({ fake, expect }) => {
    const creds = await createCredential(fake);
    await validateCredential(configFor(fake), creds);
    await admin(fake, "/__fake/revoke", { client_id: "client-1" });
    const { error } = await atlassianFailure(validateCredential(configFor(fake), creds));
    expect(error.code).toBe("invalid_credentials");
  });

  test("a 401 from accessible-resources is invalid_credentials", async ({ fake, expect }) => {
    const creds = await createCredential(fake);
    // Revoke the credential between the token exchange and the site lookup.
    const revokingFetch = (async (input: string | URL | Request, init?: RequestInit) => {
      const response = await fetch(input, init);
      if (String(input).endsWith("/oauth/token")) {
        await admin(fake, "/__fake/revoke", { client_id: "client-1" });
      }
      return response;
    }) as typeof fetch;
    const { error } = await atlassianFailure(
      validateCredential(configFor(fake, { fetch: revokingFetch }), creds),
    );
    expect(error.code).toBe("invalid_credentials");
    expect(fake.state.calls).toEqual({ token: 1, sites: 1 });
  });

  test("a 503 followed by success is retried and succeeds", async ({ fake, expect }) => {
    const creds = await createCredential(fake);
    await queueFault(fake, { endpoint: "token", mode: "status_503", times: 1 });
    await queueFault(fake, { endpoint: "sites", mode: "status_503", times: 1 });
    const result = await validateCredential(configFor(fake), creds);
    expect(result.sites.map((site) => site.cloudId)).toEqual([ACME.id]);
    expect(fake.state.calls).toEqual({ token: 2, sites: 2 });
  });

  test("an HTML 502 that persists is unavailable after maxAttempts attempts", async ({
    fake,
    expect,
  }) => {
    const creds = await createCredential(fake);
    await queueFault(fake, { endpoint: "token", mode: "html_502", times: 10 });
    const { error } = await atlassianFailure(
      validateCredential(configFor(fake, { maxAttempts: 3 }), creds),
    );
    expect(error.code).toBe("unavailable");
    expect(fake.state.calls).toEqual({ token: 3, sites: 0 });
  });

  test("maxAttempts bounds the attempts on the site lookup too", async ({ fake, expect }) => {
    const creds = await createCredential(fake);
    await queueFault(fake, { endpoint: "sites", mode: "status_503", times: 10 });
    const { error } = await atlassianFailure(
      validateCredential(configFor(fake, { maxAttempts: 2 }), creds),
    );
    expect(error.code).toBe("unavailable");
    expect(fake.state.calls).toEqual({ token: 1, sites: 2 });
  });

  test("a dropped connection once is retried and succeeds", async ({ fake, expect }) => {
    const creds = await createCredential(fake);
    await queueFault(fake, { endpoint: "token", mode: "drop_connection", times: 1 });
    const result = await validateCredential(configFor(fake), creds);
    expect(result.sites).toHaveLength(1);
    expect(fake.state.calls.token).toBe(2);
  });

  test("a connection that keeps dropping is unavailable", async ({ fake, expect }) => {
    const creds = await createCredential(fake);
    await queueFault(fake, { endpoint: "token", mode: "drop_connection", times: 10 });
    const { error } = await atlassianFailure(
      validateCredential(configFor(fake, { maxAttempts: 3 }), creds),
    );
    expect(error.code).toBe("unavailable");
    expect(fake.state.calls.token).toBe(3);
  });

  test("a 429 with Retry-After is retried after the delay asked for", async ({ fake, expect }) => {
    const creds = await createCredential(fake);
    await queueFault(fake, {
      endpoint: "token",
      mode: "rate_limit_retry_after",
      times: 1,
      retryAfterSeconds: 1,
    });
    const { value, elapsed } = await timed(validateCredential(configFor(fake), creds));
    expect(value.sites).toHaveLength(1);
    expect(fake.state.calls.token).toBe(2);
    expect(elapsed).toBeGreaterThanOrEqual(950);
    expect(elapsed).toBeLessThan(3_000);
  });

  test("a 429 with X-RateLimit-Reset is retried once the reset time has come", async ({
    fake,
    expect,
  }) => {
    const creds = await createCredential(fake);
    await queueFault(fake, {
      endpoint: "sites",
      mode: "rate_limit_reset",
      times: 1,
      retryAfterSeconds: 1,
    });
    const { value, elapsed } = await timed(validateCredential(configFor(fake), creds));
    expect(value.sites).toHaveLength(1);
    expect(fake.state.calls.sites).toBe(2);
    expect(elapsed).toBeGreaterThanOrEqual(900);
    expect(elapsed).toBeLessThan(3_000);
  });

  test("a Retry-After beyond the deadline fails fast as rate_limited", async ({ fake, expect }) => {
    const creds = await createCredential(fake);
    await queueFault(fake, {
      endpoint: "token",
      mode: "rate_limit_retry_after",
      times: 1,
      retryAfterSeconds: 30,
    });
    const { error, elapsed } = await atlassianFailure(
      validateCredential(configFor(fake, { deadlineMs: 2_000 }), creds),
    );
    expect(error.code).toBe("rate_limited");
    expect(error.retryAfterSeconds).toBe(30);
    expect(elapsed).toBeLessThan(1_000);
    expect(fake.state.calls.token).toBe(1);
  });

  test("an X-RateLimit-Reset beyond the deadline fails fast as rate_limited", async ({
    fake,
    expect,
  }) => {
    const creds = await createCredential(fake);
    await queueFault(fake, {
      endpoint: "sites",
      mode: "rate_limit_reset",
      times: 1,
      retryAfterSeconds: 120,
    });
    const { error, elapsed } = await atlassianFailure(
      validateCredential(configFor(fake, { deadlineMs: 2_000 }), creds),
    );
    expect(error.code).toBe("rate_limited");
    expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(119);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(120);
    expect(elapsed).toBeLessThan(1_000);
    expect(fake.state.calls.sites).toBe(1);
  });

  test("a 429 that persists past maxAttempts is rate_limited", async ({ fake, expect }) => {
    const creds = await createCredential(fake);
    await queueFault(fake, {
      endpoint: "token",
      mode: "rate_limit_retry_after",
      times: 10,
      retryAfterSeconds: 0,
    });
    const { error } = await atlassianFailure(
      validateCredential(configFor(fake, { maxAttempts: 3 }), creds),
    );
    expect(error.code).toBe("rate_limited");
    expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(fake.state.calls.token).toBe(3);
  });

  test("a stalled token endpoint is a timeout within the deadline", async ({ fake, expect }) => {
    const creds = await createCredential(fake);
    await queueFault(fake, { endpoint: "token", mode: "stall", times: 1 });
    const { error, elapsed } = await atlassianFailure(
      validateCredential(configFor(fake, { deadlineMs: 300 }), creds),
    );
    expect(error.code).toBe("timeout");
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(1_500);
  });

  test("one deadline covers the exchange and the site lookup", async ({ fake, expect }) => {
    const creds = await createCredential(fake);
    await queueFault(fake, { endpoint: "sites", mode: "stall", times: 1 });
    const { error, elapsed } = await atlassianFailure(
      validateCredential(configFor(fake, { deadlineMs: 300 }), creds),
    );
    expect(error.code).toBe("timeout");
    expect(elapsed).toBeLessThan(1_500);
    expect(fake.state.calls).toEqual({ token: 1, sites: 1 });
  });

  test("truncated JSON is unexpected_response", async ({ fake, expect }) => {
    const creds = await createCredential(fake);
    await queueFault(fake, { endpoint: "token", mode: "truncated_json", times: 1 });
    const { error } = await atlassianFailure(validateCredential(configFor(fake), creds));
    expect(error.code).toBe("unexpected_response");
    expect(fake.state.calls).toEqual({ token: 1, sites: 0 });
  });

  test("truncated JSON from accessible-resources is unexpected_response", async ({
    fake,
    expect,
  }) => {
    const creds = await createCredential(fake);
    await queueFault(fake, { endpoint: "sites", mode: "truncated_json", times: 1 });
    const { error } = await atlassianFailure(validateCredential(configFor(fake), creds));
    expect(error.code).toBe("unexpected_response");
  });

  test("a 10 MB answer is refused as unexpected_response", async ({ fake, expect }) => {
    const creds = await createCredential(fake);
    await queueFault(fake, { endpoint: "token", mode: "huge_body", times: 1 });
    const { error, elapsed } = await atlassianFailure(validateCredential(configFor(fake), creds));
    expect(error.code).toBe("unexpected_response");
    expect(error.detail).toMatch(/large/);
    expect(fake.state.calls).toEqual({ token: 1, sites: 0 });
    expect(elapsed).toBeLessThan(3_000);
  });

  test("a site list far over 64 KB (many sites, granular scopes) is read whole", async ({
    fake,
    expect,
  }) => {
    const scopes = Array.from({ length: 60 }, (_, i) => `read:jira-granular-scope-${i}:jira`);
    const sites = Array.from({ length: 200 }, (_, i) => ({
      id: `9f1c0e2a-3333-4a2b-8c3d-${String(i).padStart(12, "0")}`,
      name: `Site ${i}`,
      url: `https://site-${i}.atlassian.net`,
      scopes,
    }));
    expect(JSON.stringify(sites).length).toBeGreaterThan(400 * 1024);
    const creds = await createCredential(fake, { sites });
    const validated = await validateCredential(configFor(fake), creds);
    expect(validated.sites).toHaveLength(200);
    expect(validated.sites[199]!.scopes).toHaveLength(60);
  });

  test("a missing expires_in is taken as 55 minutes", async ({ fake, expect }) => {
    const creds = await createCredential(fake, { expires_in: "omit" });
    const before = Date.now();
    const { token } = await validateCredential(configFor(fake), creds);
    const lifetime = token.expiresAt.getTime() - before;
    expect(lifetime).toBeGreaterThanOrEqual(55 * MINUTE - 1_000);
    expect(lifetime).toBeLessThanOrEqual(55 * MINUTE + 1_000);
  });

  test("a negative expires_in is unexpected_response: a token already expired", async ({
    fake,
    expect,
  }) => {
    const creds = await createCredential(fake, { expires_in: -3600 });
    const { error } = await atlassianFailure(validateCredential(configFor(fake), creds));
    expect(error.code).toBe("unexpected_response");
    expect(error.detail).toBe("token answer with unusable expires_in (-3600)");
    expect(fake.state.calls).toEqual({ token: 1, sites: 0 });
  });

  test("an absurd expires_in is clamped to the documented 60 minutes", async ({ fake, expect }) => {
    const creds = await createCredential(fake, { expires_in: 10 ** 12 });
    const before = Date.now();
    const { token } = await validateCredential(configFor(fake), creds);
    const lifetime = token.expiresAt.getTime() - before;
    expect(lifetime).toBeGreaterThanOrEqual(60 * MINUTE - 1_000);
    expect(lifetime).toBeLessThanOrEqual(60 * MINUTE + 1_000);
  });

  test("no failure's message or detail contains the client secret", async ({ fake, expect }) => {
    await createCredential(fake);
    await createCredential(fake, { client_id: "revoked", client_secret: SECRET });
    await admin(fake, "/__fake/revoke", { client_id: "revoked" });
    await createCredential(fake, { client_id: "flaky", client_secret: SECRET });
    await queueFault(fake, { endpoint: "token", mode: "html_502", times: 10 }, "flaky");
    await createCredential(fake, { client_id: "stalls", client_secret: SECRET });
    await queueFault(fake, { endpoint: "token", mode: "stall", times: 1 }, "stalls");
    await createCredential(fake, { client_id: "limited", client_secret: SECRET });
    await queueFault(
      fake,
      { endpoint: "token", mode: "rate_limit_retry_after", times: 1, retryAfterSeconds: 60 },
      "limited",
    );
    const config = configFor(fake, { deadlineMs: 400, maxAttempts: 2 });
    const errors = await Promise.all([
      atlassianFailure(validateCredential(config, { clientId: "unknown", clientSecret: SECRET })),
      atlassianFailure(
        validateCredential(config, { clientId: "client-1", clientSecret: `${SECRET}x` }),
      ),
      atlassianFailure(validateCredential(config, { clientId: "revoked", clientSecret: SECRET })),
      atlassianFailure(validateCredential(config, { clientId: "flaky", clientSecret: SECRET })),
      atlassianFailure(validateCredential(config, { clientId: "stalls", clientSecret: SECRET })),
      atlassianFailure(validateCredential(config, { clientId: "limited", clientSecret: SECRET })),
    ]);
    expect(errors.map(({ error }) => error.code)).toEqual([
      "invalid_client",
      "invalid_credentials",
      "invalid_credentials",
      "unavailable",
      "timeout",
      "rate_limited",
    ]);
    for (const { error } of errors) {
      expect(error.message).not.toContain(SECRET);
      expect(error.detail).not.toContain(SECRET);
      expect(JSON.stringify(error)).not.toContain(SECRET);
    }
  });
});

describe.concurrent("validateCredential's reading of answers the fake cannot give", () => {
  it.for(["invalid_request", "invalid_scope", "unsupported_grant_type"])(
    "a 400 %s means Latch sent a bad request: unexpected_response",
    async (errorCode, { expect }) => {
      const scripted = scriptedFetch({
        token: () => jsonResponse(400, { error: errorCode, error_description: "Bad request" }),
      });
      const { error } = await atlassianFailure(
        validateCredential(scriptedConfig(scripted.fetch), credentials),
      );
      expect(error.code).toBe("unexpected_response");
      expect(error.detail).toContain(errorCode);
      // Our own bug is not worth retrying.
      expect(scripted.requests).toHaveLength(1);
    },
  );

  it.for([
    { status: 401, body: "" },
    { status: 403, body: "" },
    { status: 401, body: "<html>Unauthorized</html>" },
  ])("a bare $status is invalid_credentials", async ({ status, body }, { expect }) => {
    const scripted = scriptedFetch({ token: () => new Response(body, { status }) });
    const { error } = await atlassianFailure(
      validateCredential(scriptedConfig(scripted.fetch), credentials),
    );
    expect(error.code).toBe("invalid_credentials");
  });

  it("a 403 unauthorized_client is invalid_credentials", async ({ expect }) => {
    const scripted = scriptedFetch({
      token: () => jsonResponse(403, { error: "unauthorized_client" }),
    });
    const { error } = await atlassianFailure(
      validateCredential(scriptedConfig(scripted.fetch), credentials),
    );
    expect(error.code).toBe("invalid_credentials");
  });

  it("a 400 without an error code is unexpected_response", async ({ expect }) => {
    const scripted = scriptedFetch({ token: () => new Response("", { status: 400 }) });
    const { error } = await atlassianFailure(
      validateCredential(scriptedConfig(scripted.fetch), credentials),
    );
    expect(error.code).toBe("unexpected_response");
  });

  it.for(["constructor", "toString", "__proto__", "hasOwnProperty"])(
    "an error code named like an Object property (%s) is unexpected_response",
    async (errorCode, { expect }) => {
      const scripted = scriptedFetch({ token: () => jsonResponse(400, { error: errorCode }) });
      const { error } = await atlassianFailure(
        validateCredential(scriptedConfig(scripted.fetch), credentials),
      );
      expect(error.code).toBe("unexpected_response");
    },
  );

  it("a 200 without an access_token is unexpected_response", async ({ expect }) => {
    const scripted = scriptedFetch({
      token: () => jsonResponse(200, { token_type: "Bearer", expires_in: 3600 }),
    });
    const { error } = await atlassianFailure(
      validateCredential(scriptedConfig(scripted.fetch), credentials),
    );
    expect(error.code).toBe("unexpected_response");
  });

  it("an expires_in given as a string is understood", async ({ expect }) => {
    const scripted = scriptedFetch({
      token: () => jsonResponse(200, { access_token: "at-1", expires_in: "600" }),
      sites: () => jsonResponse(200, []),
    });
    const before = Date.now();
    const { token } = await validateCredential(scriptedConfig(scripted.fetch), credentials);
    const lifetime = token.expiresAt.getTime() - before;
    expect(lifetime).toBeGreaterThanOrEqual(10 * MINUTE - 1_000);
    expect(lifetime).toBeLessThanOrEqual(10 * MINUTE + 1_000);
  });

  it.for([
    { case: "an entry without an id", body: [{ name: "Acme", url: "https://acme.atlassian.net" }] },
    { case: "an entry whose url is not a URL", body: [{ id: "c1", name: "Acme", url: "acme" }] },
    { case: "an entry that is not an object", body: ["https://acme.atlassian.net"] },
    { case: "an object instead of a list", body: { sites: [] } },
  ])("accessible-resources with $case is unexpected_response", async ({ body }, { expect }) => {
    const scripted = scriptedFetch({ token: goodToken, sites: () => jsonResponse(200, body) });
    const { error } = await atlassianFailure(
      validateCredential(scriptedConfig(scripted.fetch), credentials),
    );
    expect(error.code).toBe("unexpected_response");
  });

  it("a 404 from accessible-resources is unexpected_response", async ({ expect }) => {
    const scripted = scriptedFetch({ token: goodToken, sites: () => jsonResponse(404, {}) });
    const { error } = await atlassianFailure(
      validateCredential(scriptedConfig(scripted.fetch), credentials),
    );
    expect(error.code).toBe("unexpected_response");
  });

  it("tidies site entries: trailing slash, missing name and scopes", async ({ expect }) => {
    const scripted = scriptedFetch({
      token: goodToken,
      sites: () =>
        jsonResponse(200, [
          { id: "c1", name: "", url: "https://acme.atlassian.net/", avatarUrl: "https://x/a.png" },
        ]),
    });
    const { sites } = await validateCredential(scriptedConfig(scripted.fetch), credentials);
    expect(sites).toEqual([
      {
        cloudId: "c1",
        name: "https://acme.atlassian.net/",
        url: "https://acme.atlassian.net",
        scopes: [],
      },
    ]);
  });

  it("builds every upstream URL from the configured bases", async ({ expect }) => {
    const scripted = scriptedFetch({ token: goodToken, sites: () => jsonResponse(200, []) });
    await validateCredential(scriptedConfig(scripted.fetch), credentials);
    expect(scripted.requests.map((request) => request.url)).toEqual([
      "https://auth.test/oauth/token",
      "https://api.test/oauth/token/accessible-resources",
    ]);
  });

  it("never puts the secret in an error, even when Atlassian echoes it", async ({ expect }) => {
    const echoing = scriptedFetch({
      token: () =>
        jsonResponse(400, {
          error: "invalid_request",
          error_description: `client_secret=${SECRET} is malformed`,
        }),
    });
    const throwing = scriptedFetch({
      token: () => {
        throw new TypeError(`fetch failed sending client_secret=${SECRET}`);
      },
    });
    const results = [
      await atlassianFailure(validateCredential(scriptedConfig(echoing.fetch), credentials)),
      await atlassianFailure(
        validateCredential({ ...scriptedConfig(throwing.fetch), maxAttempts: 1 }, credentials),
      ),
    ];
    expect(results.map(({ error }) => error.code)).toEqual(["unexpected_response", "unavailable"]);
    for (const { error } of results) {
      expect(error.message).not.toContain(SECRET);
      expect(error.detail).not.toContain(SECRET);
    }
  });
});
