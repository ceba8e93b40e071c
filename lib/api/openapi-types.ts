/** The shapes of the OpenAPI 3.1 document lib/api/openapi.ts builds. */

/** A JSON Schema (draft 2020-12, as OpenAPI 3.1 uses) as zod emits it. */
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  $ref?: string;
  description?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  [keyword: string]: unknown;
};

/** A body of any type: what the proxy passes on is Atlassian's to shape. */
export type OpenApiContent = Record<string, { schema: JsonSchema }>;

export type OpenApiParameter = {
  name: string;
  in: "path" | "query";
  required: boolean;
  description?: string;
  schema: JsonSchema;
};

export type OpenApiHeader = { description: string; required?: boolean; schema: JsonSchema };
/** A header of components.headers, by reference. */
export type OpenApiHeaderRef = { $ref: string };

export type OpenApiResponse = {
  description: string;
  headers?: Record<string, OpenApiHeaderRef>;
  content?: { "application/json": { schema: JsonSchema } } | OpenApiContent;
};

export type OpenApiOperation = {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  security?: Record<string, string[]>[];
  parameters?: OpenApiParameter[];
  requestBody?: {
    required: boolean;
    description?: string;
    content: { "application/json": { schema: JsonSchema } } | OpenApiContent;
  };
  responses: Record<string, OpenApiResponse>;
};

export const HTTP_METHODS = ["get", "post", "put", "patch", "delete"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export type OpenApiDocument = {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  servers: { url: string }[];
  security: Record<string, string[]>[];
  tags: { name: string; description: string }[];
  paths: Record<string, Partial<Record<HttpMethod, OpenApiOperation>>>;
  components: {
    schemas: Record<string, JsonSchema>;
    headers: Record<string, OpenApiHeader>;
    securitySchemes: Record<string, Record<string, string>>;
  };
};
