import { z } from "zod";
import { UNSTORABLE_TEXT_MESSAGE, isStorableText } from "./text";

/** A fragment of JSON Schema (draft 2020-12). */
export type JsonSchemaFragment = { [keyword: string]: unknown };

/**
 * What a zod schema accepts, as JSON Schema, where zod's own translation would say less than
 * the schema checks: a trim before a length check, a refinement, a transform after a check.
 * The OpenAPI document takes these instead of zod's (lib/api/openapi.ts), and tests hold each
 * one to its schema, value by value, so the document accepts exactly what the API does.
 */
export const inputJsonSchemas = z.registry<{ jsonSchema: JsonSchemaFragment }>();

// What isStorableText refuses (text.ts): NUL, and a surrogate that is not half of a pair, which
// a pattern (matched per code point) sees as a code point of its own.
const PLAIN = String.raw`[^\u0000\uD800-\uDFFF]`;
const VISIBLE = String.raw`[^\s\u0000\uD800-\uDFFF]`;

/**
 * The pattern of text that, trimmed (String.prototype.trim removes exactly what `\s` matches),
 * is at most `max` characters of storable text, and not empty when `required`.
 */
export function trimmedTextPattern(max: number, required: boolean): string {
  const text = `${VISIBLE}(?:${PLAIN}{0,${max - 2}}${VISIBLE})?`;
  return String.raw`^\s*${required ? text : `(?:${text})?`}\s*$`;
}

/**
 * A text field of the API: trimmed, then at most `max` characters (zod counts code points, as
 * JSON Schema does), storable, and not blank when `required` (the message for a blank one).
 */
export function trimmedText({ max, required }: { max: number; required?: string }) {
  const trimmed = z.string().trim();
  const schema = (required ? trimmed.min(1, required) : trimmed)
    .max(max)
    .refine(isStorableText, UNSTORABLE_TEXT_MESSAGE);
  inputJsonSchemas.add(schema, {
    jsonSchema: {
      type: "string",
      ...(required ? { minLength: 1 } : {}),
      pattern: trimmedTextPattern(max, Boolean(required)),
      description: `Surrounding whitespace is trimmed; what remains is ${required ? "1" : "0"}–${max} characters, without NUL or unpaired surrogates.`,
    },
  });
  return schema;
}
