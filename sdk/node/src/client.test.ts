import { describe, expect, it } from "vitest";
import { Latch, LatchError } from "./index";

const apiKey = `latch_sk_${"k".repeat(40)}`;

/** A fetch that records each request and answers from a list, in order. */
function fakeFetch(...answers: (() => Response | Promise<Response>)[]) {
  const requests: Request[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    requests.push(request);
    const answer = answers.shift();
    if (!answer) throw new Error("no answer queued");
    return answer();
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}) =>
  () =>
    Response.json(body, { status, headers });

describe("new Latch", () => {
  it("refuses a missing base URL or a malformed key without repeating the key", () => {
    expect(() => new Latch({ baseUrl: "latch.example.com", apiKey })).toThrow(/baseUrl/);
    let thrown: unknown;
    try {
      new Latch({ baseUrl: "https://latch.example.com", apiKey: "sk_live_secret123" });
    } catch (error) {
      thrown = error;
    }
    expect(String(thrown)).toMatch(/latch_sk_/);
    expect(String(thrown)).not.toContain("secret123");
  });

  it("keeps the key out of what inspecting the client shows", async () => {
    const { inspect } = await import("node:util");
    const latch = new Latch({ baseUrl: "https://latch.example.com", apiKey });
    expect(inspect(latch, { depth: 10 })).not.toContain(apiKey);
    expect(JSON.stringify(latch)).not.toContain(apiKey);
  });
});

describe("calls", () => {
  it("send the key, JSON bodies and the query to the documented paths", async () => {
    const { fetch, requests } = fakeFetch(
      json(201, { token: "t", connect_url: "https://l/connect?session_token=t", expires_at: "x" }),
      json(200, { data: [], next_cursor: null }),
      json(200, { id: "conn_1" }),
      json(200, { id: "conn_1" }),
      json(200, { id: "conn_1", status: "revoked" }),
      json(200, { access_token: "at" }),
    );
    const latch = new Latch({ baseUrl: "https://latch.example.com/base/", apiKey, fetch });
    await latch.connectSessions.create({ end_user: { id: "u 1" } });
    await latch.connections.list({ end_user_id: "u 1", status: "healthy", limit: 5 });
    await latch.connections.get("conn/1");
    await latch.connections.test("conn_1");
    await latch.connections.revoke("conn_1");
    await latch.connections.accessToken("conn_1");
    expect(requests.map((request) => `${request.method} ${request.url}`)).toEqual([
      "POST https://latch.example.com/base/api/v1/connect-sessions",
      "GET https://latch.example.com/base/api/v1/connections?end_user_id=u+1&status=healthy&limit=5",
      "GET https://latch.example.com/base/api/v1/connections/conn%2F1",
      "POST https://latch.example.com/base/api/v1/connections/conn_1/test",
      "DELETE https://latch.example.com/base/api/v1/connections/conn_1",
      "GET https://latch.example.com/base/api/v1/connections/conn_1/access-token",
    ]);
    for (const request of requests) {
      expect(request.headers.get("authorization")).toBe(`Bearer ${apiKey}`);
    }
    expect(requests[0]!.headers.get("content-type")).toBe("application/json");
    expect(await requests[0]!.text()).toBe('{"end_user":{"id":"u 1"}}');
  });

  it("listAll follows next_cursor until the last page", async () => {
    const { fetch, requests } = fakeFetch(
      json(200, { data: [{ id: "a" }, { id: "b" }], next_cursor: "c1" }),
      json(200, { data: [{ id: "c" }], next_cursor: null }),
    );
    const latch = new Latch({ baseUrl: "https://l.example", apiKey, fetch });
    const ids: string[] = [];
    for await (const connection of latch.connections.listAll({ limit: 2 })) ids.push(connection.id);
    expect(ids).toEqual(["a", "b", "c"]);
    expect(new URL(requests[1]!.url).search).toBe("?limit=2&cursor=c1");
  });

  it("throws Latch's error answers as LatchError, retryAfter from Retry-After", async () => {
    const { fetch } = fakeFetch(
      json(
        429,
        { error: { code: "rate_limited", message: "Retry in 7 seconds." } },
        { "retry-after": "7", "x-request-id": "r-1" },
      ),
      () => new Response("<html>Bad gateway</html>", { status: 502 }),
    );
    const latch = new Latch({ baseUrl: "https://l.example", apiKey, fetch });
    const limited = await latch.connections.get("conn_1").catch((error: unknown) => error);
    expect(limited).toBeInstanceOf(LatchError);
    expect(limited).toMatchObject({
      status: 429,
      code: "rate_limited",
      message: "Retry in 7 seconds.",
      retryAfter: 7,
      requestId: "r-1",
    });
    await expect(latch.connections.get("conn_1")).rejects.toMatchObject({
      status: 502,
      code: "unexpected_response",
    });
  });

  it("turns no answer into LatchError status 0, and leaves the caller's abort alone", async () => {
    const hang = (_: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener("abort", () => reject(init.signal?.reason));
      });
    const slow = new Latch({ baseUrl: "https://l.example", apiKey, fetch: hang, timeoutMs: 20 });
    await expect(slow.connections.get("conn_1")).rejects.toMatchObject({
      status: 0,
      code: "timeout",
    });
    const refused = new Latch({
      baseUrl: "https://l.example",
      apiKey,
      fetch: async () => {
        throw new TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } });
      },
    });
    await expect(refused.connections.list()).rejects.toMatchObject({
      status: 0,
      code: "network_error",
      message: expect.stringContaining("ECONNREFUSED"),
    });
    const controller = new AbortController();
    const pending = slow.connections.get("conn_1", { signal: controller.signal });
    controller.abort(new Error("caller gave up"));
    await expect(pending).rejects.toThrow("caller gave up");
  });
});
