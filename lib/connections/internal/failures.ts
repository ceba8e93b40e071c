import type { AtlassianError } from "../../atlassian";
import type { Site } from "../../atlassian";
import { englishText, type MessageParams } from "../../i18n/localize";
import type { ConnectField } from "../../validation/connect";

/**
 * An expected failure, phrased for the person who can fix it, and the field it concerns. Failures
 * the end user sees have a message in the catalogs under `failures.<code>`: `message` is its
 * English text (for the API, logs and audit) and `params` fill it in any other language.
 */
export type Failure = {
  code: string;
  message: string;
  field?: ConnectField;
  params?: MessageParams;
};

/** A failure worded by the catalogs (`failures.<code>`). */
function endUserFailure(code: string, field?: ConnectField, params?: MessageParams): Failure {
  return {
    code,
    message: englishText(`failures.${code}`, params),
    params,
    ...(field && { field }),
  };
}

export function describeAtlassianError(error: AtlassianError): Failure {
  switch (error.code) {
    case "invalid_client":
      return endUserFailure("invalid_client", "clientId");
    case "invalid_credentials":
      return endUserFailure("invalid_credentials", "clientSecret");
    case "rate_limited":
      return endUserFailure("atlassian_rate_limited", undefined, {
        seconds: error.retryAfterSeconds ?? 60,
      });
    case "unavailable":
    case "timeout":
      return endUserFailure("atlassian_unavailable");
    case "unexpected_response":
      return endUserFailure("atlassian_unexpected_response");
  }
}

export function noSitesFailure(): Failure {
  return endUserFailure("no_sites");
}

export function subdomainNotFoundFailure(subdomain: string, sites: Site[]): Failure {
  return endUserFailure("subdomain_not_found", "subdomain", {
    subdomain,
    reachable: sites.map((site) => `${site.name} (${site.url})`),
  });
}

/** The same failures, phrased for the tenant's members, who cannot fix the credential themselves. */
export function describeForTenant(error: AtlassianError): Failure {
  switch (error.code) {
    case "invalid_client":
      return {
        code: "invalid_client",
        message:
          "Atlassian no longer knows this Client ID: the credential was deleted. Ask the end user to connect again with a new credential.",
      };
    case "invalid_credentials":
      return {
        code: "invalid_credentials",
        message:
          "Atlassian refused the client secret: the credential was revoked or rotated. Ask the end user to connect again.",
      };
    case "unavailable":
    case "timeout":
      return {
        code: "atlassian_unavailable",
        message:
          "Atlassian did not answer properly when Latch last tried. Nothing changed; Latch tries again at the next check or token request.",
      };
    case "unexpected_response":
      return {
        code: "atlassian_unexpected_response",
        message:
          "Atlassian gave an answer Latch did not expect when Latch last tried. Nothing changed; if it persists, check Atlassian's status page.",
      };
    default:
      return describeAtlassianError(error);
  }
}

export function siteUnreachableFailure(site: { name: string; url: string }): Failure {
  return {
    code: "site_unreachable",
    message: `The credential works but no longer reaches ${site.name} (${site.url}): the service account lost its role there. Give it a role on the site again, or ask the end user to reconnect.`,
  };
}

/**
 * The gateway refused a freshly issued token for the site's API (a proxied call answered 401
 * twice): the credential still gets tokens, but they no longer reach the site.
 */
export function gatewayRefusedFailure(): Failure {
  return {
    code: "gateway_unauthorized",
    message:
      "Atlassian's API refused a freshly issued token for this site twice: the service account has probably lost its role on the site. Give it a role again, then Test the connection; or ask the end user to reconnect.",
  };
}

/**
 * Failures that mean Atlassian refused the credential (deleted, or its secret revoked or rotated)
 * or the site (the service account lost its role there), rather than failed to answer. A token
 * issued before is of no use then, and asking again unchanged would be refused again.
 */
const REFUSAL_CODES: ReadonlySet<string> = new Set([
  "invalid_client",
  "invalid_credentials",
  "site_unreachable",
  "gateway_unauthorized",
]);

export function isRefusal(code: string | null | undefined): boolean {
  return code != null && REFUSAL_CODES.has(code);
}

/**
 * Failures that mean Atlassian could not answer just now (an outage, a timeout, its rate limit):
 * asking again later may work, so the API answers 503 with Retry-After rather than 409.
 */
const TRANSIENT_CODES: ReadonlySet<string> = new Set([
  "atlassian_unavailable",
  "atlassian_rate_limited",
]);

export function isTransient(code: string | null | undefined): boolean {
  return code != null && TRANSIENT_CODES.has(code);
}
