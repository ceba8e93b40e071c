import type {
  OpenApiHeader,
  OpenApiOperation,
  OpenApiParameter,
  OpenApiResponse,
} from "./openapi-types";
import { PROXY_METHODS } from "./proxy-methods";

const headerRef = (id: string) => ({ $ref: `#/components/headers/${id}` });
/**
 * Latch's own error, or Atlassian's answer with the same status passed on as Atlassian sent it:
 * a proxied call can answer anything, and the document must not promise otherwise.
 */
const errorOrPassedOn = {
  anyOf: [
    { $ref: "#/components/schemas/Error" },
    { description: "Atlassian's own answer with this status, passed on unchanged." },
  ],
};
const error = (description: string, headers?: OpenApiResponse["headers"]): OpenApiResponse => ({
  description,
  ...(headers ? { headers } : {}),
  content: { "application/json": { schema: errorOrPassedOn } },
});

/** The proxy's own response headers, for components.headers. */
export const PROXY_HEADERS = {
  Allow: {
    description: "The methods the proxy forwards.",
    required: true,
    schema: { type: "string" },
  },
} satisfies Record<string, OpenApiHeader>;

/** Tell Latch's answers from Atlassian's by the `error` object. */
const PASSED_ON =
  "Atlassian's own answers with this status are passed on unchanged; Latch's have the error shape.";

const PARAMETERS: OpenApiParameter[] = [
  {
    name: "id",
    in: "path",
    required: true,
    description: "The connection's id.",
    schema: { type: "string" },
  },
  {
    name: "product",
    in: "path",
    required: true,
    description:
      "The product's API to call; one the connection's site serves (Connection.products).",
    schema: { type: "string", enum: ["jira", "confluence"] },
  },
  {
    name: "path",
    in: "path",
    required: true,
    description:
      "The rest of the Atlassian path, slashes included, sent as is: rest/api/3/myself, wiki/rest/api/content. The query string is forwarded as sent too. Refused with 400 before anything is sent: . or .. segments, encoded slashes or backslashes in any encoding (%2f, %252f, %5c), empty segments (//), a URL in place of a path.",
    schema: { type: "string" },
  },
];

function operation(method: (typeof PROXY_METHODS)[number], bodyLimit: string): OpenApiOperation {
  const hasBody = method === "POST" || method === "PUT" || method === "PATCH";
  return {
    operationId: `proxy${method[0]}${method.slice(1).toLowerCase()}`,
    summary: `Call Atlassian (${method})`,
    description: `Forwards ${method} to {ATLASSIAN_API_URL}/ex/{product}/{cloud_id}/{path} with the connection's access token (renewed as needed). Only Accept, Accept-Language, Content-Type, Content-Language, If-Match, If-None-Match, If-Modified-Since, If-Unmodified-Since, X-Atlassian-Token, X-ExperimentalApi and X-Force-Accept-Language are forwarded; never Authorization, cookies or X-Forwarded-*. A 401 from Atlassian renews the token and sends once more; a 429 or 503 naming its wait is retried for GET, PUT and DELETE within 10 seconds. Methods other than GET, POST, PUT, PATCH and DELETE answer 405 method_not_allowed with Allow.`,
    tags: ["Proxy"],
    parameters: PARAMETERS,
    ...(hasBody
      ? {
          requestBody: {
            required: false,
            description: `Sent to Atlassian as is, streamed, at most ${bodyLimit} (PROXY_BODY_LIMIT).`,
            content: { "*/*": { schema: {} } },
          },
        }
      : {}),
    responses: {
      default: {
        description:
          "Atlassian's answer, streamed: its status and body, with Content-Type, Retry-After, X-RateLimit-*, RateLimit-Reason and X-AREQUESTID (and ETag, Last-Modified, Location, Content-Disposition, Content-Language).",
        content: { "*/*": { schema: {} } },
      },
      "400": error(
        `invalid_proxy_path (the path could leave the site's API, or names no product) or product_not_served (the site does not serve that product). Nothing was sent. ${PASSED_ON}`,
      ),
      "401": error(
        "unauthorized: the API key is missing, malformed, unknown or revoked. (A 401 from Atlassian for a scope the credential lacks is passed on as Atlassian sent it.)",
        { "WWW-Authenticate": headerRef("WWWAuthenticate") },
      ),
      "404": error(`connection_not_found. ${PASSED_ON}`),
      "409": error(
        "connection_revoked, or connection_failing: Atlassian refused the credential, or refused a freshly issued token twice (the connection is now failing, its webhook sent). Nothing more is sent until a Test passes.",
      ),
      ...(hasBody
        ? {
            "413": error(
              `body_too_large: the body is over ${bodyLimit} (PROXY_BODY_LIMIT), counted as it arrives, declared or not. Nothing complete was sent. The connection is closed after this answer.`,
            ),
          }
        : {}),
      "429": error(
        `rate_limited: this API key made more than API_RATE_LIMIT requests this minute; or atlassian_rate_limited: Atlassian is limiting requests to the site, and Latch answers at once until its wait is over. Retry-After says when to try again. ${PASSED_ON}`,
        { "Retry-After": headerRef("RetryAfter") },
      ),
      "502": error(`atlassian_unavailable: Atlassian could not be reached. ${PASSED_ON}`),
      "503": error(
        `Atlassian could not renew the token just now, or token_renewed: a refused token was renewed but a streamed body cannot be sent twice. Retry after Retry-After. ${PASSED_ON}`,
        { "Retry-After": headerRef("RetryAfter") },
      ),
      "504": error(
        `atlassian_timeout: no answer from Atlassian within PROXY_TIMEOUT. ${PASSED_ON}`,
      ),
    },
  };
}

/** The proxy's path item: one operation per method it forwards. */
export function proxyPathItem(bodyLimit: string) {
  return Object.fromEntries(
    PROXY_METHODS.map((method) => [method.toLowerCase(), operation(method, bodyLimit)]),
  );
}
