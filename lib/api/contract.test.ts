import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { FakeAtlassian } from "../../testing/fake-atlassian/server";
import { connectThroughFlow, startConnectTestbed } from "../../testing/connect-testbed";
import { openApiValidator } from "../../testing/openapi-validator";
import { changedBehindLatch, createTestWorkspace } from "../../testing/test-db";
import { allowedMethods, type PathMethod } from "./methods";
import {
  HTTP_METHODS,
  buildOpenApiDocument,
  type OpenApiDocument,
  type OpenApiOperation,
} from "./openapi";

/**
 * The contract: every operation of the OpenAPI document, called through its route handler as
 * Next would call it (a real database, a fake Atlassian), made to give every answer the
 * document lists for it. Each answer's status must be listed for the operation, its body must
 * validate against the listed schema (Ajv, draft 2020-12), and its headers must be the declared
 * ones; at the end, every listed status must have been seen. Methods a path does not have must
 * answer 405 in the error shape with Allow.
 */

const health = vi.hoisted(() => ({ down: false }));
vi.mock("../server/health", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../server/health")>();
  return {
    ...actual,
    databaseAnswers: async () => (health.down ? false : actual.databaseAnswers()),
  };
});

const BASE = "http://latch.test";
type Handler = (
  request: Request,
  context: { params: Promise<never> },
) => Response | Promise<Response>;
/** A route file: its method handlers, and segment config such as `dynamic`. */
type RouteModule = { [name: string]: Handler | string | undefined };

/** The route file behind each path of the document, and the API's other path. */
const ROUTE_FILES: Record<string, () => Promise<RouteModule>> = {
  "/api/v1/connect-sessions": () => import("../../app/api/v1/connect-sessions/route"),
  "/api/v1/connections": () => import("../../app/api/v1/connections/route"),
  "/api/v1/connections/{id}": () => import("../../app/api/v1/connections/[id]/route"),
  "/api/v1/connections/{id}/test": () => import("../../app/api/v1/connections/[id]/test/route"),
  "/api/v1/connections/{id}/access-token": () =>
    import("../../app/api/v1/connections/[id]/access-token/route"),
  "/api/v1/connections/{id}/proxy/{product}/{path}": () =>
    import("../../app/api/v1/connections/[id]/proxy/[[...path]]/route"),
  "/api/health": () => import("../../app/api/health/route"),
  "/api/v1/openapi.json": () => import("../../app/api/v1/openapi.json/route"),
};

let document: OpenApiDocument;
let validator: ReturnType<typeof openApiValidator>;
let fake: FakeAtlassian;
let db: Awaited<ReturnType<typeof startConnectTestbed>>["db"];
let key: string;
let limitedKey: string;
let ownScope: { workspaceId: string };
/** "operationId status", for each answer seen. */
const seen = new Set<string>();

beforeAll(async () => {
  // High enough for the test's own calls; one key is made to be past it below.
  process.env.API_RATE_LIMIT = "1000";
  // The proxy's timeout answer, in a second rather than thirty.
  process.env.PROXY_TIMEOUT = "1s";
  ({ fake, db } = await startConnectTestbed());
  document = buildOpenApiDocument({ publicUrl: "https://latch.example.com" });
  validator = openApiValidator(document);
  const { createApiKey } = await import("../api-keys/create-api-key");
  const own = await createTestWorkspace("Contract");
  ownScope = own.scope;
  ({ key } = await createApiKey(own.scope, "contract"));
  const limited = await createApiKey(own.scope, "limited");
  limitedKey = limited.key;
  // This minute's window and the next, already full, so the key is refused whenever it calls.
  const now = Date.now();
  for (const start of [now - (now % 60_000), now - (now % 60_000) + 60_000]) {
    await db.getDb().rateLimit.create({
      data: {
        key: `api:${limited.apiKey.id}:${start}`,
        windowStart: new Date(start),
        count: 1_000_000,
        expiresAt: new Date(start + 60_000),
      },
    });
  }
}, 60_000);

afterAll(() => fake?.close());

