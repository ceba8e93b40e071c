import { z } from "zod";
import {
  accessTokenSchema,
  apiErrorSchema,
  connectionListSchema,
  connectionSchema,
  connectSessionSchema,
  healthSchema,
} from "../validation/api-responses";
import { createConnectSessionSchema } from "../validation/connect-session";
import { listConnectionsQuerySchema } from "../validation/connections-query";
import { inputJsonSchemas } from "../validation/input-json-schema";
import type { JsonSchema, OpenApiParameter } from "./openapi-types";

/**
 * The OpenAPI document's schemas, emitted by zod from the very schemas the routes validate
 * with (lib/validation), so the document cannot promise what the server refuses.
 */

const REQUEST_DESCRIPTIONS: Record<string, string> = {
  end_user: "The person who will fill in the connect form.",
  "end_user.id": "Your id for the end user; connections are listed and reconnected by it.",
  "end_user.email": "Shown in the dashboard next to the end user's id.",
  "end_user.display_name": "Shown in the dashboard instead of the id.",
  subdomain: "Pre-fills the form's Subdomain: acme for https://acme.atlassian.net.",
  allowed_origins:
    "Origins that may embed the connect page for this session, instead of the workspace's list.",
};

const QUERY_DESCRIPTIONS: Record<string, string> = {
  end_user_id: "Only this end user's connections.",
  status: "Only connections with this status.",
  limit: "How many to answer, 1–100.",
  cursor: "The next_cursor of the previous page.",
};

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

export function componentSchemas(): Record<string, JsonSchema> {
  const uri = (id: string) => ref(id).$ref;
  const responses = z.registry<{ id: string }>();
  responses.add(connectionSchema, { id: "Connection" });
  responses.add(connectionListSchema, { id: "ConnectionList" });
  responses.add(connectSessionSchema, { id: "ConnectSession" });
  responses.add(accessTokenSchema, { id: "AccessToken" });
  responses.add(apiErrorSchema, { id: "Error" });
  responses.add(healthSchema, { id: "Health" });
  const requests = z.registry<{ id: string }>();
  requests.add(createConnectSessionSchema, { id: "CreateConnectSessionRequest" });

  const emitted = {
    ...z.toJSONSchema(responses, { uri, override: openResponses }).schemas,
    ...z.toJSONSchema(requests, { io: "input", uri, override: exactInput }).schemas,
  };
  const result: Record<string, JsonSchema> = {};
  for (const [id, schema] of Object.entries(emitted)) {
    const copy = { ...schema } as JsonSchema;
    // The document already says the dialect and where each schema lives.
    delete copy.$schema;
    delete copy.$id;
    result[id] = copy;
  }
  if (result.CreateConnectSessionRequest) {
    describeProperties(result.CreateConnectSessionRequest, REQUEST_DESCRIPTIONS);
  }
  return result;
}

/** zod adds its own regex beside a standard format (email, date-time); the format says it better. */
function preferFormats({ jsonSchema }: { jsonSchema: Record<string, unknown> }) {
  if (jsonSchema.format && jsonSchema.pattern) delete jsonSchema.pattern;
}

/**
 * What a request field really accepts: zod's translation, or, where that would say less than
 * the schema checks (a trim before a length, a refinement), the JSON Schema registered beside
 * the zod schema (lib/validation/input-json-schema.ts). zod's own patterns (the e-mail one) stay:
 * a request is held to them, and a format alone would let a client think more is accepted.
 */
function exactInput(context: { zodSchema: unknown; jsonSchema: Record<string, unknown> }) {
  const exact = inputJsonSchemas.get(context.zodSchema as z.core.$ZodType);
  if (!exact) return;
  for (const keyword of Object.keys(context.jsonSchema)) delete context.jsonSchema[keyword];
  Object.assign(context.jsonSchema, structuredClone(exact.jsonSchema));
}

/** Answers may gain fields later, so clients should not be told to refuse unknown ones. */
function openResponses(context: { jsonSchema: Record<string, unknown> }) {
  preferFormats(context);
  if (context.jsonSchema.additionalProperties === false)
    delete context.jsonSchema.additionalProperties;
}

function describeProperties(schema: JsonSchema, descriptions: Record<string, string>, prefix = "") {
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const path = `${prefix}${name}`;
    // The field's meaning first, then what its schema says of its values.
    if (descriptions[path]) {
      property.description = [descriptions[path], property.description].filter(Boolean).join(" ");
    }
    describeProperties(property, descriptions, `${path}.`);
  }
}

/** The list's query string, one parameter per field of the route's own schema. */
export function queryParameters(): OpenApiParameter[] {
  const schema = z.toJSONSchema(listConnectionsQuerySchema, {
    io: "input",
    override: exactInput,
  }) as JsonSchema;
  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({
    name,
    in: "query",
    required: schema.required?.includes(name) ?? false,
    ...(QUERY_DESCRIPTIONS[name] ? { description: QUERY_DESCRIPTIONS[name] } : {}),
    schema: property,
  }));
}
