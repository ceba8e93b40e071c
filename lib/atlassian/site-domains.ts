/**
 * The domains Atlassian Cloud sites live under: the commercial cloud's, and Government Cloud's
 * (ATLASSIAN.md §2). A site's subdomain may be typed with either; the form shows the one the
 * configured environment uses.
 */
export const COMMERCIAL_SITE_DOMAIN = "atlassian.net";
export const GOV_SITE_DOMAIN = "atlassian-us-gov-mod.net";
export const SITE_DOMAINS = [COMMERCIAL_SITE_DOMAIN, GOV_SITE_DOMAIN] as const;

/**
 * The site domain of the Atlassian environment an API base URL belongs to: Government Cloud's
 * gateway is api.atlassian-us-gov-mod.com; anything else (the commercial gateway, a test's fake)
 * is the commercial cloud.
 */
export function siteDomainFor(apiUrl: string): string {
  let host: string;
  try {
    host = new URL(apiUrl).hostname.toLowerCase();
  } catch {
    return COMMERCIAL_SITE_DOMAIN;
  }
  return host === "atlassian-us-gov-mod.com" || host.endsWith(".atlassian-us-gov-mod.com")
    ? GOV_SITE_DOMAIN
    : COMMERCIAL_SITE_DOMAIN;
}
