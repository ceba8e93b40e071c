import { describe, expect, it } from "vitest";
import { z } from "zod";
import { toApiConnection } from "../connections/internal/to-api";
import { connectionSchema } from "../validation/api-responses";
import { createConnectSessionSchema } from "../validation/connect-session";
import { listConnectionsQuerySchema } from "../validation/connections-query";
import { buildOpenApiDocument, type JsonSchema } from "./openapi";
import { schemaFields } from "./schema-fields";

const document = buildOpenApiDocument({ publicUrl: "https://latch.example.com/" });
const schemas = document.components.schemas;

/** record[key], failing the test when it is missing. */
function at<T>(record: Record<string, T> | undefined, key: string): T {
  const value = record?.[key];
  if (value === undefined) throw new Error(`missing ${key}`);
  return value;
}
const schema = (name: string) => at(schemas, name);
const property = (of: JsonSchema, name: string) => at(of.properties, name);
const operation = (path: string, method: "get" | "post" | "delete") =>
  at(at(document.paths, path), method);

/** Every $ref anywhere in a value. */
function refsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (!value || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === "$ref" && typeof inner === "string" ? [inner] : refsIn(inner),
  );
}

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1, served from PUBLIC_URL, with a bearer API key", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(document.servers).toEqual([{ url: "https://latch.example.com" }]);
    expect(document.components.securitySchemes.apiKey).toMatchObject({
      type: "http",
      scheme: "bearer",
    });
    expect(document.security).toEqual([{ apiKey: [] }]);
    expect(JSON.parse(JSON.stringify(document))).toEqual(document);
  });

  it("has every path and method of the README's HTTP API, and nothing else", () => {
    const operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations.sort()).toEqual(
      [
        "POST /api/v1/connect-sessions",
        "GET /api/v1/connections",
        "GET /api/v1/connections/{id}",
        "POST /api/v1/connections/{id}/test",
        "DELETE /api/v1/connections/{id}",
        "GET /api/v1/connections/{id}/access-token",
        "GET /api/health",
      ].sort(),
    );
    const ids = Object.values(document.paths).flatMap((item) =>
      Object.values(item).map((operation) => operation.operationId),
    );
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("answers as the README's HTTP API says, with the Error shape for every failure", () => {
    expect(at(operation("/api/v1/connect-sessions", "post").responses, "201").content).toEqual({
      "application/json": { schema: { $ref: "#/components/schemas/ConnectSession" } },
    });
    expect(operation("/api/v1/connections/{id}", "get").responses["404"]).toBeDefined();
    expect(at(operation("/api/v1/connections/{id}", "delete").responses, "200").content).toEqual({
      "application/json": { schema: { $ref: "#/components/schemas/Connection" } },
    });
    const token = operation("/api/v1/connections/{id}/access-token", "get");
    expect(Object.keys(token.responses)).toEqual(
      expect.arrayContaining(["200", "401", "404", "409"]),
    );
    expect(at(token.responses, "409").description).toContain("connection_revoked");
    for (const item of Object.values(document.paths)) {
      for (const operation of Object.values(item)) {
        for (const [status, response] of Object.entries(operation.responses)) {
          if (Number(status) >= 400 && operation.operationId !== "health") {
            expect(response.content?.["application/json"].schema).toEqual({
              $ref: "#/components/schemas/Error",
            });
          }
        }
      }
    }
  });

  it("declares 401 with WWW-Authenticate and 429 rate_limited with Retry-After wherever a key is taken", () => {
    const ref = (id: string) => ({ $ref: `#/components/headers/${id}` });
    for (const [path, item] of Object.entries(document.paths)) {
      for (const operation of Object.values(item)) {
        if (path === "/api/health") {
          expect(Object.keys(operation.responses).sort()).toEqual(["200", "503"]);
          continue;
        }
        expect(at(operation.responses, "401").headers?.["WWW-Authenticate"]).toEqual(
          ref("WWWAuthenticate"),
        );
        const limited = at(operation.responses, "429");
        expect(limited.description).toMatch(/^rate_limited: /);
        expect(limited.headers?.["Retry-After"]).toEqual(ref("RetryAfter"));
        for (const response of Object.values(operation.responses)) {
          expect(response.headers?.["X-Request-Id"]).toEqual(ref("RequestId"));
        }
      }
    }
    expect(
      at(operation("/api/v1/connections/{id}/access-token", "get").responses, "503").headers,
    ).toMatchObject({ "Retry-After": ref("RetryAfter") });
    expect(at(operation("/api/v1/connect-sessions", "post").responses, "413").description).toMatch(
      /^body_too_large: the body is over 64 KB/,
    );
    expect(document.components.headers.RetryAfter?.schema).toEqual({
      type: "string",
      pattern: "^[0-9]+$",
    });
    // A method a path lacks is no operation of it; the document says what it answers.
    expect(document.info.description).toMatch(/405 method_not_allowed, with an Allow header/);
  });

  it("needs no key for the health check only", () => {
    for (const [path, item] of Object.entries(document.paths)) {
      for (const operation of Object.values(item)) {
        expect(operation.security).toEqual(path === "/api/health" ? [] : undefined);
      }
    }
  });

  it("describes the connect-session body with the route's own zod schema", () => {
    const body = schema("CreateConnectSessionRequest");
    const zodInput = z.toJSONSchema(createConnectSessionSchema, { io: "input" }) as JsonSchema;
    expect(body.required).toEqual(["end_user"]);
    expect(property(body, "end_user").required).toEqual(["id"]);
    expect(body.required).toEqual(zodInput.required);
    expect(property(body, "end_user").required).toEqual(property(zodInput, "end_user").required);
    expect(Object.keys(body.properties ?? {})).toEqual(
      Object.keys(createConnectSessionSchema.shape),
    );
    expect(property(body, "allowed_origins")).toMatchObject({
      type: "array",
      maxItems: 20,
      items: { type: "string" },
    });
    expect(operation("/api/v1/connect-sessions", "post").requestBody).toEqual({
      required: true,
      content: {
        "application/json": {
          schema: { $ref: "#/components/schemas/CreateConnectSessionRequest" },
        },
      },
    });
  });

  it("lists the connection query's parameters from the route's own zod schema", () => {
    const parameters = operation("/api/v1/connections", "get").parameters ?? [];
    expect(parameters.map((parameter) => parameter.name)).toEqual(
      Object.keys(listConnectionsQuerySchema.shape),
    );
    expect(parameters.every((parameter) => parameter.in === "query" && !parameter.required)).toBe(
      true,
    );
    expect(parameters.find((parameter) => parameter.name === "limit")?.schema).toMatchObject({
      type: "integer",
      maximum: 100,
    });
    expect(parameters.find((parameter) => parameter.name === "status")?.schema.enum).toEqual([
      "healthy",
      "failing",
      "revoked",
    ]);
  });

  it("names every field of the README's Connection, each required", () => {
    const fields = schemaFields(schema("Connection"), schemas);
    expect(fields.map((field) => field.name).sort()).toEqual(
      [
        "id",
        "status",
        "end_user",
        "end_user.id",
        "end_user.email",
        "end_user.display_name",
        "site",
        "site.cloud_id",
        "site.name",
        "site.url",
        "products",
        "scopes",
        "client_id",
        "created_at",
        "last_checked_at",
        "last_error",
        "last_error.code",
        "last_error.message",
      ].sort(),
    );
    expect(fields.every((field) => field.required)).toBe(true);
    expect(property(schema("Connection"), "status").enum).toEqual([
      "healthy",
      "failing",
      "revoked",
    ]);
    expect(JSON.stringify(document)).not.toMatch(/client_secret|clientSecret/);
  });

  it("describes the access token and error answers of the README's HTTP API", () => {
    expect(schema("AccessToken").required?.sort()).toEqual(
      [
        "access_token",
        "token_type",
        "expires_at",
        "cloud_id",
        "api_base_url",
        "api_base_urls",
      ].sort(),
    );
    expect(property(schema("Connection"), "products").items).toEqual({
      type: "string",
      enum: ["jira", "confluence"],
    });
    expect(property(schema("AccessToken"), "token_type").const).toBe("Bearer");
    expect(schemaFields(schema("Error"), schemas).map((field) => field.name)).toEqual([
      "error",
      "error.code",
      "error.message",
    ]);
    expect(property(schema("ConnectionList"), "data").items).toEqual({
      $ref: "#/components/schemas/Connection",
    });
  });

  it("resolves every $ref and carries no stray JSON Schema dialect markers", () => {
    for (const ref of refsIn(document)) {
      const [, kind, name] = /^#\/components\/(schemas|headers)\/(\w+)$/.exec(ref) ?? [];
      expect(kind, ref).toBeDefined();
      expect(document.components[kind as "schemas" | "headers"][name!]).toBeDefined();
    }
    for (const schema of Object.values(schemas)) {
      expect(schema).not.toHaveProperty("$schema");
      expect(schema).not.toHaveProperty("$id");
    }
  });

  it("matches what the API really answers for a connection", () => {
    const row = {
      id: "conn_1",
      workspaceId: "ws_1",
      endUserId: "user-1",
      endUserEmail: null,
      endUserDisplayName: "Ada",
      clientId: "cid",
      siteCloudId: "cloud-1",
      siteName: "Acme",
      siteUrl: "https://acme.atlassian.net",
      scopes: "read:jira-work",
      status: "failing",
      lastCheckedAt: new Date(),
      lastErrorCode: "invalid_credentials",
      lastErrorMessage: "Atlassian refused the credential.",
      accessTokenExpiresAt: null,
      createdAt: new Date(),
      updatedAt: new Date(),
      revokedAt: null,
      searchText: "",
    };
    expect(connectionSchema.safeParse(toApiConnection(row)).success).toBe(true);
    expect(
      connectionSchema.safeParse(
        toApiConnection({ ...row, lastCheckedAt: null, lastErrorCode: null }),
      ).success,
    ).toBe(true);
  });
});
