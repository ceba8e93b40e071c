import "server-only";
import { rawTargetOf } from "../http/raw-target";
import { forwardRequest } from "../proxy/forward-request";
import { allowedMethods, type PathMethod } from "./methods";
import { apiError } from "./respond";
import { apiRoute } from "./route";

/** The methods the proxy forwards (PRODUCT.md). */
export const PROXY_METHODS = [
  "GET",
  "POST",
  "PUT",
  "PATCH",
  "DELETE",
] as const satisfies readonly PathMethod[];

const PROXY_TARGET = /^\/api\/v1\/connections\/[^/?]+\/proxy(\/[^?]*)?(?:\?([\s\S]*))?$/;

const forward = apiRoute<{ id: string }>((request, scope, { id }) => {
  // The target as sent, not as parsed: the path is judged (and forwarded) byte for byte.
  const match = PROXY_TARGET.exec(rawTargetOf(request));
  return forwardRequest(request, scope, id, { path: match?.[1] ?? "", query: match?.[2] ?? "" });
});

/**
 * The proxy's handler for every method it forwards. Only the connection id is a parameter of
 * the key's route (lib/api/route.ts checks that ids look like ids); the rest of the path is
 * read from the request itself.
 */
export function proxyHandler(
  request: Request,
  context: { params: Promise<{ id: string }> },
): Promise<Response> {
  return forward(request, { params: context.params.then(({ id }) => ({ id })) });
}

const ALLOW = allowedMethods(PROXY_METHODS);

/** Any method the proxy does not forward (TRACE, a made-up one): 405 in the API's shape. */
export function proxyMethodNotAllowed(method: string): Response {
  return apiError(
    405,
    "method_not_allowed",
    `${method} is not a method of the proxy. It answers to ${ALLOW}.`,
    { allow: ALLOW },
  );
}
