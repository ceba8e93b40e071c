import fc from "fast-check";
import { expect } from "vitest";

/**
 * Shared pieces of the property-based ("fuzz") tests: hostile inputs, and the checks every
 * answer must pass whatever it was sent.
 */

/** Runs per property: enough to find the shallow bugs, few enough that a file stays quick. */
export const RUNS = 150;

/** Strings people and programs send by accident or on purpose. */
export const NASTY_STRINGS = [
  "",
  " ",
  "\t\n\r",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "\udfff\ud800",
  "\u202e",
  "\ufeff",
  "\u200b",
  "😀",
  "é",
  "%00",
  "%zz",
  "%",
  "..",
  "../../etc/passwd",
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  '"',
  "\\",
  "null",
  "undefined",
  "NaN",
  "Infinity",
  "-Infinity",
  "-0",
  "0x10",
  "1e309",
  "1e2",
  " 5 ",
  "9007199254740993",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "valueOf",
];

/** Object keys meant to reach a prototype or a built-in, or to confuse a path join. */
export const NASTY_KEYS = [
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "__defineGetter__",
  "",
  ".",
  "0",
  "length",
];

/** A long string without generating it character by character: a short piece repeated. */
export const longString = (maxLength = 70_000) =>
  fc
    .tuple(fc.string({ minLength: 1, maxLength: 4, unit: "binary" }), fc.nat({ max: maxLength }))
    .map(([piece, length]) => piece.repeat(Math.ceil(length / piece.length)).slice(0, length));

/** Any string at all: ASCII, every code point (lone surrogates included), the nasty ones, long. */
export const hostileString = (maxLength = 70_000): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.string({ maxLength: 40, unit: "binary" }),
    fc.string({ maxLength: 20, unit: "grapheme" }),
    fc.constantFrom(...NASTY_STRINGS),
    longString(maxLength),
  );

export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...NASTY_KEYS),
  fc.string({ maxLength: 12, unit: "binary" }),
);

/**
 * JSON objects that imitate strings and arrays, or whose members shadow Object.prototype's: what
 * a library that looks at `value.length` or calls `String(value)` trips over.
 */
export const TRICKY_OBJECT_TEXTS = [
  '{"length":{"toString":0}}',
  '{"length":{"valueOf":{},"toString":{}}}',
  '{"length":1e9}',
  '{"length":-1}',
  '{"length":"5"}',
  '{"toString":"x","valueOf":"y"}',
  '{"0":"a","length":1}',
  '{"__proto__":{"length":{"toString":0}}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
];

/** A JSON leaf, as JSON text: the odd numbers and strings included. */
const jsonLeafText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...TRICKY_OBJECT_TEXTS),
  fc.constantFrom(
    "null",
    "true",
    "false",
    "0",
    "-0",
    "1e308",
    "1e400",
    "-1e-308",
    "123456789012345678901234567890",
    '""',
  ),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => JSON.stringify(n)),
  hostileString(2_000).map((s) => JSON.stringify(s)),
);

/**
 * Arbitrary JSON *text*. Built as text, not with JSON.stringify over an object, so that keys
 * such as `__proto__` arrive as own properties after JSON.parse (as they would from a client)
 * and so that duplicate keys occur.
 */
export const hostileJsonText: fc.Arbitrary<string> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    jsonLeafText,
    tie("array"),
    tie("object"),
  ),
  array: fc.array(tie("value"), { maxLength: 5 }).map((items) => `[${items.join(",")}]`),
  object: fc
    .array(fc.tuple(hostileKey, tie("value")), { maxLength: 6 })
    .map(
      (entries) =>
        `{${entries.map(([key, value]) => `${JSON.stringify(key)}:${value}`).join(",")}}`,
    ),
})).value as fc.Arbitrary<string>;

/** JSON nested `depth` levels deep, arrays or objects, under 64 KB. */
export const deepJsonText = fc
  .tuple(fc.integer({ min: 100, max: 20_000 }), fc.boolean(), fc.constantFrom("end_user", "x"))
  .map(([depth, arrays, key]) =>
    arrays
      ? "[".repeat(depth) + "]".repeat(depth)
      : `{"${key}":`.repeat(depth) + "1" + "}".repeat(depth),
  );

/** An object's JSON text from optional fields: each field absent, or one of its value texts. */
export function objectText(fields: Record<string, fc.Arbitrary<string>>): fc.Arbitrary<string> {
  return fc
    .record(
      Object.fromEntries(
        Object.entries(fields).map(([key, value]) => [key, fc.option(value, { nil: undefined })]),
      ),
    )
    .chain((picked) =>
      fc
        .array(fc.tuple(hostileKey, hostileJsonText), { maxLength: 2 })
        .map((extra) =>
          [...Object.entries(picked).filter(([, value]) => value !== undefined), ...extra].map(
            ([key, value]) => `${JSON.stringify(key)}:${value}`,
          ),
        ),
    )
    .chain((entries) => fc.shuffledSubarray(entries, { minLength: entries.length }))
    .map((entries) => `{${entries.join(",")}}`);
}

/** The string with each unpaired surrogate replaced by U+FFFD, as FormData and URLs do. */
export function wellFormed(text: string): string {
  return text.replace(
    /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    "\ufffd",
  );
}

/** A message a person can act on: a non-empty sentence, not a dump of the input. */
export function expectSentence(message: unknown, what = "message"): asserts message is string {
  expect(typeof message, `${what} is text`).toBe("string");
  const text = message as string;
  expect(text.trim().length, `${what} is not empty`).toBeGreaterThanOrEqual(10);
  expect(text.length, `${what} does not echo a huge input`).toBeLessThanOrEqual(2_000);
  expect(text, `${what} starts like a sentence`).toMatch(/^[A-Z]/);
  expect(text, `${what} ends like a sentence`).toMatch(/[.!?]$/);
}

/** A field's error message: non-empty text. */
export function expectFieldMessage(message: unknown, field: string) {
  expect(typeof message, `${field} message is text`).toBe("string");
  expect((message as string).trim(), `${field} message is not empty`).not.toBe("");
}

/** The API's error answer: a 4xx with `{"error":{"code","message"}}` and nothing else. */
export async function expectApiError(response: Response, body?: unknown) {
  expect(response.status, "an error is a 4xx, never a 5xx").toBeGreaterThanOrEqual(400);
  expect(response.status).toBeLessThan(500);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  const json = (body ?? (await response.json())) as {
    error?: { code?: unknown; message?: unknown };
  };
  expect(Object.keys(json)).toEqual(["error"]);
  expect(Object.keys(json.error ?? {}).sort()).toEqual(["code", "message"]);
  expect(json.error?.code).toMatch(/^[a-z][a-z0-9_]*$/);
  expectSentence(json.error?.message, "error message");
  return json.error as { code: string; message: string };
}

/** Object.prototype as it should stay: nothing added by a `__proto__` key somewhere. */
export function expectPrototypeIntact() {
  const probe: Record<string, unknown> = {};
  for (const key of ["polluted", "isAdmin", "x", "end_user", "id", "a"]) {
    expect(probe[key], `Object.prototype.${key}`).toBeUndefined();
  }
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_KEYS);
}

const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();
