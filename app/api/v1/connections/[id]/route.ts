import { connectionNotFound } from "@/lib/api/connection-answers";
import { otherMethods } from "@/lib/api/methods";
import { apiRoute } from "@/lib/api/route";
import { getConnection } from "@/lib/connections/get-connection";
import { revokeConnection } from "@/lib/connections/revoke-connection";

export const GET = apiRoute<{ id: string }>(async (_request, scope, { id }) => {
  const connection = await getConnection(scope, id);
  return connection ? Response.json(connection) : connectionNotFound();
});

/** Revokes: the client secret and any cached token are erased for good. */
export const DELETE = apiRoute<{ id: string }>(async (_request, scope, { id }) => {
  const connection = await revokeConnection(scope, id);
  return connection ? Response.json(connection) : connectionNotFound();
});

// Any other method: 405 method_not_allowed, with Allow.
export const { POST, PUT, PATCH, OPTIONS } = otherMethods(["GET", "DELETE"]);
