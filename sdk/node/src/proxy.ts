import { isLatchErrorBody, latchErrorFrom } from "./errors.js";
import type { BodyInit, HeadersInit, Query, Transport } from "./transport.js";
import type { Connection } from "./types.js";

/** The products the proxy forwards to: those a Connection's `products` can name. */
export type ProxyProduct = Connection["products"][number];
export type ProxyMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export type ProxyRequest = {
  product: ProxyProduct;
  /** Default GET. */
  method?: ProxyMethod;
  /**
   * The path under the product's REST base, e.g. `rest/api/3/myself` (a leading `/` is fine).
   * Sent as written: encode a segment holding reserved characters yourself.
   */
  path: string;
  query?: Query;
  /** A plain object or array is sent as JSON; a string, bytes, Blob, form or stream as is. */
  body?: unknown;
  /** Sent on to Atlassian where Latch's allow-list permits (Accept, Content-Type, If-Match…). */
  headers?: HeadersInit;
  signal?: AbortSignal;
};

/**
 * Calls Atlassian through Latch and answers Atlassian's own response, whatever its status: a 404
 * or 429 from Jira is a Response to read, not an exception. Only Latch's own refusals (a path it
 * will not forward, an unknown or revoked connection, its rate limit, no answer) throw LatchError.
 */
export async function proxyRequest(
  transport: Transport,
  connectionId: string,
  request: ProxyRequest,
): Promise<Response> {
  const path = request.path.replace(/^\/+/, "");
  if (/[?#]/.test(path)) {
    throw new TypeError("proxy: put the query string in `query`, not in `path`.");
  }
  // fetch resolves dot segments before sending: "../../" would reach another of Latch's own
  // routes (DELETE …/proxy/jira/../.. is a revoke), so they never leave this process.
  if (path.split("/").some((segment) => /^(\.|%2e){1,2}$/i.test(segment))) {
    throw new TypeError("proxy: path may not hold . or .. segments.");
  }
  const headers = new Headers(request.headers);
  const body = encodeBody(request.body, headers);
  return transport.send(
    {
      method: request.method ?? "GET",
      path: `/api/v1/connections/${encodeURIComponent(connectionId)}/proxy/${encodeURIComponent(request.product)}/${path}`,
      query: request.query,
      headers,
      body,
      signal: request.signal,
      timeoutCoversHeadersOnly: true,
    },
    upstreamOrThrow,
  );
}

/**
 * Tells Atlassian's answers from Latch's own. Latch's are JSON `{"error":{"code","message"}}`
 * with a snake_case code, a shape none of Atlassian's REST APIs use (Jira answers
 * `errorMessages`, Confluence `errors`, the gateway `{"code":401,"message"}`). Only a non-2xx
 * JSON answer is read to check; any other answer streams to the caller untouched.
 */
async function upstreamOrThrow(response: Response): Promise<Response> {
  if (response.ok || !isJson(response.headers.get("content-type"))) return response;
  const bytes = new Uint8Array(await response.arrayBuffer());
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    parsed = undefined;
  }
  if (isLatchErrorBody(parsed)) throw latchErrorFrom(response, parsed);
  // Atlassian's error, read for the check: handed on as an unread Response of the same bytes.
  return new Response(bytes, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

function isJson(contentType: string | null): boolean {
  return contentType !== null && /^application\/([\w.+-]*\+)?json\b/i.test(contentType.trim());
}

function encodeBody(body: unknown, headers: Headers): BodyInit | undefined {
  if (body === undefined || body === null) return undefined;
  if (
    typeof body === "string" ||
    body instanceof ArrayBuffer ||
    ArrayBuffer.isView(body) ||
    body instanceof Blob ||
    body instanceof FormData ||
    body instanceof URLSearchParams ||
    body instanceof ReadableStream
  ) {
    return body as BodyInit;
  }
  if (!headers.has("content-type")) headers.set("content-type", "application/json");
  return JSON.stringify(body);
}
