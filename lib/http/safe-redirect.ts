const BASE = "http://latch.invalid";

/**
 * Only same-site paths may be redirect targets after sign-in: "/x", never "//evil", "/\t/evil"
 * (browsers drop tabs) or "https://…". The path is resolved as a browser would and must stay on
 * the same origin.
 */
export function safeNextPath(next: unknown, fallback = "/connections"): string {
  if (typeof next !== "string" || !next.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(next)) {
    return fallback;
  }
  try {
    const url = new URL(next, BASE);
    return url.origin === BASE ? `${url.pathname}${url.search}` : fallback;
  } catch {
    return fallback;
  }
}
