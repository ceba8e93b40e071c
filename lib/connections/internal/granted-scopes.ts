import type { AccessToken, Site } from "../../atlassian";

/** What Atlassian says a credential grants on a site: the site's own list, else the token's. */
export function grantedScopes({ site, token }: { site: Site; token: AccessToken }): string[] {
  return site.scopes.length ? site.scopes : token.scopes;
}

/** Required scopes not granted; none when Atlassian listed no scopes at all (nothing to judge). */
export function missingScopes(required: string[], granted: string[]): string[] {
  if (!granted.length) return [];
  return required.filter((scope) => !granted.includes(scope));
}
