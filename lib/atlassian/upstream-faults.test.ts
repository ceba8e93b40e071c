import { afterEach, describe, expect, it, vi } from "vitest";
import {
  UNRESOLVABLE_URL,
  closedLoopbackUrl,
  startFakeAtlassian,
  type FakeAtlassian,
} from "../../testing/fake-atlassian/server";
import type { Fault } from "../../testing/fake-atlassian/state";
import { requestAccessToken, validateCredential, type AtlassianConfig } from "./client";
import { AtlassianError } from "./errors";
import { atlassianFailure } from "../../testing/atlassian-failure";

/**
 * The upstream faults the fake Atlassian can play (testing/fake-atlassian/), at the client level: what AtlassianError each one becomes, how
 * many requests it costs, and that it ends well within the 15 s validation deadline. Unless a
 * test says otherwise the production defaults apply (15 s deadline, 3 attempts). The same faults
 * through the connect flow and token renewal: lib/connections/upstream-faults.test.ts.
 */

const SECRET = "s3cr3t-faults-never-shown";
const SITE = {
  id: "c0ffee00-0000-4000-8000-000000000001",
  name: "Acme",
  url: "https://acme.atlassian.net",
};
const MINUTE = 60_000;
const DEFAULT_DEADLINE_MS = 15_000;

let fake: FakeAtlassian | undefined;

afterEach(async () => {
  vi.useRealTimers();
  await fake?.close();
  fake = undefined;
});

async function startFake() {
  fake = await startFakeAtlassian(0);
  return fake;
}

