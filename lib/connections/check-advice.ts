import type { AtlassianErrorCode } from "../atlassian/errors";

/**
 * What each error code of a connection (a check, a token renewal, a failed connect attempt)
 * means, and what a member can do about it: the connection page shows both beside the code.
 */
export type CheckAdvice = { message: string; advice: string };

/**
 * Every code a connection's check or connect attempt can record (lib/connections/internal/
 * failures.ts, get-access-token.ts, connect-limits.ts, record-gateway-refusal.ts). A test holds
 * this list to the code.
 */
export const CONNECTION_ERROR_CODES = [
  "invalid_client",
  "invalid_credentials",
  "site_unreachable",
  "gateway_unauthorized",
  "atlassian_unavailable",
  "atlassian_unexpected_response",
  "atlassian_rate_limited",
  "renewal_failed",
  "renewal_timeout",
  "no_sites",
  "subdomain_not_found",
  "missing_scopes",
  "choice_expired",
  "rate_limited",
  "internal_error",
] as const;

export type ConnectionErrorCode = (typeof CONNECTION_ERROR_CODES)[number];

const RECONNECT = "Send them a new link with Copy reconnect link.";

const ADVICE: Record<ConnectionErrorCode, CheckAdvice> = {
  invalid_client: {
    message: "Atlassian does not know this Client ID: the credential was deleted.",
    advice: `Ask the end user to create a new credential for the service account. ${RECONNECT}`,
  },
  invalid_credentials: {
    message: "Atlassian refused the client secret: it was revoked or rotated.",
    advice: `The end user needs to connect again with the current secret or a new credential. ${RECONNECT}`,
  },
  site_unreachable: {
    message: "The credential works but no longer reaches this connection's site.",
    advice:
      "The service account lost its role on the site: give it a role there again in Atlassian Administration, then press Test. Or send a reconnect link for another site.",
  },
  gateway_unauthorized: {
    message:
      "Atlassian's API refused a freshly issued token for this site twice, on a call through the proxy.",
    advice:
      "The service account has probably lost its role on the site: give it a role there again in Atlassian Administration, then press Test. Until a Test passes, proxied calls answer 409 without reaching Atlassian.",
  },
  atlassian_unavailable: {
    message: "Atlassian did not answer properly (an outage, a timeout or a network failure).",
    advice:
      "Nothing is wrong with the credential as far as Latch knows. Press Test in a few minutes; check Atlassian's status page if it persists.",
  },
  atlassian_unexpected_response: {
    message: "Atlassian gave an answer Latch did not expect.",
    advice:
      "Press Test again. If it keeps happening, check Atlassian's status page and the server log, which names the status Atlassian sent.",
  },
  atlassian_rate_limited: {
    message: "Atlassian limited Latch's requests for a while.",
    advice:
      "Wait a minute and press Test. If your backend asks for tokens very often, cache them until expires_at.",
  },
  renewal_failed: {
    message: "Renewing the access token failed.",
    advice: "Press Test to see why; its result replaces this one.",
  },
  renewal_timeout: {
    message: "Renewing the access token took too long.",
    advice: "Try again; it is usually Atlassian answering slowly. Press Test to check now.",
  },
  no_sites: {
    message: "The credential works, but its service account has no role on any site.",
    advice:
      "Give the service account access to a Jira or Confluence site in Atlassian Administration → Directory → Service accounts, then have the end user connect again.",
  },
  subdomain_not_found: {
    message: "The credential cannot reach the subdomain that was given.",
    advice:
      "Mint the connect session without a subdomain (the end user then picks the site), or give the service account a role on that site.",
  },
  missing_scopes: {
    message:
      "The credential lacks scopes the workspace requires, so it was refused; the link stays usable.",
    advice:
      "The end user creates a new credential with every required scope (the connect form lists them). To connect such credentials anyway, flagged, change the choice under Settings → Required scopes.",
  },
  choice_expired: {
    message: "The end user took too long to pick a site; the credential they entered was erased.",
    advice: `They enter it again. ${RECONNECT}`,
  },
  rate_limited: {
    message: "Too many connect attempts on one link or from one address.",
    advice:
      "Wait 15 minutes, or send a new link. Many attempts in a row can also mean someone is guessing secrets.",
  },
  internal_error: {
    message: "Something went wrong inside Latch.",
    advice: "Try again; if it repeats, the server log has the details (never a secret).",
  },
};

const UNKNOWN: CheckAdvice = {
  message: "Latch recorded an error it has no description for.",
  advice: "Press Test to check the connection now; the server log has the details.",
};

/** The message and advice for a code; an unknown code (an older version's) gets a generic one. */
export function checkAdvice(code: string): CheckAdvice {
  return Object.hasOwn(ADVICE, code) ? ADVICE[code as ConnectionErrorCode] : UNKNOWN;
}

/** The Atlassian client's codes and the connection codes they become (failures.ts). */
export const ATLASSIAN_CODE_TO_CONNECTION_CODE: Record<AtlassianErrorCode, ConnectionErrorCode> = {
  invalid_client: "invalid_client",
  invalid_credentials: "invalid_credentials",
  rate_limited: "atlassian_rate_limited",
  unavailable: "atlassian_unavailable",
  timeout: "atlassian_unavailable",
  unexpected_response: "atlassian_unexpected_response",
};
