import type { Site } from "./sites";
import { isCustomHost, siteHost, siteSubdomain } from "./subdomain";

export type SiteChoice =
  | { kind: "chosen"; site: Site }
  | { kind: "ask"; sites: Site[] }
  | { kind: "no_sites" }
  | { kind: "subdomain_not_found"; subdomain: string; sites: Site[] };

/**
 * Picks the site a connection is for. A subdomain matches the first label of a site's host
 * exactly (`nango` never matches `nango-1`), a custom domain's host the whole host; without one, a single site is taken and several
 * are put to the person, sorted by name, since the API's order means nothing.
 */
export function chooseSite(sites: Site[], subdomain?: string | null): SiteChoice {
  const sorted = [...sites].sort(
    (a, b) => a.name.localeCompare(b.name) || a.url.localeCompare(b.url),
  );
  if (sorted.length === 0) return { kind: "no_sites" };
  if (subdomain) {
    const wanted = subdomain.toLowerCase();
    const site = sorted.find((candidate) =>
      isCustomHost(wanted)
        ? siteHost(candidate.url) === wanted
        : siteSubdomain(candidate.url) === wanted,
    );
    return site
      ? { kind: "chosen", site }
      : { kind: "subdomain_not_found", subdomain, sites: sorted };
  }
  if (sorted.length === 1) return { kind: "chosen", site: sorted[0]! };
  return { kind: "ask", sites: sorted };
}
