import type { JsonSchema } from "./openapi";

/** One row of a field table in the API docs: `end_user.id`, `string`, required… */
export type SchemaField = {
  name: string;
  type: string;
  /** The component schema the type names, to link to. */
  ref?: string;
  required: boolean;
  description?: string;
  notes: string[];
};

const refName = (ref: string) => ref.split("/").pop()!;

/**
 * Flattens an object schema into dotted field rows, nested objects included; a field whose type
 * is another component is named (and linked), not expanded.
 */
export function schemaFields(
  schema: JsonSchema,
  components: Record<string, JsonSchema>,
  prefix = "",
): SchemaField[] {
  const resolved = schema.$ref ? components[refName(schema.$ref)] : schema;
  const rows: SchemaField[] = [];
  for (const [name, property] of Object.entries(resolved?.properties ?? {})) {
    const path = `${prefix}${name}`;
    const ref = property.$ref ?? property.items?.$ref;
    rows.push({
      name: path,
      type: typeLabel(property),
      ...(ref ? { ref: refName(ref) } : {}),
      required: resolved?.required?.includes(name) ?? false,
      ...(property.description ? { description: property.description } : {}),
      notes: schemaNotes(property),
    });
    const object = [property, ...(property.anyOf ?? [])].find((part) => part.properties);
    if (object) rows.push(...schemaFields(object, components, `${path}.`));
  }
  return rows;
}

export function typeLabel(schema: JsonSchema): string {
  if (schema.$ref) return refName(schema.$ref);
  if (schema.anyOf) return schema.anyOf.map(typeLabel).join(" | ");
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(" | ");
  const types = Array.isArray(schema.type) ? schema.type : [schema.type ?? "any"];
  return types
    .map((type) => {
      if (type === "array") return `array of ${schema.items ? typeLabel(schema.items) : "any"}`;
      if (type === "string" && typeof schema.format === "string")
        return `string (${schema.format})`;
      return type;
    })
    .join(" | ");
}

const NOTES: [keyword: string, text: (value: number) => string][] = [
  ["minLength", (value) => (value === 1 ? "not empty" : `at least ${value} characters`)],
  ["maxLength", (value) => `at most ${value} characters`],
  ["minimum", (value) => `≥ ${value}`],
  ["maximum", (value) => `≤ ${value}`],
  ["maxItems", (value) => `at most ${value} items`],
];

/** The limits a value must keep, in words: "at most 255 characters", "default 50". */
export function schemaNotes(schema: JsonSchema): string[] {
  const words = NOTES.flatMap(([keyword, text]) => {
    const value = schema[keyword];
    return typeof value === "number" ? [text(value)] : [];
  });
  if (schema.default !== undefined) words.push(`default ${JSON.stringify(schema.default)}`);
  return words;
}
