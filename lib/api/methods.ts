import { apiError } from "./respond";

/** The methods a Next.js route file can export a handler for. */
export const ROUTE_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type RouteMethod = (typeof ROUTE_METHODS)[number];
/** The methods a path has, as its route file exports them (HEAD and OPTIONS come with them). */
export type PathMethod = Exclude<RouteMethod, "HEAD" | "OPTIONS">;

type OtherMethod<A extends PathMethod> = Exclude<
  RouteMethod,
  A | ("GET" extends A ? "HEAD" : never)
>;
type Handler = (request: Request) => Response;

/** What a path answers to, as the Allow header lists it: `GET, HEAD, OPTIONS`. */
export function allowedMethods(methods: readonly PathMethod[]): string {
  const allowed = new Set<RouteMethod>([...methods, "OPTIONS"]);
  // Next answers HEAD with the GET handler, without its body.
  if (allowed.has("GET")) allowed.add("HEAD");
  return ROUTE_METHODS.filter((method) => allowed.has(method)).join(", ");
}

/**
 * Handlers for every method a path does not have, for its route file to export:
 *
 *   export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods(["GET"]);
 *
 * Without them Next answers 405 with an empty body and no Allow header; with them the answer is
 * the API's error shape, `405 method_not_allowed`, with `Allow`. OPTIONS answers 204 with
 * `Allow` (Next's own would list these handlers as methods the path has).
 */
export function otherMethods<const A extends readonly PathMethod[]>(
  methods: A,
): Record<OtherMethod<A[number]>, Handler> {
  const allow = allowedMethods(methods);
  const notAllowed: Handler = (request) =>
    apiError(
      405,
      "method_not_allowed",
      `${request.method} is not a method of this path. It answers to ${allow}.`,
      { allow },
    );
  const handlers: Partial<Record<RouteMethod, Handler>> = {
    OPTIONS: () => new Response(null, { status: 204, headers: { allow } }),
  };
  for (const method of ROUTE_METHODS) {
    if (!allow.split(", ").includes(method)) handlers[method] = notAllowed;
  }
  return handlers as Record<OtherMethod<A[number]>, Handler>;
}
