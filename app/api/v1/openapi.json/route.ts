import { otherMethods } from "@/lib/api/methods";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { openApiSettings } from "@/lib/api/openapi-settings";
import { getEnv } from "@/lib/env";

// The document names this instance's PUBLIC_URL, known at run time only.
export const dynamic = "force-dynamic";

/** The tenant API's OpenAPI 3.1 document. Public: it describes the API, it holds nothing secret. */
export function GET() {
  return Response.json(buildOpenApiDocument(openApiSettings(getEnv())), {
    headers: { "cache-control": "public, max-age=300" },
  });
}

// Any other method: 405 method_not_allowed, with Allow.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods(["GET"]);
