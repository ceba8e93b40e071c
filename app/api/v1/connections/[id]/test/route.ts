import { connectionNotFound, connectionRevoked } from "@/lib/api/connection-answers";
import { otherMethods } from "@/lib/api/methods";
import { apiRoute } from "@/lib/api/route";
import { testConnection } from "@/lib/connections/test-connection";

export const POST = apiRoute<{ id: string }>(async (_request, scope, { id }) => {
  const result = await testConnection(scope, id);
  if (result.ok) return Response.json(result.connection);
  return result.reason === "revoked" ? connectionRevoked() : connectionNotFound();
});

// Any other method: 405 method_not_allowed, with Allow.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods(["POST"]);
