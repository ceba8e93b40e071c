import { connectionNotFound, connectionRevoked } from "@/lib/api/connection-answers";
import { apiRoute } from "@/lib/api/route";
import { testConnection } from "@/lib/connections/test-connection";

export const POST = apiRoute<{ id: string }>(async (_request, scope, { id }) => {
  const result = await testConnection(scope, id);
  if (result.ok) return Response.json(result.connection);
  return result.reason === "revoked" ? connectionRevoked() : connectionNotFound();
});
