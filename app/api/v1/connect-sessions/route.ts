import { otherMethods } from "@/lib/api/methods";
import { readJsonBody, apiRoute } from "@/lib/api/route";
import { createConnectSession } from "@/lib/connections/create-connect-session";
import { createConnectSessionSchema } from "@/lib/validation/connect-session";

export const POST = apiRoute(async (request, scope) => {
  const body = await readJsonBody(request, createConnectSessionSchema);
  if (!body.ok) return body.response;
  const session = await createConnectSession(scope, body.value, { source: "api" });
  return Response.json(
    {
      token: session.token,
      connect_url: session.connectUrl,
      expires_at: session.expiresAt.toISOString(),
    },
    { status: 201, headers: { "cache-control": "no-store" } },
  );
});

// Any other method: 405 method_not_allowed, with Allow.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods(["POST"]);
