import { randomUUID } from "node:crypto";
import http from "node:http";
import v8 from "node:v8";
import vm from "node:vm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { rawRequest, startProxyTestbed } from "../../testing/proxy-testbed";

// A short wait on Atlassian, so the timeout tests take a second, not thirty.
process.env.PROXY_TIMEOUT = "1s";

let bed: Awaited<ReturnType<typeof startProxyTestbed>>;

beforeAll(async () => {
  bed = await startProxyTestbed();
}, 60_000);

afterAll(() => bed?.close());

type Connection = Awaited<ReturnType<typeof bed.connection>>;

const proxyTarget = (c: Connection, rest: string) => `/api/v1/connections/${c.id}/proxy${rest}`;

/** A proxied call, sent raw; the body of a JSON answer parsed. */
async function call(
  c: Connection,
  rest: string,
  options: { method?: string; headers?: Record<string, string>; body?: Buffer } = {},
) {
  const answer = await rawRequest(bed.port, {
    ...options,
    target: proxyTarget(c, rest),
    headers: { authorization: `Bearer ${c.key}`, ...options.headers },
  });
  const isJson = String(answer.headers["content-type"]).includes("json");
  return { ...answer, json: isJson ? JSON.parse(answer.body.toString()) : undefined };
}

/** What the fake gateway received for this connection's site, in order. */
const received = (c: Connection) =>
  bed.fake.state.gatewayRequests.filter((r) => r.rawUrl.includes(`/${c.cloudId}/`));

const exchanges = (c: Connection) =>
  bed.fake.state.tokenRequests.filter((r) => r.clientId === c.credential.clientId).length;

const admin = (path: string, body: unknown) =>
  fetch(`${bed.fake.url}${path}`, { method: "POST", body: JSON.stringify(body) });

const queueGatewayFault = (c: Connection, fault: Record<string, unknown>) =>
  admin("/__fake/faults", {
    client_id: c.credential.clientId,
    fault: { endpoint: "gateway", ...fault },
  });