async function admin(path: string, body: unknown) {
  const response = await fetch(`${fake!.url}${path}`, {
    method: "POST",
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`fake admin ${path} answered ${response.status}`);
}

async function credential(input: { expires_in?: unknown } = {}) {
  await admin("/__fake/credentials", {
    client_id: "client-1",
    client_secret: SECRET,
    sites: [SITE],
    ...input,
  });
  return { clientId: "client-1", clientSecret: SECRET };
}

const queueFault = (fault: Fault) => admin("/__fake/faults", { client_id: "client-1", fault });

/** A fetch that counts the requests it passes on. */
function countingFetch() {
  const counter = {
    requests: 0,
    fetch: ((input: string | URL | Request, init?: RequestInit) => {
      counter.requests += 1;
      return fetch(input, init);
    }) as typeof fetch,
  };
  return counter;
}

const config = (overrides: Partial<AtlassianConfig> = {}): AtlassianConfig => ({
  authUrl: fake!.url,
  apiUrl: fake!.url,
  ...overrides,
});

describe("network faults", () => {
  it("connection refused: unavailable after the bounded retries, in about a second", async () => {
    await startFake();
    const creds = await credential();
    const closed = await closedLoopbackUrl();
    const counter = countingFetch();
    const { error, elapsed } = await atlassianFailure(
      validateCredential(config({ authUrl: closed, fetch: counter.fetch }), creds),
    );
    expect(error.code).toBe("unavailable");
    expect(error.detail).toBe(
      `network failure calling ${new URL(closed).host}/oauth/token (ECONNREFUSED)`,
    );
    expect(counter.requests).toBe(3);
    expect(elapsed).toBeLessThan(2_500);
    expect(fake!.state.calls).toEqual({ token: 0, sites: 0 });
  });

  it("connection refused on the API host, after a good exchange, is unavailable too", async () => {
    await startFake();
    const creds = await credential();
    const closed = await closedLoopbackUrl();
    const { error } = await atlassianFailure(validateCredential(config({ apiUrl: closed }), creds));
    expect(error.code).toBe("unavailable");
    expect(error.detail).toContain("/oauth/token/accessible-resources (ECONNREFUSED)");
    expect(fake!.state.calls).toEqual({ token: 1, sites: 0 });
  });

  it("an unresolvable host fails at once, without retrying a definitive answer", async () => {
    const counter = countingFetch();
    const { error, elapsed } = await atlassianFailure(
      validateCredential(
        { authUrl: UNRESOLVABLE_URL, apiUrl: UNRESOLVABLE_URL, fetch: counter.fetch },
        { clientId: "client-1", clientSecret: SECRET },
      ),
    );
    expect(error.code).toBe("unavailable");
    // No network here: the resolver says "no such name" (ENOTFOUND), or, on a machine whose
    // resolver cannot be reached at all, "try again" (EAI_AGAIN), which is retried.
    expect(error.detail).toMatch(
      /^network failure calling latch-no-such-host\.invalid\/oauth\/token \((ENOTFOUND|EAI_AGAIN)\)$/,
    );
    if (error.detail.includes("ENOTFOUND")) {
      expect(counter.requests).toBe(1);
      expect(elapsed).toBeLessThan(1_000);
    }
    expect(elapsed).toBeLessThan(DEFAULT_DEADLINE_MS);
  });

  it("ENOTFOUND is never retried (scripted, independent of the machine's resolver)", async () => {
    let requests = 0;
    const notFound = (async () => {
      requests += 1;
      const cause = Object.assign(new Error(`getaddrinfo ENOTFOUND auth.test ${SECRET}`), {
        code: "ENOTFOUND",
      });
      throw new TypeError("fetch failed", { cause });
    }) as typeof fetch;
    const { error } = await atlassianFailure(
      requestAccessToken(
        { authUrl: "https://auth.test", apiUrl: "https://api.test", fetch: notFound },
        { clientId: "client-1", clientSecret: SECRET },
      ),
    );
    expect(error.code).toBe("unavailable");
    expect(error.detail).toBe("network failure calling auth.test/oauth/token (ENOTFOUND)");
    expect(error.message).not.toContain(SECRET);
    expect(requests).toBe(1);
  });
});

describe("stalls", () => {
  it("the default 15 s deadline cuts a 20 s stall (fake timers: no real wait)", async () => {
    await startFake();
    const creds = await credential();
    await queueFault({ endpoint: "token", mode: "stall", times: 1, stallMs: 20_000 });
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    const started = Date.now();
    const settled = vi.fn();
    const outcome = validateCredential(config(), creds).then(
      () => settled("resolved"),
      (error: unknown) => {
        settled("rejected");
        return error;
      },
    );
    // Let the request reach the fake, so only the deadline is left to fire when the clock
    // moves. setImmediate is not faked (vi.waitFor would move the fake clock while it polls).
    for (let turn = 0; fake!.state.calls.token === 0 && turn < 10_000; turn++) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(fake!.state.calls.token).toBe(1);
    await vi.advanceTimersByTimeAsync(DEFAULT_DEADLINE_MS - 1);
    expect(settled).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    const error = await outcome;
    expect(settled).toHaveBeenCalledWith("rejected");
    expect(error).toBeInstanceOf(AtlassianError);
    expect((error as AtlassianError).code).toBe("timeout");
    expect(Date.now() - started).toBe(DEFAULT_DEADLINE_MS);
  });

  it("the default deadline also bounds a renewal", async () => {
    const hanging = ((_input: string | URL | Request, init?: RequestInit) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener("abort", () => reject(init.signal!.reason));
      })) as typeof fetch;
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    const outcome = requestAccessToken(
      { authUrl: "https://auth.test", apiUrl: "https://api.test", fetch: hanging },
      { clientId: "client-1", clientSecret: SECRET },
    ).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(DEFAULT_DEADLINE_MS);
    const error = await outcome;
    expect((error as AtlassianError).code).toBe("timeout");
    expect((error as AtlassianError).detail).toBe("no answer from auth.test/oauth/token in time");
  });

  it("a 20 s stall is cut at a shorter configured deadline, with real time", async () => {
    await startFake();
    const creds = await credential();
    await queueFault({ endpoint: "token", mode: "stall", times: 1, stallMs: 20_000 });
    const { error, elapsed } = await atlassianFailure(
      validateCredential(config({ deadlineMs: 400 }), creds),
    );
    expect(error.code).toBe("timeout");
    expect(elapsed).toBeGreaterThanOrEqual(390);
    expect(elapsed).toBeLessThan(1_500);
  });

  it("a stall shorter than the deadline is only slow: the answer still counts", async () => {
    await startFake();
    const creds = await credential();
    await queueFault({ endpoint: "token", mode: "stall", times: 1, stallMs: 300 });
    const result = await validateCredential(config({ deadlineMs: 2_000 }), creds);
    expect(result.sites).toHaveLength(1);
    expect(fake!.state.calls).toEqual({ token: 1, sites: 1 });
  });

  it("a body that stops half-way is cut by the deadline too", async () => {
    await startFake();
    const creds = await credential();
    await queueFault({ endpoint: "sites", mode: "stall_body", times: 1, stallMs: 20_000 });
    const { error, elapsed } = await atlassianFailure(
      validateCredential(config({ deadlineMs: 400 }), creds),
    );
    expect(error.code).toBe("timeout");
    expect(elapsed).toBeLessThan(1_500);
  });
});

