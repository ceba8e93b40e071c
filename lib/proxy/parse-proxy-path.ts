import { isProduct, type Product } from "../atlassian/products";

export type ProxyTarget = { product: Product; path: string; query: string };
export type ProxyPathResult = { ok: true; target: ProxyTarget } | { ok: false; message: string };

/** How many layers of percent-encoding are peeled looking for a hidden `/`, `\` or `..`. */
const MAX_DECODINGS = 4;
/** A first segment such as `https:` would make the rest read as an absolute URL somewhere. */
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
// Controls, space, and what a URL parser would rewrite or cut (`#`, quotes, angle brackets…).
const UNSAFE_RAW = /[\u0000-\u0020\u007f"#<>`{}\\]/;

/**
 * The product and Atlassian path of a proxy request, from the raw path after `/proxy` exactly
 * as it arrived (e.g. `/jira/rest/api/3/myself`) and its raw query. Anything that could make
 * the upstream URL leave `/ex/{product}/{cloudId}/` once some parser decodes or normalises it is
 * refused: dot segments, slashes and backslashes in any layer of percent-encoding (`%2f`,
 * `%252f`, `%5c`), empty segments (`//`), a scheme as the first segment, controls. The path is
 * forwarded as sent, never re-encoded, so what passes here is what Atlassian receives.
 */
export function parseProxyPath(rawPath: string, rawQuery: string): ProxyPathResult {
  const match = /^\/([^/]*)(\/.*)?$/.exec(rawPath);
  const product = match?.[1] ?? "";
  if (!isProduct(product)) {
    return refuse(
      `Unknown product "${printable(product)}": the path is /proxy/jira/… or /proxy/confluence/….`,
    );
  }
  const path = match?.[2] ?? "";
  if (path.length < 2) {
    return refuse(`Name the Atlassian path after /proxy/${product}/, e.g. /rest/api/3/myself.`);
  }
  if (UNSAFE_RAW.test(path) || UNSAFE_RAW.test(rawQuery)) {
    return refuse("The path or query holds a character that must be percent-encoded.");
  }
  const segments = path.slice(1).split("/");
  if (segments.some((segment) => segment === "")) {
    return refuse("The path holds an empty segment (//); Atlassian paths have none.");
  }
  if (SCHEME.test(decodeAll(segments[0]!) ?? "")) {
    return refuse("The path must be an Atlassian path, not a URL.");
  }
  for (const segment of segments) {
    const decoded = decodeAll(segment);
    if (decoded === null) return refuse("The path holds a malformed percent-encoding.");
    if (decoded === "." || decoded === ".." || /[/\\\u0000-\u001f\u007f]/.test(decoded)) {
      return refuse(
        "The path may not hold . or .. segments, or encoded slashes or backslashes, in any encoding.",
      );
    }
  }
  return { ok: true, target: { product, path, query: rawQuery } };
}

/**
 * The segment with every layer of percent-encoding removed (`%252e` → `%2e` → `.`), or null when
 * its first layer is malformed. A deeper layer that does not decode is text, not an encoding.
 */
function decodeAll(segment: string): string | null {
  let current = segment;
  for (let i = 0; i < MAX_DECODINGS && current.includes("%"); i++) {
    try {
      current = decodeURIComponent(current);
    } catch {
      return i === 0 ? null : current;
    }
  }
  return current;
}

/**
 * The upstream URL, and a last check that no parser sees it elsewhere: once parsed, its origin
 * is the gateway's and its path is exactly the prefix plus the path as sent.
 */
export function upstreamUrl(apiUrl: string, cloudId: string, target: ProxyTarget): string | null {
  const prefix = `/ex/${target.product}/${encodeURIComponent(cloudId)}`;
  const base = new URL(apiUrl);
  const text = `${apiUrl}${prefix}${target.path}${target.query ? `?${target.query}` : ""}`;
  const parsed = URL.canParse(text) ? new URL(text) : null;
  if (!parsed || parsed.origin !== base.origin) return null;
  if (parsed.pathname !== `${base.pathname.replace(/\/$/, "")}${prefix}${target.path}`) return null;
  return text;
}

function refuse(message: string): ProxyPathResult {
  return { ok: false, message };
}

/** For messages: what the caller sent, without controls, and short. */
function printable(text: string): string {
  return text.replace(/[^\x21-\x7e]/g, "?").slice(0, 40);
}
