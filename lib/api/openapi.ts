import { API_BODY_LIMIT_BYTES } from "./read-body";
import { componentSchemas, queryParameters } from "./openapi-schemas";
import { PROXY_HEADERS, proxyPathItem } from "./openapi-proxy";
import type {
  JsonSchema,
  OpenApiDocument,
  OpenApiHeader,
  OpenApiHeaderRef,
  OpenApiParameter,
  OpenApiResponse,
} from "./openapi-types";

export * from "./openapi-types";

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const json = (
  description: string,
  schema: JsonSchema,
  headers?: Record<string, OpenApiHeaderRef>,
): OpenApiResponse => ({
  description,
  ...(headers ? { headers } : {}),
  content: { "application/json": { schema } },
});
const error = (description: string, headers?: Record<string, OpenApiHeaderRef>) =>
  json(description, ref("Error"), headers);

/** The response headers the API declares, in components.headers. */
const HEADERS = {
  RetryAfter: {
    description: "Seconds to wait before trying again.",
    required: true,
    schema: { type: "string", pattern: "^[0-9]+$" },
  },
  WWWAuthenticate: {
    description: "How to authenticate: with a bearer token (an API key).",
    required: true,
    schema: { type: "string", const: 'Bearer realm="latch"' },
  },
  RequestId: {
    description:
      "This request's id, as the server's log line names it; quote it when asking about an answer.",
    required: true,
    schema: { type: "string", format: "uuid" },
  },
} satisfies Record<string, OpenApiHeader>;
const header = (id: keyof typeof HEADERS): OpenApiHeaderRef => ({
  $ref: `#/components/headers/${id}`,
});

const UNAUTHORIZED = error("unauthorized: the API key is missing, malformed, unknown or revoked.", {
  "WWW-Authenticate": header("WWWAuthenticate"),
});
const RATE_LIMITED = error(
  "rate_limited: this API key made more than API_RATE_LIMIT requests this minute; the message and Retry-After say when to try again.",
  { "Retry-After": header("RetryAfter") },
);
const NOT_FOUND = error(
  "connection_not_found: no connection with this id in the key's workspace (another workspace's id answers the same).",
);
const ID_PARAMETER: OpenApiParameter = {
  name: "id",
  in: "path",
  required: true,
  description: "The connection's id.",
  schema: { type: "string" },
};

/**
 * The OpenAPI 3.1 document of the tenant API, generated from the zod schemas the routes
 * validate with (requests) and the API's answers are held to (responses). Pure: the public URL
 * comes in as an argument.
 */
