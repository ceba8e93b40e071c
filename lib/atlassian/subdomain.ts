const SUBDOMAIN = /^[a-z0-9](?:[a-z0-9-]{1,61}[a-z0-9])$/;

/**
 * Normalises what a person types as their site's subdomain: `acme`, `acme.atlassian.net` and
 * `https://acme.atlassian.net/…` all become `acme`. Anything else is null, and nothing is sent
 * upstream for it.
 */
export function normalizeSubdomain(input: string): string | null {
  let text = input.trim().toLowerCase();
  text = text.replace(/^https?:\/\//, "");
  text = text.replace(/[/?#].*$/, "");
  text = text.replace(/\.atlassian\.net\.?$/, "");
  if (text.length < 3 || !SUBDOMAIN.test(text) || text.includes("--")) return null;
  return text;
}

/** The first label of a site URL's host: `acme` for https://acme.atlassian.net. */
export function siteSubdomain(siteUrl: string): string | null {
  try {
    return new URL(siteUrl).hostname.toLowerCase().split(".")[0] ?? null;
  } catch {
    return null;
  }
}
