import { SITE_DOMAINS } from "./site-domains";

const SUBDOMAIN = /^[a-z0-9](?:[a-z0-9-]{1,61}[a-z0-9])$/;
const SITE_DOMAIN_SUFFIX = new RegExp(
  String.raw`\.(?:${SITE_DOMAINS.map((domain) => domain.replaceAll(".", String.raw`\.`)).join("|")})\.?$`,
);

/**
 * Normalises what a person types as their site's subdomain: `acme`, `acme.atlassian.net`,
 * `https://acme.atlassian.net/…` and a Government Cloud site's `acme.atlassian-us-gov-mod.net`
 * all become `acme`. Anything else is null, and nothing is sent upstream for it.
 */
export function normalizeSubdomain(input: string): string | null {
  let text = input.trim().toLowerCase();
  text = text.replace(/^https?:\/\//, "");
  text = text.replace(/[/?#].*$/, "");
  text = text.replace(SITE_DOMAIN_SUFFIX, "");
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
