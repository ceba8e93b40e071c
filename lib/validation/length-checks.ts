import type { z } from "zod";

const LENGTH_CHECKS = new Set(["min_length", "max_length", "length_equals"]);

/** Run a length check only on what has a real length: a string or an array. */
const hasLength = (payload: z.core.ParsePayload) =>
  typeof payload.value === "string" || Array.isArray(payload.value);

/**
 * zod runs a string's or array's length checks even after the value failed its type check, as
 * long as it has some `length`; it then compares that `length` with a number. A JSON body can
 * make it anything, and `{"end_user":{"id":{"length":{"toString":0}}}}` made the comparison throw
 * a TypeError out of safeParse, which the API answered with a 500. This narrows every length
 * check inside `schema` (through objects, arrays, optionals and pipes) to strings and arrays, so
 * a wrong type is reported as just that. Strings and arrays are judged exactly as before.
 */
export function lengthChecksOnlyOnLengths<T extends z.core.$ZodType>(schema: T): T {
  guard(schema, new Set());
  return schema;
}

function guard(schema: z.core.$ZodType | undefined, seen: Set<z.core.$ZodType>) {
  if (!schema || seen.has(schema)) return;
  seen.add(schema);
  const def = schema._zod.def as z.core.$ZodTypeDef & {
    shape?: Record<string, z.core.$ZodType>;
    element?: z.core.$ZodType;
    innerType?: z.core.$ZodType;
    in?: z.core.$ZodType;
    out?: z.core.$ZodType;
    options?: readonly z.core.$ZodType[];
  };
  for (const check of def.checks ?? []) {
    if (LENGTH_CHECKS.has(check._zod.def.check)) check._zod.def.when = hasLength;
  }
  for (const child of Object.values(def.shape ?? {})) guard(child, seen);
  for (const child of def.options ?? []) guard(child, seen);
  guard(def.element, seen);
  guard(def.innerType, seen);
  guard(def.in, seen);
  guard(def.out, seen);
}
