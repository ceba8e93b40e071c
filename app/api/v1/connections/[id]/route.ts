import { apiError } from "@/lib/api/respond";
import { apiRoute } from "@/lib/api/route";
import { getConnection } from "@/lib/connections/list-connections";

export const GET = apiRoute<{ id: string }>(async (_request, scope, { id }) => {
  const connection = await getConnection(scope, id);
  if (!connection) {
    return apiError(
      404,
      "connection_not_found",
      "There is no connection with this id in your workspace.",
    );
  }
  return Response.json(connection);
});