/** Calls an operation of the document through its route handler, and checks the answer. */
async function call(
  path: string,
  method: string,
  options: {
    id?: string;
    query?: string;
    body?: BodyInit;
    headers?: Record<string, string>;
    apiKey?: string | null;
    /** The proxy's {product}/{path}, e.g. jira/rest/api/3/myself. */
    proxied?: string;
  } = {},
): Promise<{ status: number; body: unknown; response: Response }> {
  const routeFile = await ROUTE_FILES[path]!();
  const handler = routeFile[method];
  if (typeof handler !== "function") throw new Error(`${path} exports no ${method}`);
  const filled = path
    .replace("{id}", encodeURIComponent(options.id ?? ""))
    .replace("{product}/{path}", options.proxied ?? "{product}/{path}");
  const url = `${BASE}${filled}${options.query ? `?${options.query}` : ""}`;
  const apiKey = options.apiKey === undefined ? key : options.apiKey;
  const request = new Request(url, {
    method,
    headers: {
      ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
      ...(options.body !== undefined ? { "content-type": "application/json" } : {}),
      ...options.headers,
    },
    body: options.body,
    ...(options.body instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);
  const params = options.id === undefined ? undefined : { id: options.id };
  const response = await handler(request, { params: Promise.resolve(params as never) });
  const operation = document.paths[path]?.[method.toLowerCase() as (typeof HTTP_METHODS)[number]];
  const body = operation ? await checkAnswer(operation, response) : undefined;
  return { status: response.status, body, response };
}

/** The answer against the document: a listed status, the listed body and headers. */
async function checkAnswer(operation: OpenApiOperation, response: Response): Promise<unknown> {
  // `default`: the proxy's passed-on answers, whatever their status.
  const status = operation.responses[String(response.status)] ? String(response.status) : "default";
  const where = `${operation.operationId} ${status}`;
  const listed = operation.responses[status];
  expect(listed, `${where}: a status the document does not list`).toBeDefined();
  seen.add(where);
  const declared = new Map(
    Object.entries(listed!.headers ?? {}).map(([name, ref]) => {
      const id = ref.$ref.split("/").pop()!;
      return [name.toLowerCase(), document.components.headers[id]!] as const;
    }),
  );
  for (const [name, header] of declared) {
    const value = response.headers.get(name);
    if (header.required) expect(value, `${where}: header ${name}`).not.toBeNull();
    if (value !== null) {
      expect(validator.problems(header.schema, value), `${where}: header ${name}`).toEqual([]);
    }
  }
  // Headers a client acts on are sent only where the document says so.
  for (const name of ["retry-after", "www-authenticate", "allow"]) {
    if (response.headers.has(name)) {
      expect([...declared.keys()], `${where}: undeclared ${name}`).toContain(name);
    }
  }
  const schema =
    listed!.content && "application/json" in listed!.content
      ? listed!.content["application/json"]!.schema
      : undefined;
  if (!schema) return undefined;
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  const body: unknown = await response.json();
  expect(validator.problems(schema, body), `${where}: body ${JSON.stringify(body)}`).toEqual([]);
  return body;
}

const requestBody = () =>
  document.paths["/api/v1/connect-sessions"]!.post!.requestBody!.content["application/json"].schema;

/** A body of `total` bytes sent in 16 KB chunks, with no length declared. */
function chunkedBody(total: number) {
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close();
      sent += 16 * 1024;
      controller.enqueue(new Uint8Array(16 * 1024).fill(0x20));
    },
  });
}

