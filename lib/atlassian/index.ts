export { validateCredential, requestAccessToken, apiBaseUrl } from "./client";
export type {
  AtlassianConfig,
  ValidatedCredential,
  AccessToken,
  ClientCredentials,
  Site,
} from "./client";
export { AtlassianError, type AtlassianErrorCode } from "./errors";
export { chooseSite, type SiteChoice } from "./choose-site";
export { normalizeSubdomain, siteHostFor, siteSubdomain } from "./subdomain";
export { siteDomainFor } from "./site-domains";
