import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { WorkspaceScope } from "../scope";
import { logger } from "../log";
import { andThen, isPromise, type MaybePromise } from "../maybe-promise";
import { clientIp } from "../http/request-ip";
import { getEnv } from "../env";
import { workspaceForApiKey } from "../api-keys/authenticate-api-key";
import { connectionNotFound } from "./connection-answers";
import { hitApiKeyLimit } from "./key-rate-limit";
import { logFieldsOf } from "./log-fields";
import { API_BODY_LIMIT_BYTES, readBodyWithin } from "./read-body";
import { apiError, invalidRequest } from "./respond";

/** The API key's workspace, acting as that key (for the audit log), plus the request's id. */
export type ApiContext = WorkspaceScope & { requestId: string };

type Handler<P> = (request: Request, context: ApiContext, params: P) => MaybePromise<Response>;

/**
 * Wraps a tenant API handler: authenticates the API key (the workspace comes from the key and
 * nowhere else), logs one line per request, and turns an unexpected crash into a generic 500
 * without its details.
 */
export function apiRoute<P = Record<string, never>>(handler: Handler<P>) {
  return async (request: Request, routeContext: { params: Promise<P> }): Promise<Response> => {
    const started = performance.now();
    const requestId = randomUUID();
    let response: Response;
    let workspaceId: string | undefined;
    try {
      const key = /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "")?.[1] ?? null;
      // Each step is awaited only when pending: on SQLite a cached token is served without a
      // promise of its own (lib/maybe-promise.ts).
      const pendingAuth = workspaceForApiKey(key);
      const auth = isPromise(pendingAuth) ? await pendingAuth : pendingAuth;
      const pendingLimit = auth && overLimit(auth.keyId);
      const limited = isPromise(pendingLimit) ? await pendingLimit : pendingLimit;
      if (!auth) {
        response = apiError(
          401,
          "unauthorized",
          "Send a valid API key as 'Authorization: Bearer latch_sk_…'. Keys are created in the dashboard settings.",
          { "www-authenticate": 'Bearer realm="latch"' },
        );
      } else if (limited) {
        workspaceId = auth.workspaceId;
        response = apiError(
          429,
          "rate_limited",
          `This API key made more than ${limited.limit} requests this minute. Retry in ${limited.retryAfterSeconds} seconds.`,
          { "retry-after": String(limited.retryAfterSeconds) },
        );
      } else {
        workspaceId = auth.workspaceId;
        const params = await routeContext.params;
        const scope: ApiContext = {
          workspaceId: auth.workspaceId,
          actor: { type: "api_key", id: auth.keyId, label: `${auth.prefix}…` },
          ip: clientIp(request.headers),
          requestId,
        };
        // Path ids are ours (`conn_…`); anything else cannot exist, and is never sent to the
        // database (PostgreSQL refuses a NUL in text outright).
        const answer = Object.values(params ?? {}).every(isIdShaped)
          ? handler(request, scope, params)
          : connectionNotFound();
        response = isPromise(answer) ? await answer : answer;
      }
    } catch (error) {
      logger.error(
        { requestId, method: request.method, path: pathOf(request), err: error },
        "api request crashed",
      );
      response = apiError(
        500,
        "internal_error",
        `Something went wrong on our side. Try again; if it persists, quote request ${requestId}.`,
      );
    }
    response.headers.set("x-request-id", requestId);
    // The line is built only when it will be written (LOG_LEVEL=warn silences it).
    if (logger.isLevelEnabled("info")) {
      logger.info(
        {
          requestId,
          method: request.method,
          path: pathOf(request),
          status: response.status,
          workspaceId,
          durationMs: Math.round((performance.now() - started) * 100) / 100,
          ...logFieldsOf(response),
        },
        "api request",
      );
    }
    return response;
  };
}

function pathOf(request: Request): string {
  return new URL(request.url).pathname;
}

function isIdShaped(value: unknown): boolean {
  return typeof value !== "string" || /^[A-Za-z0-9_-]{1,100}$/.test(value);
}

/** The key's limit and when to retry, when it has used up its requests for this minute. */
function overLimit(
  keyId: string,
): MaybePromise<{ limit: number; retryAfterSeconds: number } | null> {
  const limit = getEnv().API_RATE_LIMIT;
  if (limit === null) return null;
  return andThen(hitApiKeyLimit(keyId, limit), (result) =>
    result.allowed ? null : { limit, retryAfterSeconds: result.retryAfterSeconds },
  );
}

/**
 * Reads and validates a JSON body: answers a 400 Response for bad JSON or fields, and a 413 as
 * soon as the body passes 64 KB, counted as it arrives (lib/api/read-body.ts), whatever
 * Content-Length says or leaves out.
 */
export async function readJsonBody<S extends z.ZodType>(
  request: Request,
  schema: S,
): Promise<{ ok: true; value: z.output<S> } | { ok: false; response: Response }> {
  const bytes = await readBodyWithin(request, API_BODY_LIMIT_BYTES);
  if (!bytes) return { ok: false, response: bodyTooLarge() };
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return {
      ok: false,
      response: apiError(400, "invalid_json", "The request body is not valid JSON."),
    };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return { ok: false, response: invalidRequest(parsed.error) };
  return { ok: true, value: parsed.data };
}

/**
 * The rest of the body is never read: `Connection: close` ends the connection after this answer
 * (server.ts lets the client read it first, lib/server/body-limit.ts), instead of keeping it
 * open for a body nobody wants.
 */
export function bodyTooLarge(): Response {
  return apiError(
    413,
    "body_too_large",
    `The request body is larger than ${API_BODY_LIMIT_BYTES / 1024} KB.`,
    { connection: "close" },
  );
}