describe("forwarding", () => {
  it("sends the path and query as sent, with the connection's token, and passes the answer on", async () => {
    const c = await bed.connection();
    const answer = await call(c, "/jira/rest/api/3/search?jql=project%20%3D%20ACME&maxResults=5");
    expect(answer.status).toBe(200);
    expect(answer.json.url).toBe(
      `/ex/jira/${c.cloudId}/rest/api/3/search?jql=project%20%3D%20ACME&maxResults=5`,
    );
    expect(answer.json.headers.authorization).toMatch(/^Bearer fake-at-/);
    // The headers a caller needs, and none of Atlassian's others.
    expect(answer.headers["content-type"]).toBe("application/json");
    expect(answer.headers["x-arequestid"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(answer.headers["x-ratelimit-remaining"]).toBe("99");
    expect(answer.headers["etag"]).toBe('"v1"');
    expect(answer.headers["set-cookie"]).toBeUndefined();
    expect(answer.headers["x-fake-internal"]).toBeUndefined();
  });

  it.for(["POST", "PUT", "PATCH", "DELETE"])(
    "forwards %s with its body as sent",
    async (method) => {
      const c = await bed.connection();
      const body = Buffer.from(JSON.stringify({ fields: { summary: "Käse ✓" } }));
      const answer = await call(c, "/jira/rest/api/3/issue/ACME-1", {
        method,
        headers: { "content-type": "application/json; charset=utf-8" },
        body,
      });
      expect(answer.status).toBe(method === "POST" ? 201 : 200);
      expect(answer.json).toMatchObject({
        method,
        body: body.toString(),
        body_bytes: body.length,
        headers: { "content-type": "application/json; charset=utf-8" },
      });
    },
  );

  it("forwards only allowed request headers: never the caller's key, cookies or X-Forwarded-*", async () => {
    const c = await bed.connection();
    await call(c, "/jira/rest/api/3/myself", {
      headers: {
        accept: "application/json",
        "accept-language": "de",
        "x-atlassian-token": "no-check",
        "if-match": '"v1"',
        "if-none-match": '"v0"',
        cookie: "latch_session=stolen",
        "x-forwarded-for": "10.0.0.1",
        "x-forwarded-host": "evil.example",
        "x-forwarded-proto": "http",
        forwarded: "for=10.0.0.1",
        "x-custom": "1",
        "proxy-authorization": "Basic eA==",
      },
    });
    const [sent] = received(c);
    const names = Object.keys(sent!.headers).filter(
      (name) =>
        !(
          // Added by Node's fetch to every request, from no caller's header.
          [
            "host",
            "connection",
            "accept-encoding",
            "sec-fetch-mode",
            "cache-control",
            "pragma",
          ].includes(name)
        ),
    );
    expect(names.sort()).toEqual(
      [
        "accept",
        "accept-language",
        "authorization",
        "if-match",
        "if-none-match",
        "user-agent",
        "x-atlassian-token",
      ].sort(),
    );
    expect(sent!.headers.authorization).not.toContain(c.key);
    expect(sent!.headers.authorization).toMatch(/^Bearer fake-at-/);
  });

  it("serves a Confluence-only site under /ex/confluence, and refuses Jira for it without sending", async () => {
    const c = await bed.connection({ scopes: ["read:confluence-content.all", "read:me"] });
    const answer = await call(c, "/confluence/wiki/rest/api/user/current");
    expect(answer.status).toBe(200);
    expect(answer.json.url).toBe(`/ex/confluence/${c.cloudId}/wiki/rest/api/user/current`);
    const jira = await call(c, "/jira/rest/api/3/myself");
    expect(jira.status).toBe(400);
    expect(jira.json.error.code).toBe("product_not_served");
    expect(received(c)).toHaveLength(1);
  });

  it("logs one line per call, with what was called but no token, body or query value", async () => {
    const { logger } = await import("../log");
    const lines: unknown[] = [];
    const spy = vi.spyOn(logger, "info").mockImplementation(((fields: unknown) => {
      lines.push(fields);
    }) as never);
    const enabled = vi.spyOn(logger, "isLevelEnabled").mockReturnValue(true);
    try {
      const c = await bed.connection();
      await call(c, "/jira/rest/api/3/search?jql=secret-project&fields=summary", {
        method: "POST",
        body: Buffer.from('{"secret":"body"}'),
        headers: { "content-type": "application/json" },
      });
      const mine = lines.filter(
        (line) => JSON.stringify(line).includes(c.id) && "method" in (line as object),
      );
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({
        method: "POST",
        status: 201,
        product: "jira",
        upstreamPath: "/rest/api/3/search?jql&fields",
        atlassianRequestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        durationMs: expect.any(Number),
      });
      const text = JSON.stringify(mine);
      expect(text).not.toMatch(/secret|fake-at-|latch_sk_/);
    } finally {
      spy.mockRestore();
      enabled.mockRestore();
    }
  });
});

describe("cannot be steered elsewhere", () => {
  const ESCAPES = [
    "/jira/../../../oauth/token",
    "/jira/rest/../../../../oauth/token",
    "/jira/./rest/api/3/myself",
    "/jira/%2e%2e/%2e%2e/oauth/token",
    "/jira/.%2e/x",
    "/jira/%2E%2E/x",
    "/jira/%252e%252e/x",
    "/jira/%25252e%25252e/x",
    "/jira/rest%2f..%2f..%2foauth",
    "/jira/rest%2F..%2F..",
    "/jira/rest%252f..%252f..",
    "/jira/rest%5c..%5c..",
    "/jira/rest%255c..",
    "/jira/rest\\..\\..\\oauth",
    "/jira//evil.example/x",
    "/jira/rest//api",
    "/jira/https://evil.example/x",
    "/jira/https:%2f%2fevil.example",
    "/jira/http:evil.example",
    "/jira/rest%00",
    "/jira/rest%zz",
    "/jenkins/rest/api/3/myself",
    "/JIRA/rest/api/3/myself",
    "/jira%2f..%2fconfluence/wiki",
    "/..%2fjira/rest",
    "/jira",
    "/jira/",
    "",
  ];

  it.for(ESCAPES)("refuses %s with 400 and sends nothing", async (rest) => {
    const c = await bed.connection();
    const answer = await call(c, rest);
    expect(answer.status).toBe(400);
    expect(answer.json.error.code).toBe("invalid_proxy_path");
    expect(received(c)).toHaveLength(0);
    expect(bed.fake.state.gatewayRequests.some((r) => !r.rawUrl.startsWith("/ex/"))).toBe(false);
  });

  it("refuses the same escapes through the Next route file, from the URL Next parsed", async () => {
    const c = await bed.connection();
    const route = await import("../../app/api/v1/connections/[id]/proxy/[[...path]]/route");
    for (const rest of [
      "/jira/rest%2f..%2f..%2foauth",
      "/jira/%252e%252e/x",
      "/jira/rest%5c..",
      "/jira//x",
    ]) {
      const response = await route.GET(
        new Request(`http://latch.test${proxyTarget(c, rest)}`, {
          headers: { authorization: `Bearer ${c.key}` },
        }),
        { params: Promise.resolve({ id: c.id, path: [] }) },
      );
      expect(response.status, rest).toBe(400);
    }
    expect(received(c)).toHaveLength(0);
  });
});

describe("bounds", () => {
  it("streams a 50 MB answer through without holding it", async () => {
    const c = await bed.connection();
    const total = 50 * 1024 * 1024;
    const MB = 1024 * 1024;
    // Garbage is collected lazily; what matters is what stays reachable, so measure after a GC.
    v8.setFlagsFromString("--expose-gc");
    const gc = vm.runInNewContext("gc") as () => void;
    const retained = () => {
      gc();
      const { heapUsed, arrayBuffers } = process.memoryUsage();
      return heapUsed + arrayBuffers;
    };
    const baseline = retained();
    const samples: number[] = [];
    let bytes = 0;
    let nextSample = 5 * MB;
    await new Promise<void>((resolve, reject) => {
      http
        .get(
          `${bed.url}${proxyTarget(c, `/jira/__fake/stream?bytes=${total}`)}`,
          { headers: { authorization: `Bearer ${c.key}` } },
          (response) => {
            expect(response.statusCode).toBe(200);
            expect(response.headers["content-type"]).toBe("application/octet-stream");
            response.on("data", (chunk: Buffer) => {
              bytes += chunk.length;
              if (bytes >= nextSample) {
                nextSample += 5 * MB;
                samples.push(retained() - baseline);
              }
            });
            response.on("end", resolve);
            response.on("error", reject);
          },
        )
        .on("error", reject);
    });
    expect(bytes).toBe(total);
    expect(samples.length).toBeGreaterThanOrEqual(9);
    // Holding the body (or a copy of it) anywhere on the way keeps up to 50 MB reachable: all
    // of it before the first byte goes out, or a growing share of it as it goes, so the last
    // samples come near 50 MB. Chunks in flight between the in-process sockets (fake → proxy →
    // client) come and go, up to about 10 MB a hop even on a direct call, and more of them wait
    // when a loaded machine reads slowly (a median of 18 MB was seen under CI's load, 1–3 MB on
    // a quiet machine).
    const sorted = [...samples].sort((a, b) => a - b);
    expect(sorted[Math.floor(sorted.length / 2)]! / MB).toBeLessThan(25);
    expect(sorted.at(-1)! / MB).toBeLessThan(45);
  }, 60_000);

  it("refuses a 12 MB body with 413 before sending anything, by its length", async () => {
    const c = await bed.connection();
    const answer = await call(c, "/jira/rest/api/3/issue/ACME-1/attachments", {
      method: "POST",
      headers: { "content-type": "application/octet-stream", "x-atlassian-token": "no-check" },
      body: Buffer.alloc(12 * 1024 * 1024, 1),
    });
    expect(answer.status).toBe(413);
    expect(answer.json.error.code).toBe("body_too_large");
    expect(received(c)).toHaveLength(0);
  });

  it("refuses a chunked 12 MB body (no length) with 413, and Atlassian never gets a whole request", async () => {
    const c = await bed.connection();
    const answer = await chunkedPost(c, 12 * 1024 * 1024);
    expect(answer.status).toBe(413);
    expect(answer.json.error.code).toBe("body_too_large");
    expect(received(c)).toHaveLength(0);
  });

  it("forwards a chunked body within the limit whole", async () => {
    const c = await bed.connection();
    const answer = await chunkedPost(c, 3 * 1024 * 1024);
    expect(answer.status).toBe(201);
    expect(answer.json.body_bytes).toBe(3 * 1024 * 1024);
  });

  it("answers 504 when Atlassian sends no answer within PROXY_TIMEOUT", async () => {
    const c = await bed.connection();
    const started = Date.now();
    const answer = await call(c, "/jira/__fake/slow?ms=5000");
    expect(answer.status).toBe(504);
    expect(answer.json.error.code).toBe("atlassian_timeout");
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it("cuts a body that stalls for PROXY_TIMEOUT, so it is never taken for a whole one", async () => {
    const c = await bed.connection();
    const outcome = await new Promise<string>((resolve) => {
      http.get(
        `${bed.url}${proxyTarget(c, "/jira/__fake/slow-body?ms=5000")}`,
        { headers: { authorization: `Bearer ${c.key}` } },
        (response) => {
          response.on("data", () => undefined);
          response.on("end", () => resolve("ended"));
          response.on("error", () => resolve("cut"));
          response.on("aborted", () => resolve("cut"));
        },
      );
    });
    expect(outcome).toBe("cut");
  });

  it("passes a redirect on instead of following it with the token", async () => {
    const c = await bed.connection();
    const answer = await call(c, "/jira/__fake/redirect");
    expect(answer.status).toBe(302);
    expect(answer.headers.location).toBe("http://169.254.169.254/latest/meta-data/");
    expect(received(c)).toHaveLength(1);
  });

  it("answers 405 with Allow for a method it does not forward", async () => {
    const c = await bed.connection();
    for (const method of ["TRACE", "PROPFIND"]) {
      const answer = await call(c, "/jira/rest/api/3/myself", { method });
      expect(answer.status).toBe(405);
      expect(answer.headers.allow).toBe("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
      expect(answer.json.error.code).toBe("method_not_allowed");
    }
    expect(received(c)).toHaveLength(0);
  });
});

/** A POST of `size` bytes sent chunked, without Content-Length. */
function chunkedPost(c: Connection, size: number) {
  return new Promise<{ status: number; json: { error: { code: string }; body_bytes: number } }>(
    (resolve, reject) => {
      const request = http.request(
        `${bed.url}${proxyTarget(c, "/jira/rest/api/3/issue")}`,
        {
          method: "POST",
          headers: { authorization: `Bearer ${c.key}`, "content-type": "application/octet-stream" },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () =>
            resolve({
              status: response.statusCode!,
              json: JSON.parse(Buffer.concat(chunks).toString()),
            }),
          );
        },
      );
      request.on("error", reject);
      const chunk = Buffer.alloc(256 * 1024, 2);
      let sent = 0;
      const write = () => {
        while (sent < size) {
          sent += chunk.length;
          if (!request.write(chunk)) return void request.once("drain", write);
        }
        request.end();
      };
      write();
    },
  );
}

describe("faults", () => {
  it("renews a token the gateway refuses, once, and sends again", async () => {
    const c = await bed.connection();
    const before = exchanges(c);
    await admin("/__fake/expire-tokens", { client_id: c.credential.clientId });
    const answer = await call(c, "/jira/rest/api/3/myself");
    expect(answer.status).toBe(200);
    expect(exchanges(c)).toBe(before + 1);
    expect(received(c)).toHaveLength(2);
    const [first, second] = received(c);
    expect(first!.headers.authorization).not.toBe(second!.headers.authorization);
  });

  it("a second 401 marks the connection failing, with its webhook, and later calls send nothing", async () => {
    const c = await bed.connection();
    await bed.db.getDb().workspace.update({
      where: { id: c.scope.workspaceId },
      data: { webhookUrl: "https://hooks.example/latch" },
    });
    await queueGatewayFault(c, { mode: "unauthorized", times: 2 });
    const answer = await call(c, "/jira/rest/api/3/myself");
    expect(answer.status).toBe(409);
    expect(answer.json.error.code).toBe("connection_failing");
    expect(answer.json.error.message).toMatch(/lost its role/);
    const row = await bed.db.getDb().connection.findUniqueOrThrow({ where: { id: c.id } });
    expect(row).toMatchObject({ status: "failing", lastErrorCode: "gateway_unauthorized" });
    const deliveries = await bed.db
      .getDb()
      .webhookDelivery.findMany({ where: { connectionId: c.id } });
    expect(deliveries.map((d) => d.event)).toEqual(["connection.failing"]);
    const sent = received(c).length;
    expect(sent).toBe(2);
    const again = await call(c, "/jira/rest/api/3/myself");
    expect(again.status).toBe(409);
    expect(received(c)).toHaveLength(sent);
  });

  it("a credential revoked at Atlassian: the renewal is refused, 409, and the connection is failing", async () => {
    const c = await bed.connection();
    await admin("/__fake/revoke", { client_id: c.credential.clientId });
    const answer = await call(c, "/jira/rest/api/3/myself");
    expect(answer.status).toBe(409);
    expect(answer.json.error.code).toBe("connection_failing");
    const row = await bed.db.getDb().connection.findUniqueOrThrow({ where: { id: c.id } });
    expect(row).toMatchObject({ status: "failing", lastErrorCode: "invalid_credentials" });
  });

  it("passes on a 401 for a missing scope without renewing or failing the connection", async () => {
    const c = await bed.connection();
    const before = exchanges(c);
    const answer = await call(c, "/jira/__fake/needs-scope");
    expect(answer.status).toBe(401);
    expect(answer.json.message).toMatch(/scope does not match/);
    expect(exchanges(c)).toBe(before);
    const row = await bed.db.getDb().connection.findUniqueOrThrow({ where: { id: c.id } });
    expect(row.status).toBe("healthy");
  });

  it("retries a 429 with Retry-After for GET, at most twice", async () => {
    const c = await bed.connection();
    await queueGatewayFault(c, { mode: "rate_limit_retry_after", retryAfterSeconds: 1, times: 2 });
    const started = Date.now();
    const answer = await call(c, "/jira/rest/api/3/myself");
    expect(answer.status).toBe(200);
    expect(received(c)).toHaveLength(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_000);

    const d = await bed.connection();
    await queueGatewayFault(d, { mode: "rate_limit_retry_after", retryAfterSeconds: 1, times: 3 });
    const limited = await call(d, "/jira/rest/api/3/myself");
    expect(limited.status).toBe(429);
    expect(limited.headers["retry-after"]).toBe("1");
    expect(limited.headers["ratelimit-reason"]).toBe("jira-quota-based");
    expect(received(d)).toHaveLength(3);
  }, 15_000);

  it("retries a 503 with Retry-After, and waits out X-RateLimit-Reset", async () => {
    const c = await bed.connection();
    await queueGatewayFault(c, { mode: "status_503_retry_after", retryAfterSeconds: 1, times: 1 });
    expect((await call(c, "/jira/rest/api/3/myself")).status).toBe(200);
    expect(received(c)).toHaveLength(2);
    const d = await bed.connection();
    await queueGatewayFault(d, { mode: "rate_limit_reset", retryAfterSeconds: 1, times: 1 });
    const started = Date.now();
    expect((await call(d, "/jira/rest/api/3/myself")).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  }, 15_000);

  it("never sends again before a minute-precision X-RateLimit-Reset's minute has passed", async () => {
    const c = await bed.connection();
    await queueGatewayFault(c, { mode: "rate_limit_reset_minute", times: 1 });
    const started = Date.now();
    const minuteEnds = started - (started % 60_000) + 60_000;
    const answer = await call(c, "/jira/rest/api/3/myself");
    if (answer.status === 200) {
      // Within the retry budget: sent again only once the minute had ended.
      expect(received(c).at(-1)!.receivedAt).toBeGreaterThanOrEqual(minuteEnds);
    } else {
      expect(answer.status).toBe(429);
      expect(received(c)).toHaveLength(1);
      expect(Number(answer.headers["retry-after"])).toBeGreaterThanOrEqual(
        Math.floor((minuteEnds - started) / 1000),
      );
    }
  }, 20_000);

  it("does not retry a POST, nor a wait past the budget: the 429 is passed on with Retry-After", async () => {
    const c = await bed.connection();
    await queueGatewayFault(c, { mode: "rate_limit_retry_after", retryAfterSeconds: 1, times: 1 });
    const post = await call(c, "/jira/rest/api/3/issue", {
      method: "POST",
      body: Buffer.from("{}"),
    });
    expect(post.status).toBe(429);
    expect(post.headers["retry-after"]).toBe("1");
    expect(received(c)).toHaveLength(1);

    const d = await bed.connection();
    await queueGatewayFault(d, { mode: "rate_limit_retry_after", retryAfterSeconds: 30, times: 1 });
    const started = Date.now();
    const get = await call(d, "/jira/rest/api/3/myself");
    expect(get.status).toBe(429);
    expect(get.headers["retry-after"]).toBe("30");
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("while a site is limited, answers 429 at once for every caller, sending nothing", async () => {
    const site = {
      id: randomUUID(),
      name: "Busy",
      url: "https://busy.atlassian.net",
      scopes: ["read:jira-work"],
    };
    const first = await bed.connection({ sites: [site] });
    const other = await bed.connection({ sites: [site] });
    await queueGatewayFault(first, {
      mode: "rate_limit_retry_after",
      retryAfterSeconds: 5,
      times: 1,
    });
    const limited = await call(first, "/jira/rest/api/3/issue", {
      method: "POST",
      body: Buffer.from("{}"),
    });
    expect(limited.status).toBe(429);
    const sent = received(first).length;
    for (const c of [first, other]) {
      const answer = await call(c, "/jira/rest/api/3/myself");
      expect(answer.status).toBe(429);
      expect(answer.json.error.code).toBe("atlassian_rate_limited");
      expect(Number(answer.headers["retry-after"])).toBeGreaterThanOrEqual(4);
    }
    expect(received(first)).toHaveLength(sent);
    // Another site is not held back.
    const elsewhere = await bed.connection();
    expect((await call(elsewhere, "/jira/rest/api/3/myself")).status).toBe(200);
  });

  it("a revoked connection answers 409, an unknown one 404, and neither sends anything", async () => {
    const c = await bed.connection();
    const { revokeConnection } = await import("../connections/revoke-connection");
    await revokeConnection(
      { ...c.scope, actor: { type: "api_key", id: "k", label: "k" }, ip: null },
      c.id,
    );
    const revoked = await call(c, "/jira/rest/api/3/myself");
    expect(revoked.status).toBe(409);
    expect(revoked.json.error.code).toBe("connection_revoked");
    const unknown = await call({ ...c, id: "conn_nope" }, "/jira/rest/api/3/myself");
    expect(unknown.status).toBe(404);
    expect(received(c)).toHaveLength(0);
  });

  it("counts against the API key's rate limit", async () => {
    const c = await bed.connection();
    const { hitApiKeyLimit } = await import("../api/key-rate-limit");
    const keyRow = await bed.db
      .getDb()
      .apiKey.findFirstOrThrow({ where: { workspaceId: c.scope.workspaceId } });
    const now = Date.now();
    for (const start of [now - (now % 60_000), now - (now % 60_000) + 60_000]) {
      await bed.db.getDb().rateLimit.create({
        data: {
          key: `api:${keyRow.id}:${start}`,
          windowStart: new Date(start),
          count: 1_000_000,
          expiresAt: new Date(start + 60_000),
        },
      });
    }
    void hitApiKeyLimit;
    const answer = await call(c, "/jira/rest/api/3/myself");
    expect(answer.status).toBe(429);
    expect(answer.json.error.code).toBe("rate_limited");
    expect(received(c)).toHaveLength(0);
  });
});
