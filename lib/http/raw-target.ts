/**
 * The request target exactly as it arrived on the wire (`/a/%2e%2e/b?x`), for handlers that must
 * judge what the client sent rather than what a URL parser made of it: building a Request
 * resolves dot segments and turns `\` into `/`. server.ts records it for the requests it hands
 * to route handlers itself; behind Next there is none, and the parsed URL is all there is.
 */
const targets = new WeakMap<Request, string>();

export function recordRawTarget(request: Request, target: string): Request {
  targets.set(request, target);
  return request;
}

export function rawTargetOf(request: Request): string {
  const raw = targets.get(request);
  if (raw !== undefined) return raw;
  const url = new URL(request.url);
  return `${url.pathname}${url.search}`;
}
