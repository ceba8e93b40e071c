import type { AtlassianError } from "../atlassian";
import type { Site } from "../atlassian";
import type { ConnectField } from "../validation/connect";

/** An expected failure, phrased for the person who can fix it, and the field it concerns. */
export type Failure = { code: string; message: string; field?: ConnectField };

const ADMIN_HINT = "in Atlassian Administration → Directory → Service accounts";

export function describeAtlassianError(error: AtlassianError): Failure {
  switch (error.code) {
    case "invalid_client":
      return {
        code: "invalid_client",
        field: "clientId",
        message: `Atlassian does not recognise this Client ID. Copy it again from the credential ${ADMIN_HINT}; if the credential was deleted, create a new one.`,
      };
    case "invalid_credentials":
      return {
        code: "invalid_credentials",
        field: "clientSecret",
        message: `Atlassian refused this Client Secret: it is wrong, or the credential was revoked. Paste it again, or create a new credential ${ADMIN_HINT}.`,
      };
    case "rate_limited":
      return {
        code: "atlassian_rate_limited",
        message: `Atlassian is limiting requests right now. Try again in ${seconds(error.retryAfterSeconds ?? 60)}.`,
      };
    case "unavailable":
    case "timeout":
      return {
        code: "atlassian_unavailable",
        message:
          "Atlassian did not answer properly just now. Nothing was saved; try again in a minute.",
      };
    case "unexpected_response":
      return {
        code: "atlassian_unexpected_response",
        message:
          "Atlassian gave an answer Latch did not expect. Nothing was saved; try again, and if it keeps happening tell the people who sent you this link.",
      };
  }
}

export function noSitesFailure(): Failure {
  return {
    code: "no_sites",
    message: `The credential works, but its service account has no role on any site. Give the service account access to a Jira or Confluence site ${ADMIN_HINT}, then press Connect again.`,
  };
}

export function subdomainNotFoundFailure(subdomain: string, sites: Site[]): Failure {
  const reachable = sites.map((site) => `${site.name} (${site.url})`).join(", ");
  return {
    code: "subdomain_not_found",
    field: "subdomain",
    message: `This credential cannot reach ${subdomain}.atlassian.net. It can reach: ${reachable}. Correct the subdomain, leave it empty to choose, or give the service account a role on ${subdomain}.`,
  };
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

function seconds(count: number): string {
  return `${count} ${count === 1 ? "second" : "seconds"}`;
}

export function siteUnreachableFailure(site: { name: string; url: string }): Failure {
  return {
    code: "site_unreachable",
    message: `The credential works but no longer reaches ${site.name} (${site.url}): the service account lost its role there. Give it a role on the site again, or ask the end user to reconnect.`,
  };
}
