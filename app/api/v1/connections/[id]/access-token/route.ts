import { connectionNotFound, connectionRevoked } from "@/lib/api/connection-answers";
import { otherMethods } from "@/lib/api/methods";
import { apiError } from "@/lib/api/respond";
import { apiRoute } from "@/lib/api/route";
import { getAccessToken, type AccessTokenResult } from "@/lib/connections/get-access-token";
import { andThen } from "@/lib/maybe-promise";

export const GET = apiRoute<{ id: string }>((_request, scope, { id }) =>
  andThen(getAccessToken(scope, id), answer),
);

function answer(result: AccessTokenResult): Response {
  if (result.ok) {
    const { token } = result;
    return Response.json(
      {
        access_token: token.accessToken,
        token_type: "Bearer",
        expires_at: token.expiresAt.toISOString(),
        cloud_id: token.cloudId,
        api_base_url: token.apiBaseUrl,
        api_base_urls: token.apiBaseUrls,
      },
      { headers: { "cache-control": "no-store" } },
    );
  }
  if (result.reason === "not_found") return connectionNotFound();
  if (result.reason === "revoked") return connectionRevoked();
  const { failure, transient, retryAfterSeconds } = result;
  return transient
    ? apiError(503, failure.code, failure.message, {
        "retry-after": String(retryAfterSeconds ?? 30),
      })
    : apiError(409, "connection_failing", failure.message);
}

// Any other method: 405 method_not_allowed, with Allow.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods(["GET"]);
