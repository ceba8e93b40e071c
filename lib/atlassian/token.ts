import { AtlassianError } from "./errors";
import { requestJson, type HttpOptions } from "./http";

export type ClientCredentials = { clientId: string; clientSecret: string };

export type AccessToken = {
  accessToken: string;
  expiresAt: Date;
  /** Scopes the credential was created with; empty when Atlassian does not say. */
  scopes: string[];
};

/** Atlassian documents 60 minutes; assume a little less when it does not say. */
const DEFAULT_LIFETIME_SECONDS = 55 * 60;
const MAX_LIFETIME_SECONDS = 24 * 60 * 60;

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

function lifetimeSeconds(expiresIn: unknown): number {
  const seconds = typeof expiresIn === "string" ? Number(expiresIn) : expiresIn;
  if (typeof seconds !== "number" || !Number.isFinite(seconds) || seconds <= 0) {
    return DEFAULT_LIFETIME_SECONDS;
  }
  return Math.min(seconds, MAX_LIFETIME_SECONDS);
}
