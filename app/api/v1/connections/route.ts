import { otherMethods } from "@/lib/api/methods";
import { apiError, invalidRequest } from "@/lib/api/respond";
import { apiRoute } from "@/lib/api/route";
import { InvalidCursorError, listConnections } from "@/lib/connections/list-connections";
import { listConnectionsQuerySchema } from "@/lib/validation/connections-query";

export const GET = apiRoute(async (request, scope) => {
  const query = listConnectionsQuerySchema.safeParse(
    Object.fromEntries(new URL(request.url).searchParams),
  );
  if (!query.success) return invalidRequest(query.error);
  try {
    const page = await listConnections(scope, query.data);
    return Response.json({ data: page.data, next_cursor: page.nextCursor });
  } catch (error) {
    if (error instanceof InvalidCursorError) return apiError(400, "invalid_cursor", error.message);
    throw error;
  }
});

// Any other method: 405 method_not_allowed, with Allow.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods(["GET"]);
