import { SITE_DOMAINS } from "./site-domains";

const SUBDOMAIN = /^[a-z0-9](?:[a-z0-9-]{1,61}[a-z0-9])$/;
const SITE_DOMAIN_SUFFIX = new RegExp(
  String.raw`\.(?:${SITE_DOMAINS.map((domain) => domain.replaceAll(".", String.raw`\.`)).join("|")})\.?$`,
);

const HOST_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const TOP_LEVEL_LABEL = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/**
 * Normalises what a person types as their site's subdomain: `acme`, `acme.atlassian.net`,
 * `https://acme.atlassian.net/…` and a Government Cloud site's `acme.atlassian-us-gov-mod.net`
 * all become `acme`. A site on its own domain, pasted as a full address (`https://jira.acme.com/…`),
 * becomes its host, `jira.acme.com`: the address bar is where such a person copies it from. A bare
 * `acme.example.com` is more likely a mistyped Atlassian address than a custom domain, and is
 * refused with advice. Anything else is null. Nothing typed here is ever sent upstream: it is only
 * matched against the sites Atlassian lists for the credential (lib/atlassian/choose-site.ts).
 */
export function normalizeSubdomain(input: string): string | null {
  let text = input.trim().toLowerCase();
  const pastedAddress = /^https?:\/\//.test(text);
  text = text.replace(/^https?:\/\//, "");
  text = text.replace(/[/?#].*$/, "");
  const label = text.replace(SITE_DOMAIN_SUFFIX, "");
  if (label === text && text.includes(".")) return pastedAddress ? customHost(text) : null;
  if (label.length < 3 || !SUBDOMAIN.test(label) || label.includes("--")) return null;
  return label;
}

/** A site's own domain, as a DNS host name of at least two labels; null for anything else. */
function customHost(text: string): string | null {
  const host = text.replace(/\.$/, "");
  if (host.length > 253) return null;
  const labels = host.split(".");
  if (labels.length < 2 || !labels.every((part) => HOST_LABEL.test(part))) return null;
  return TOP_LEVEL_LABEL.test(labels.at(-1)!) ? host : null;
}

/** True for what normalizeSubdomain answers for a site on its own domain (a whole host). */
export function isCustomHost(subdomain: string): boolean {
  return subdomain.includes(".");
}

/** A subdomain as the site address a person reads: `acme.atlassian.net`, or the custom host. */
export function siteHostFor(subdomain: string, siteDomain: string): string {
  return isCustomHost(subdomain) ? subdomain : `${subdomain}.${siteDomain}`;
}

/** The first label of a site URL's host: `acme` for https://acme.atlassian.net. */
export function siteSubdomain(siteUrl: string): string | null {
  return siteHost(siteUrl)?.split(".")[0] ?? null;
}

/** A site URL's host, lowercased: `jira.acme.com` for https://jira.acme.com/. */
export function siteHost(siteUrl: string): string | null {
  try {
    return new URL(siteUrl).hostname.toLowerCase() || null;
  } catch {
    return null;
  }
}
