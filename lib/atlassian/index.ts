export { validateCredential, requestAccessToken } from "./client";
export type {
  AtlassianConfig,
  ValidatedCredential,
  AccessToken,
  ClientCredentials,
  Site,
} from "./client";
export { AtlassianError, type AtlassianErrorCode } from "./errors";
export { chooseSite, type SiteChoice } from "./choose-site";
export { normalizeSubdomain, siteSubdomain } from "./subdomain";
export {
  PRODUCTS,
  isProduct,
  productsFromScopes,
  gatewayBaseUrl,
  gatewayBaseUrls,
  primaryProduct,
  type Product,
} from "./products";
