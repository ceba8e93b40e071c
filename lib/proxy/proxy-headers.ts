/**
 * What crosses the proxy, both ways, by allow-list: a header not named here is dropped, so the
 * caller's Authorization (their Latch API key), cookies, X-Forwarded-* and whatever else a
 * client or load balancer adds never reach Atlassian, and Atlassian's cookies and internal
 * headers never reach the caller.
 */
const REQUEST_HEADERS = [
  "accept",
  "accept-language",
  "content-type",
  "content-language",
  "if-match",
  "if-none-match",
  "if-modified-since",
  "if-unmodified-since",
  // Atlassian's own: XSRF opt-out for attachments, experimental APIs, forced locale.
  "x-atlassian-token",
  "x-experimentalapi",
  "x-force-accept-language",
];

/**
 * The PRODUCT.md list (Content-Type, Retry-After, X-RateLimit-*, RateLimit-Reason, X-AREQUESTID),
 * plus the ones a caller needs to use an answer: validators for If-Match / If-None-Match,
 * Location of a created resource, an attachment's file name.
 */
const RESPONSE_HEADERS = new Set([
  "content-type",
  "content-disposition",
  "content-language",
  "etag",
  "last-modified",
  "location",
  "retry-after",
  "ratelimit-reason",
  "x-arequestid",
]);

export function forwardedRequestHeaders(incoming: Headers, accessToken: string): Headers {
  const headers = new Headers();
  for (const name of REQUEST_HEADERS) {
    const value = incoming.get(name);
    if (value !== null) headers.set(name, value);
  }
  headers.set("authorization", `Bearer ${accessToken}`);
  headers.set("user-agent", "Latch-Proxy");
  return headers;
}

export function passedResponseHeaders(upstream: Headers): Headers {
  const headers = new Headers();
  upstream.forEach((value, name) => {
    if (RESPONSE_HEADERS.has(name) || name.startsWith("x-ratelimit-")) headers.set(name, value);
  });
  // Never cached by a shared cache: the answer is one workspace's data.
  headers.set("cache-control", "private, no-store");
  return headers;
}
