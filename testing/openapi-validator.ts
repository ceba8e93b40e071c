import { Ajv2020, type ValidateFunction } from "ajv/dist/2020";
import type { JsonSchema, OpenApiDocument } from "../lib/api/openapi";

const BASE = "https://latch.test/openapi.json";

/**
 * Validates values against the OpenAPI document's schemas with a real JSON Schema validator
 * (Ajv, draft 2020-12, as OpenAPI 3.1 uses): what a client generated from the document would
 * accept or send. Formats are asserted, not just annotations, so a date that is not one fails.
 */
export function openApiValidator(document: OpenApiDocument) {
  // Strict: a keyword the validator does not know fails loudly instead of checking nothing.
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  ajv.addFormat("date-time", {
    validate: (text: string) =>
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i.test(text) &&
      !Number.isNaN(Date.parse(text)),
  });
  ajv.addFormat("email", /^[^\s@]+@[^\s@]+\.[^\s@]+$/);
  ajv.addFormat("uuid", /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  ajv.addFormat("uri", {
    validate: (text: string) => {
      try {
        return Boolean(new URL(text).protocol);
      } catch {
        return false;
      }
    },
  });
  ajv.addSchema({ $id: BASE, $defs: absoluteRefs(document.components.schemas) });
  const compiled = new Map<string, ValidateFunction>();

  /** The problems of `value` against `schema` (refs into the document resolved); none: valid. */
  function problems(schema: JsonSchema, value: unknown): string[] {
    const key = JSON.stringify(schema);
    let validate = compiled.get(key);
    if (!validate) {
      validate = ajv.compile(absoluteRefs(schema) as object);
      compiled.set(key, validate);
    }
    if (validate(value)) return [];
    return (validate.errors ?? []).map(
      (error) => `${error.instancePath || "(root)"} ${error.message ?? error.keyword}`,
    );
  }
  return { problems };
}

/** `#/components/schemas/X` as a URI into the schema registered above. */
function absoluteRefs<T>(value: T): T {
  if (Array.isArray(value)) return value.map(absoluteRefs) as T;
  if (!value || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) =>
      key === "$ref" && typeof inner === "string"
        ? [key, inner.replace("#/components/schemas/", `${BASE}#/$defs/`)]
        : [key, absoluteRefs(inner)],
    ),
  ) as T;
}