describe("every operation answers as the document says", () => {
  it("POST /api/v1/connect-sessions", async () => {
    const path = "/api/v1/connect-sessions";
    const valid = {
      end_user: { id: " user-1 ", email: "ada@example.com", display_name: "Ada" },
      subdomain: "https://acme.atlassian.net/",
      allowed_origins: ["https://app.example.com"],
    };
    // What the document says of the body matches what the API does with it.
    expect(validator.problems(requestBody(), valid)).toEqual([]);
    expect((await call(path, "POST", { body: JSON.stringify(valid) })).status).toBe(201);
    for (const refused of [
      { end_user: { id: "   " } },
      { end_user: { id: "u" }, allowed_origins: ["not an origin"] },
      { end_user: { id: "u" }, subdomain: "acme corp" },
    ]) {
      expect(validator.problems(requestBody(), refused), JSON.stringify(refused)).not.toEqual([]);
      const { body } = await call(path, "POST", { body: JSON.stringify(refused) });
      expect((body as { error: { code: string } }).error.code).toBe("invalid_request");
    }
    const badJson = await call(path, "POST", { body: "{" });
    expect((badJson.body as { error: { code: string } }).error.code).toBe("invalid_json");
    const tooLarge = await call(path, "POST", { body: chunkedBody(10 * 1024 * 1024) });
    expect(tooLarge.status).toBe(413);
    expect((await call(path, "POST", { body: "{}", apiKey: null })).status).toBe(401);
    expect((await call(path, "POST", { body: "{}", apiKey: limitedKey })).status).toBe(429);
  });

  it("GET /api/v1/connections", async () => {
    const path = "/api/v1/connections";
    await connectThroughFlow(fake, ownScope, { endUserId: "listed" });
    const page = await call(path, "GET", { query: "end_user_id=listed&limit=1" });
    expect((page.body as { data: unknown[] }).data).toHaveLength(1);
    expect((await call(path, "GET", { query: "limit=0" })).status).toBe(400);
    expect((await call(path, "GET", { query: "end_user_id=%20%20" })).status).toBe(400);
    const cursor = await call(path, "GET", { query: "cursor=bad%20cursor" });
    expect((cursor.body as { error: { code: string } }).error.code).toBe("invalid_cursor");
    expect((await call(path, "GET", { apiKey: null })).status).toBe(401);
    expect((await call(path, "GET", { apiKey: limitedKey })).status).toBe(429);
  });

  it("GET and DELETE /api/v1/connections/{id}, POST …/test", async () => {
    const { id } = await connectThroughFlow(fake, ownScope);
    for (const [path, method] of [
      ["/api/v1/connections/{id}", "GET"],
      ["/api/v1/connections/{id}/test", "POST"],
      ["/api/v1/connections/{id}", "DELETE"],
    ] as const) {
      expect((await call(path, method, { id })).status).toBe(200);
      expect((await call(path, method, { id: "conn_missing" })).status).toBe(404);
      expect((await call(path, method, { id, apiKey: null })).status).toBe(401);
      expect((await call(path, method, { id, apiKey: limitedKey })).status).toBe(429);
    }
    // Revoked by the DELETE above: a test is refused.
    expect((await call("/api/v1/connections/{id}/test", "POST", { id })).status).toBe(409);
  });

  it("GET /api/v1/connections/{id}/access-token", async () => {
    const path = "/api/v1/connections/{id}/access-token";
    const { id, credential } = await connectThroughFlow(fake, ownScope);
    expect((await call(path, "GET", { id })).status).toBe(200);
    expect((await call(path, "GET", { id: "conn_missing" })).status).toBe(404);
    expect((await call(path, "GET", { id, apiKey: null })).status).toBe(401);
    expect((await call(path, "GET", { id, apiKey: limitedKey })).status).toBe(429);
    const expire = async () => {
      await db
        .getDb()
        .connection.update({ where: { id }, data: { accessTokenExpiresAt: new Date(0) } });
      await changedBehindLatch();
    };
    // Atlassian unavailable: 503 with Retry-After.
    await expire();
    fake.state.credentials.get(credential.clientId)!.faults.push({
      endpoint: "token",
      mode: "status_503",
      times: 10,
    });
    expect((await call(path, "GET", { id })).status).toBe(503);
    fake.state.credentials.get(credential.clientId)!.faults.length = 0;
    // Atlassian refuses the credential: 409 connection_failing.
    fake.state.credentials.get(credential.clientId)!.revoked = true;
    const failing = await call(path, "GET", { id });
    expect(failing.status).toBe(409);
    expect((failing.body as { error: { code: string } }).error.code).toBe("connection_failing");
    await call("/api/v1/connections/{id}", "DELETE", { id });
    const revoked = await call(path, "GET", { id });
    expect((revoked.body as { error: { code: string } }).error.code).toBe("connection_revoked");
  }, 30_000);

  it("GET, POST, PUT, PATCH and DELETE /api/v1/connections/{id}/proxy/{product}/{path}", async () => {
    const path = "/api/v1/connections/{id}/proxy/{product}/{path}";
    const { id, credential } = await connectThroughFlow(fake, ownScope);
    const faults = fake.state.credentials.get(credential.clientId)!.faults;
    const gatewayFault = (mode: "drop_connection" | "stall") =>
      faults.push({ endpoint: "gateway", mode, times: 1 });
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
      const proxied = "jira/rest/api/3/myself";
      const body = ["POST", "PUT", "PATCH"].includes(method) ? "{}" : undefined;
      const ok = await call(path, method, { id, proxied, body });
      expect(ok.status, method).toBeLessThan(300);
      expect((await call(path, method, { id, proxied: "jira/%2e%2e/x", body })).status).toBe(400);
      expect((await call(path, method, { id: "conn_missing", proxied })).status).toBe(404);
      expect((await call(path, method, { id, proxied, apiKey: null })).status).toBe(401);
      expect((await call(path, method, { id, proxied, apiKey: limitedKey })).status).toBe(429);
      if (body) {
        const tooLarge = await call(path, method, {
          id,
          proxied,
          body: chunkedBody(11 * 1024 * 1024),
        });
        expect(tooLarge.status).toBe(413);
      }
      gatewayFault("drop_connection");
      expect((await call(path, method, { id, proxied, body })).status).toBe(502);
      gatewayFault("stall");
      expect((await call(path, method, { id, proxied, body })).status).toBe(504);
      faults.length = 0;
    }
    // Site-wide limit, Atlassian unavailable for a renewal, then revoked.
    faults.push({
      endpoint: "gateway",
      mode: "rate_limit_retry_after",
      times: 1,
      retryAfterSeconds: 30,
    });
    for (const method of ["POST", "GET", "PUT", "PATCH", "DELETE"]) {
      expect(
        (
          await call(path, method, {
            id,
            proxied: "jira/x",
            body: method === "GET" ? undefined : "{}",
          })
        ).status,
      ).toBe(429);
    }
    const { limitSite } = await import("../proxy/site-rate-limits");
    const cloudId = (await db.getDb().connection.findUniqueOrThrow({ where: { id } })).siteCloudId;
    limitSite(cloudId, -1_000_000);
    await db
      .getDb()
      .connection.update({ where: { id }, data: { accessTokenExpiresAt: new Date(0) } });
    await changedBehindLatch();
    faults.push({ endpoint: "token", mode: "status_503", times: 100 });
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
      expect((await call(path, method, { id, proxied: "jira/x" })).status).toBe(503);
    }
    faults.length = 0;
    await call("/api/v1/connections/{id}", "DELETE", { id });
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
      expect((await call(path, method, { id, proxied: "jira/x" })).status).toBe(409);
    }
  }, 60_000);

  it("GET /api/health", async () => {
    expect((await call("/api/health", "GET", { apiKey: null })).status).toBe(200);
    health.down = true;
    try {
      expect((await call("/api/health", "GET", { apiKey: null })).status).toBe(503);
    } finally {
      health.down = false;
    }
  });

  it("every status the document lists was answered", () => {
    const listed = Object.values(document.paths).flatMap((item) =>
      Object.values(item).flatMap((operation) =>
        Object.keys(operation.responses).map((status) => `${operation.operationId} ${status}`),
      ),
    );
    expect(listed.filter((answer) => !seen.has(answer))).toEqual([]);
  });
});

