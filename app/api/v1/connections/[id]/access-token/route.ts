import { tokenFailureAnswer } from "@/lib/api/connection-answers";
import { otherMethods } from "@/lib/api/methods";
import { apiRoute } from "@/lib/api/route";
import { getAccessToken, type AccessTokenResult } from "@/lib/connections/get-access-token";
import { andThen } from "@/lib/maybe-promise";

export const GET = apiRoute<{ id: string }>((_request, scope, { id }) =>
  andThen(getAccessToken(scope, id), answer),
);

function answer(result: AccessTokenResult): Response {
  if (!result.ok) return tokenFailureAnswer(result);
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

// Any other method: 405 method_not_allowed, with Allow.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods(["GET"]);
