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
    // "/..//evil.com" resolves to the path "//evil.com" on our origin, which a browser then reads
    // as another host: a resolved path must not start with two slashes either.
    if (url.origin !== BASE || url.pathname.startsWith("//")) return fallback;
    return `${url.pathname}${url.search}`;
  } catch {
    return fallback;
  }
}
