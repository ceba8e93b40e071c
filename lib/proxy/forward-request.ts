import "server-only";
import { AtlassianError } from "../atlassian/errors";
import { callGateway } from "../atlassian/gateway";
import { metrics } from "../metrics/registry";
import { retryAfterMs } from "../atlassian/retry-after";
import { tokenFailureAnswer } from "../api/connection-answers";
import { withLogFields } from "../api/log-fields";
import { formatSize } from "../api/openapi-settings";
import { apiError } from "../api/respond";
import { getAccessToken } from "../connections/get-access-token";
import { recordGatewayRefusal } from "../connections/record-gateway-refusal";
import { getEnv } from "../env";
import { isPromise } from "../maybe-promise";
import type { WorkspaceScope } from "../scope";
import { parseProxyPath, upstreamUrl, type ProxyTarget } from "./parse-proxy-path";
import { forwardedRequestHeaders, passedResponseHeaders } from "./proxy-headers";
import { prepareBody } from "./request-body";
import { DEFAULT_LIMIT_MS, limitSite, siteLimitedFor } from "./site-rate-limits";

/** Retries of a 429 or 503 that names its wait: at most this many, all within the budget. */
const MAX_RETRIES = 2;
const RETRY_BUDGET_MS = 10_000;
/** Retried only when sending again cannot do a thing twice (RFC 9110 §9.2.2). */
const IDEMPOTENT = new Set(["GET", "HEAD", "PUT", "DELETE", "OPTIONS"]);
/** Statuses whose answers have no body (a Response refuses one). */
const NO_BODY = new Set([204, 205, 304]);
/** The most of a 401's body read to tell a missing scope from a refused token. */
const REFUSAL_BODY_BYTES = 16 * 1024;

/**
 * Forwards one tenant request to Atlassian's gateway as `{api}/ex/{product}/{cloudId}{path}`,
 * with the connection's token (renewed as needed) and the caller's query, body and allowed
 * headers, and answers Atlassian's status, body and allowed headers as they arrive. Latch
 * answers itself, sending nothing, when the path could leave that prefix (400), the connection
 * cannot be used (404/409/503), the site is rate-limited (429) or the body is too large (413).
 *
 * Faults: a 401 renews the token once and sends again; a second one marks the connection
 * failing (a missing scope, which Atlassian also answers 401, is passed on instead). A 429 or
 * 503 naming its wait is retried for idempotent methods within a small budget; a 429 also marks
 * the site limited for everyone until the wait is over.
 */
export async function forwardRequest(
  request: Request,
  scope: WorkspaceScope,
  connectionId: string,
  raw: { path: string; query: string },
): Promise<Response> {
  const started = performance.now();
  const parsed = parseProxyPath(raw.path, raw.query);
  if (!parsed.ok) return apiError(400, "invalid_proxy_path", parsed.message);
  const { target } = parsed;
  const pending = getAccessToken(scope, connectionId);
  const first = isPromise(pending) ? await pending : pending;
  if (!first.ok) return tokenFailureAnswer(first);
  let token = first.token;
  if (!token.products.includes(target.product)) {
    return apiError(
      400,
      "product_not_served",
      `This connection's site serves ${token.products.join(" and ")}, not ${target.product} (read from its scopes). Use /proxy/${token.products[0]}/….`,
    );
  }
  const limitedMs = siteLimitedFor(token.cloudId);
  if (limitedMs > 0) return siteLimited(limitedMs, target);
  const { apiUrl, timeoutMs, bodyLimit } = proxyConfig();
  const url = upstreamUrl(apiUrl, token.cloudId, target);
  if (!url)
    return apiError(400, "invalid_proxy_path", "The path does not stay under the site's API.");
  const body = await prepareBody(request, bodyLimit);
  if (body.kind === "too_large") return bodyTooLarge(bodyLimit);

  const log = { product: target.product, upstreamPath: loggedPath(target), attempts: 0 };
  let renewed = false;
  let retries = 0;
  for (;;) {
    log.attempts += 1;
    let upstream: Response;
    const calledAt = performance.now();
    try {
      upstream = await callGateway({
        url,
        method: request.method,
        headers: forwardedRequestHeaders(request.headers, token.accessToken),
        body: body.kind === "none" ? null : body.kind === "held" ? body.bytes : body.stream,
        timeoutMs,
      });
    } catch (error) {
      observeProxyCall(calledAt, "error");
      if (body.kind === "streamed" && body.overLimit()) return bodyTooLarge(bodyLimit);
      if (!(error instanceof AtlassianError)) throw error;
      return withLogFields(gatewayUnreachable(error), log);
    }
    const status = upstream.status;
    // Until the status line and headers: a streamed body's time is the caller's reading.
    observeProxyCall(calledAt, status >= 500 ? "error" : "ok");
    Object.assign(log, {
      upstreamStatus: status,
      atlassianRequestId: upstream.headers.get("x-arequestid") ?? undefined,
    });
    const replayable = body.kind !== "streamed";

    if (status === 401) {
      const refusal = await readSmall(upstream);
      // Atlassian answers a call the credential lacks a scope for with 401 too; that is the
      // caller's to fix, and no reason to renew or to fail the connection.
      if (/scope/i.test(refusal.text)) return withLogFields(passOn(upstream, refusal.bytes), log);
      if (renewed) {
        const failure = await recordGatewayRefusal(
          scope,
          connectionId,
          performance.now() - started,
        );
        return withLogFields(apiError(409, "connection_failing", failure.message), log);
      }
      renewed = true;
      const next = await getAccessToken(scope, connectionId, { rejected: token.accessToken });
      if (!next.ok) return withLogFields(tokenFailureAnswer(next), log);
      token = next.token;
      if (!replayable) return withLogFields(renewedSendAgain(), log);
      continue;
    }

    if (status === 429 || status === 503) {
      const waitMs = retryAfterMs(upstream.headers);
      if (status === 429) limitSite(token.cloudId, waitMs ?? DEFAULT_LIMIT_MS);
      const elapsed = performance.now() - started;
      const retry =
        waitMs !== null &&
        replayable &&
        IDEMPOTENT.has(request.method) &&
        retries < MAX_RETRIES &&
        elapsed + waitMs <= RETRY_BUDGET_MS;
      if (retry) {
        retries += 1;
        await upstream.body?.cancel();
        await new Promise((resolve) => setTimeout(resolve, waitMs));
        continue;
      }
      const answer = passOn(upstream);
      // Always a number of seconds for the caller, whichever header Atlassian used.
      if (waitMs !== null) answer.headers.set("retry-after", String(Math.ceil(waitMs / 1000)));
      return withLogFields(answer, log);
    }
    return withLogFields(passOn(upstream), log);
  }
}