describe("bad answers", () => {
  it("truncated JSON from the token endpoint says so in the detail", async () => {
    await startFake();
    const creds = await credential();
    await queueFault({ endpoint: "token", mode: "truncated_json", times: 1 });
    const { error } = await atlassianFailure(validateCredential(config(), creds));
    expect(error.code).toBe("unexpected_response");
    expect(error.detail).toBe("token answer is not JSON (truncated, or not from Atlassian)");
  });

  it("truncated JSON from accessible-resources says so in the detail", async () => {
    await startFake();
    const creds = await credential();
    await queueFault({ endpoint: "sites", mode: "truncated_json", times: 1 });
    const { error } = await atlassianFailure(validateCredential(config(), creds));
    expect(error.code).toBe("unexpected_response");
    expect(error.detail).toBe(
      "accessible-resources answer is not JSON (truncated, or not from Atlassian)",
    );
  });

  it("an HTML 502 once is retried and succeeds", async () => {
    await startFake();
    const creds = await credential();
    await queueFault({ endpoint: "sites", mode: "html_502", times: 1 });
    const result = await validateCredential(config(), creds);
    expect(result.sites).toHaveLength(1);
    expect(fake!.state.calls).toEqual({ token: 1, sites: 2 });
  });

  it.for([
    { mode: "huge_body", detail: /^answer of \d+ bytes from \/oauth\/token is too large$/ },
    { mode: "huge_body_chunked", detail: /^answer from \/oauth\/token larger than 65536 bytes$/ },
  ] as const)(
    "a 10 MB body ($mode) is refused at 64 KB, fast and without retrying",
    async ({ mode, detail }) => {
      await startFake();
      const creds = await credential();
      await queueFault({ endpoint: "token", mode, times: 1 });
      const { error, elapsed } = await atlassianFailure(validateCredential(config(), creds));
      expect(error.code).toBe("unexpected_response");
      expect(error.detail).toMatch(detail);
      expect(elapsed).toBeLessThan(1_000);
      expect(fake!.state.calls).toEqual({ token: 1, sites: 0 });
    },
  );

  it("an absurd Retry-After is answered at once as rate_limited, capped at an hour", async () => {
    await startFake();
    const creds = await credential();
    await queueFault({
      endpoint: "token",
      mode: "rate_limit_retry_after",
      times: 1,
      retryAfterSeconds: 10 ** 12,
    });
    const { error, elapsed } = await atlassianFailure(validateCredential(config(), creds));
    expect(error.code).toBe("rate_limited");
    expect(error.retryAfterSeconds).toBe(3600);
    expect(elapsed).toBeLessThan(500);
    expect(fake!.state.calls.token).toBe(1);
  });
});

describe("expires_in", () => {
  it.for([
    { case: "missing", expires_in: "omit", minutes: 55 },
    { case: "null", expires_in: null, minutes: 55 },
    { case: "3600", expires_in: 3600, minutes: 60 },
    { case: "600 as a string", expires_in: "600", minutes: 10 },
    { case: "7200 (longer than documented)", expires_in: 7200, minutes: 60 },
    { case: "10^12", expires_in: 10 ** 12, minutes: 60 },
  ])("$case: the token is trusted for $minutes minutes", async (input) => {
    await startFake();
    const creds = await credential({ expires_in: input.expires_in });
    const before = Date.now();
    const token = await requestAccessToken(config(), creds);
    const lifetime = token.expiresAt.getTime() - before;
    expect(lifetime).toBeGreaterThanOrEqual(input.minutes * MINUTE - 1_000);
    expect(lifetime).toBeLessThanOrEqual(input.minutes * MINUTE + 1_000);
  });

  it.for([
    { case: "negative", expires_in: -3600, detail: "-3600" },
    { case: "zero", expires_in: 0, detail: "0" },
    { case: "a word", expires_in: "soon", detail: "string" },
    { case: "an empty string", expires_in: "", detail: "string" },
    { case: "a boolean", expires_in: true, detail: "boolean" },
    { case: "an object", expires_in: { seconds: 3600 }, detail: "object" },
    { case: "a list", expires_in: [3600], detail: "array" },
  ])("$case is a protocol error, and nothing is trusted", async (input) => {
    await startFake();
    const creds = await credential({ expires_in: input.expires_in });
    const { error } = await atlassianFailure(validateCredential(config(), creds));
    expect(error.code).toBe("unexpected_response");
    expect(error.detail).toBe(`token answer with unusable expires_in (${input.detail})`);
    // The site lookup never ran: the exchange itself was refused.
    expect(fake!.state.calls).toEqual({ token: 1, sites: 0 });
  });

  it("1e400, which JSON reads as Infinity, is clamped like any absurd number", async () => {
    const infinite = (async () =>
      new Response('{"access_token":"at-1","expires_in":1e400}', {
        status: 200,
        headers: { "content-type": "application/json" },
      })) as typeof fetch;
    const before = Date.now();
    const token = await requestAccessToken(
      { authUrl: "https://auth.test", apiUrl: "https://api.test", fetch: infinite },
      { clientId: "client-1", clientSecret: SECRET },
    );
    expect(token.expiresAt.getTime() - before).toBeLessThanOrEqual(60 * MINUTE + 1_000);
    expect(token.expiresAt.getTime() - before).toBeGreaterThanOrEqual(60 * MINUTE - 1_000);
  });
});