describe("methods a path does not have", () => {
  const OTHER_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"];

  it("answer 405 method_not_allowed in the error shape, with Allow; OPTIONS answers 204", async () => {
    const { id } = await connectThroughFlow(fake, ownScope);
    let checked = 0;
    for (const path of Object.keys(ROUTE_FILES)) {
      // The document itself is served at a path of its own, outside the document.
      const item = document.paths[path] ?? (path === "/api/v1/openapi.json" ? { get: {} } : {});
      const has = Object.keys(item).map((method) => method.toUpperCase() as PathMethod);
      expect(has.length, path).toBeGreaterThan(0);
      const allow = allowedMethods(has);
      expect(allow.split(", ")).toEqual(
        expect.arrayContaining([...has, "OPTIONS", ...(has.includes("GET") ? ["HEAD"] : [])]),
      );
      for (const method of OTHER_METHODS.filter((method) => !allow.split(", ").includes(method))) {
        const { status, response } = await call(path, method, {
          id: path.includes("{id}") ? id : undefined,
          body: ["POST", "PUT", "PATCH"].includes(method) ? "{}" : undefined,
        });
        expect(status, `${method} ${path}`).toBe(405);
        expect(response.headers.get("allow")).toBe(allow);
        const body: unknown = await response.json();
        expect(validator.problems({ $ref: "#/components/schemas/Error" }, body)).toEqual([]);
        expect(body).toEqual({
          error: {
            code: "method_not_allowed",
            message: `${method} is not a method of this path. It answers to ${allow}.`,
          },
        });
        checked++;
      }
      const options = await call(path, "OPTIONS", { id: path.includes("{id}") ? id : undefined });
      expect(options.status).toBe(204);
      expect(options.response.headers.get("allow")).toBe(allow);
    }
    // Each path lacks at least three of them (PUT, PATCH and one more).
    expect(checked).toBeGreaterThanOrEqual(3 * Object.keys(ROUTE_FILES).length);
  });
});