function proxyConfig() {
  const env = getEnv();
  return {
    apiUrl: env.ATLASSIAN_API_URL,
    timeoutMs: env.proxyTimeoutMs,
    bodyLimit: env.proxyBodyLimitBytes,
  };
}

/** Atlassian's answer as it arrives, with only the headers a caller needs. */
function passOn(upstream: Response, body?: Uint8Array): Response {
  const headers = passedResponseHeaders(upstream.headers);
  if (NO_BODY.has(upstream.status)) {
    void upstream.body?.cancel();
    return new Response(null, { status: upstream.status, headers });
  }
  return new Response((body as BodyInit | undefined) ?? upstream.body, {
    status: upstream.status,
    headers,
  });
}

/** The first bytes of a small answer (a 401's), as bytes to pass on and as text to read. */
async function readSmall(upstream: Response): Promise<{ bytes: Uint8Array; text: string }> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (upstream.body) {
    const reader = upstream.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
      if (size > REFUSAL_BODY_BYTES) {
        await reader.cancel();
        break;
      }
    }
  }
  const bytes = Buffer.concat(chunks);
  return { bytes, text: bytes.toString("utf8") };
}

function siteLimited(ms: number, target: ProxyTarget): Response {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  metrics().rateLimitRefusals.inc({ limiter: "atlassian_site" });
  return withLogFields(
    apiError(
      429,
      "atlassian_rate_limited",
      `Atlassian is limiting requests to this site. Latch holds further calls back; retry in ${seconds} seconds.`,
      { "retry-after": String(seconds) },
    ),
    { product: target.product, upstreamPath: loggedPath(target), shortCircuit: true },
  );
}

function bodyTooLarge(limit: number): Response {
  return apiError(
    413,
    "body_too_large",
    `The request body is larger than the proxy's ${formatSize(limit)} (PROXY_BODY_LIMIT); Atlassian never got the request whole.`,
    // The rest of the body is not read: the connection ends after this answer.
    { connection: "close" },
  );
}

function gatewayUnreachable(error: AtlassianError): Response {
  return error.code === "timeout"
    ? apiError(
        504,
        "atlassian_timeout",
        "Atlassian did not answer in time (PROXY_TIMEOUT). Try again; it may have done what was asked.",
      )
    : apiError(502, "atlassian_unavailable", "Atlassian could not be reached. Try again shortly.");
}

function renewedSendAgain(): Response {
  return apiError(
    503,
    "token_renewed",
    "Atlassian refused the cached token and Latch has renewed it, but a body this large is streamed and cannot be sent twice. Send the request again.",
    { "retry-after": "1" },
  );
}

/** For the log: the path, and the query's parameter names without their values. */
function loggedPath(target: ProxyTarget): string {
  if (!target.query) return target.path;
  const names = [...new URLSearchParams(target.query).keys()];
  return `${target.path}?${[...new Set(names)].join("&")}`;
}

function observeProxyCall(calledAt: number, outcome: "ok" | "error"): void {
  const seconds = (performance.now() - calledAt) / 1000;
  metrics().upstreamDuration.observe({ endpoint: "proxy", outcome }, seconds);
}