export function buildOpenApiDocument({
  publicUrl,
  proxyBodyLimit = "10 MB",
}: {
  publicUrl: string;
  /** PROXY_BODY_LIMIT, as the document states it. */
  proxyBodyLimit?: string;
}): OpenApiDocument {
  const schemas = componentSchemas();
  const document: OpenApiDocument = {
    openapi: "3.1.0",
    info: {
      title: "Latch API",
      version: "1",
      description:
        "Connect end users' Atlassian service accounts, list, test and revoke the connections, and fetch fresh Atlassian access tokens. JSON in snake_case; a key sees only its own workspace. A method a path does not have answers 405 method_not_allowed, with an Allow header naming the ones it does; OPTIONS answers 204 with Allow.",
    },
    servers: [{ url: publicUrl.replace(/\/+$/, "") }],
    security: [{ apiKey: [] }],
    tags: [
      { name: "Connect sessions", description: "Links that let one end user connect." },
      { name: "Connections", description: "Stored, encrypted credentials and their health." },
      {
        name: "Proxy",
        description: "Call Atlassian's REST APIs through Latch, which adds the connection's token.",
      },
      { name: "Health", description: "For load balancers and orchestrators." },
    ],
    paths: {
      "/api/v1/connect-sessions": {
        post: {
          operationId: "createConnectSession",
          summary: "Create a connect session",
          description:
            "Mints a short-lived token for one end user. Send them to connect_url, or open it with latch.js in your app.",
          tags: ["Connect sessions"],
          requestBody: {
            required: true,
            content: { "application/json": { schema: ref("CreateConnectSessionRequest") } },
          },
          responses: {
            "201": json("The session.", ref("ConnectSession")),
            "400": error("invalid_json or invalid_request: the message names each bad field."),
            "401": UNAUTHORIZED,
            "413": error(
              `body_too_large: the body is over ${API_BODY_LIMIT_BYTES / 1024} KB, counted as it arrives, declared or not. The connection is closed after this answer.`,
            ),
          },
        },
      },
      "/api/v1/connections": {
        get: {
          operationId: "listConnections",
          summary: "List connections",
          description: "Newest first, a page at a time.",
          tags: ["Connections"],
          parameters: queryParameters(),
          responses: {
            "200": json("A page of connections.", ref("ConnectionList")),
            "400": error("invalid_request (a bad parameter) or invalid_cursor."),
            "401": UNAUTHORIZED,
          },
        },
      },
      "/api/v1/connections/{id}": {
        get: {
          operationId: "getConnection",
          summary: "Get a connection",
          tags: ["Connections"],
          parameters: [ID_PARAMETER],
          responses: {
            "200": json("The connection.", ref("Connection")),
            "401": UNAUTHORIZED,
            "404": NOT_FOUND,
          },
        },
        delete: {
          operationId: "revokeConnection",
          summary: "Revoke a connection",
          description:
            "Erases the client secret and any cached token for good; the connection stays, with status revoked. Revoking again changes nothing.",
          tags: ["Connections"],
          parameters: [ID_PARAMETER],
          responses: {
            "200": json("The connection, with status revoked.", ref("Connection")),
            "401": UNAUTHORIZED,
            "404": NOT_FOUND,
          },
        },
      },
      "/api/v1/connections/{id}/test": {
        post: {
          operationId: "testConnection",
          summary: "Test a connection now",
          description:
            "Re-runs the token exchange and site lookup. A failure is an answer, not an error: the connection comes back failing, with last_error.",
          tags: ["Connections"],
          parameters: [ID_PARAMETER],
          responses: {
            "200": json("The connection, status and last_checked_at updated.", ref("Connection")),
            "401": UNAUTHORIZED,
            "404": NOT_FOUND,
            "409": error("connection_revoked: a revoked connection cannot be tested."),
          },
        },
      },
      "/api/v1/connections/{id}/access-token": {
        get: {
          operationId: "getAccessToken",
          summary: "Get an access token",
          description:
            "A valid Atlassian access token for calling the gateway at api_base_urls (one base per product the site serves; api_base_url is Jira's, or the only product's): the cached one while it has minutes left, otherwise a new one.",
          tags: ["Connections"],
          parameters: [ID_PARAMETER],
          responses: {
            "200": json("A token.", ref("AccessToken")),
            "401": UNAUTHORIZED,
            "404": NOT_FOUND,
            "409": error(
              "connection_revoked, or connection_failing: Atlassian refused the credential (the message says what to do).",
            ),
            "503": error(
              "Atlassian could not be reached or is limiting requests; retry after the Retry-After header.",
              { "Retry-After": header("RetryAfter") },
            ),
          },
        },
      },
      "/api/v1/connections/{id}/proxy/{product}/{path}": proxyPathItem(proxyBodyLimit),
      "/api/health": {
        get: {
          operationId: "health",
          summary: "Health",
          description: "Needs no key.",
          tags: ["Health"],
          security: [],
          responses: {
            "200": json("The database answers.", ref("Health")),
            "503": json("The database does not answer.", ref("Health")),
          },
        },
      },
    },
    components: {
      schemas,
      headers: { ...HEADERS, ...PROXY_HEADERS },
      securitySchemes: {
        apiKey: {
          type: "http",
          scheme: "bearer",
          description:
            "An API key from the dashboard settings: latch_sk_ followed by at least 32 characters.",
        },
      },
    },
  };
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item)) {
      if (operation.security?.length === 0) continue;
      // Every operation that takes a key: counted against its rate limit, answered with an id.
      operation.responses["429"] ??= RATE_LIMITED;
      for (const [status, response] of Object.entries(operation.responses)) {
        operation.responses[status] = {
          ...response,
          headers: { ...response.headers, "X-Request-Id": header("RequestId") },
        };
      }
    }
  }
  return document;
}
