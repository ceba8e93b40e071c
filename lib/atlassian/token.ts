import { AtlassianError } from "./errors";
import { requestJson, type HttpOptions } from "./http";

export type ClientCredentials = { clientId: string; clientSecret: string };

export type AccessToken = {
  accessToken: string;
  expiresAt: Date;
  /** Scopes the credential was created with; empty when Atlassian does not say. */
  scopes: string[];
};

/** ATLASSIAN.md: when `expires_in` is missing, assume 55 minutes (a little under the 60). */
const DEFAULT_LIFETIME_SECONDS = 55 * 60;
/** The documented lifetime: Latch never trusts a token for longer. */
const MAX_LIFETIME_SECONDS = 60 * 60;

const CREDENTIAL_ERRORS: Record<string, "invalid_client" | "invalid_credentials"> = {
  invalid_client: "invalid_client",
  access_denied: "invalid_credentials",
  unauthorized_client: "invalid_credentials",
};

/** The client-credentials grant. No `scope` or `audience`: Atlassian rejects any scope value. */
export async function exchangeClientCredentials(
  authUrl: string,
  credentials: ClientCredentials,
  http: HttpOptions,
): Promise<AccessToken> {
  const body = new URLSearchParams({
    grant_type: "client_credentials",
    client_id: credentials.clientId,
    client_secret: credentials.clientSecret,
  });
  const answer = await requestJson(
    `${authUrl}/oauth/token`,
    {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body,
    },
    http,
  );
  const json = (answer.body ?? {}) as Record<string, unknown>;

  if (answer.status === 200) {
    if (!answer.isJson) {
      throw new AtlassianError(
        "unexpected_response",
        "token answer is not JSON (truncated, or not from Atlassian)",
      );
    }
    if (typeof json.access_token !== "string" || !json.access_token) {
      throw new AtlassianError("unexpected_response", "token answer without access_token");
    }
    return {
      accessToken: json.access_token,
      expiresAt: new Date(Date.now() + lifetimeSeconds(json.expires_in) * 1000),
      scopes: typeof json.scope === "string" ? json.scope.split(/\s+/).filter(Boolean) : [],
    };
  }

  const errorCode = typeof json.error === "string" ? json.error : undefined;
  if ([400, 401, 403].includes(answer.status)) {
    // Own keys only: an `error` such as "constructor" must not pick up an Object property.
    const mapped =
      errorCode && Object.hasOwn(CREDENTIAL_ERRORS, errorCode)
        ? CREDENTIAL_ERRORS[errorCode]
        : undefined;
    if (mapped)
      throw new AtlassianError(mapped, `${answer.status} ${errorCode} from token endpoint`);
    // A bare 401/403 still means the credential was refused.
    if (!errorCode && answer.status !== 400) {
      throw new AtlassianError("invalid_credentials", `${answer.status} from token endpoint`);
    }
  }
  // invalid_request, unsupported_grant_type, invalid_scope…: we sent something Atlassian refuses.
  throw new AtlassianError(
    "unexpected_response",
    `${answer.status} ${errorCode ?? "(no error code)"} from token endpoint`,
  );
}

/**
 * How long Latch trusts a token, from `expires_in`. The lifetime only decides when Latch renews
 * (it hands a cached token out until five minutes before it ends), so erring short costs one
 * extra exchange while erring long hands out a dead token:
 * - missing (or null): ATLASSIAN.md says assume 55 minutes, a little under the documented 60;
 * - a number of seconds, or such a number as a string ("3600"): taken as given, but never more
 *   than the documented 60 minutes, so an absurd 10^12 (or a future, longer lifetime) means
 *   renewing hourly rather than trusting a token that may have died;
 * - zero, negative, or not a number ("soon", true, {}): the answer contradicts itself (a token
 *   already expired, a lifetime nobody can read), so it is a protocol error, unexpected_response:
 *   nothing is stored and the person is told Atlassian gave an answer Latch did not expect,
 *   rather than Latch guessing and perhaps handing out a dead token.
 */
function lifetimeSeconds(expiresIn: unknown): number {
  if (expiresIn === undefined || expiresIn === null) return DEFAULT_LIFETIME_SECONDS;
  const seconds =
    typeof expiresIn === "number"
      ? expiresIn
      : typeof expiresIn === "string" && /^\s*\d+(\.\d+)?\s*$/.test(expiresIn)
        ? Number(expiresIn)
        : Number.NaN;
  if (Number.isNaN(seconds) || seconds <= 0) {
    throw new AtlassianError(
      "unexpected_response",
      `token answer with unusable expires_in (${describeValue(expiresIn)})`,
    );
  }
  return Math.min(seconds, MAX_LIFETIME_SECONDS); // also 1e400, which JSON reads as Infinity
}

/** For logs: a number as itself, anything else by its type only (it might echo something). */
function describeValue(value: unknown): string {
  if (typeof value === "number") return String(value);
  return Array.isArray(value) ? "array" : typeof value;
}
