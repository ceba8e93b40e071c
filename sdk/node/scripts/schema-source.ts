import openapiTS, { astToString } from "openapi-typescript";
import prettier from "prettier";
import { buildOpenApiDocument, type OpenApiDocument } from "../../../lib/api/openapi";

/** Where the generated types live, committed so the package builds without the app. */
export const SCHEMA_FILE = new URL("../src/schema.ts", import.meta.url);

const HEADER = `// Generated from the app's OpenAPI document (lib/api/openapi.ts) by openapi-typescript.
// Do not edit: run \`npm run sdk:types\`. sdk/node/scripts/schema-fresh.test.ts fails when stale.
`;

/**
 * The TypeScript source of the API's types, formatted as the repository formats TypeScript. The
 * public URL only goes into `servers`, which the types do not mention.
 */
export async function schemaSource(): Promise<string> {
  const document: OpenApiDocument = buildOpenApiDocument({ publicUrl: "http://localhost:3000" });
  // openapi-typescript's own document type is stricter than ours about optional fields only.
  const ast = await openapiTS(document as unknown as Parameters<typeof openapiTS>[0]);
  const source = `${HEADER}\n${astToString(ast)}`;
  const options = await prettier.resolveConfig(SCHEMA_FILE.pathname);
  return prettier.format(source, { ...options, parser: "typescript" });
}
