import fc from "fast-check";
import { TRICKY_OBJECT_TEXTS, hostileString, longString } from "./fuzz";

/** Generators of what people and scripts post to the connect form, for its fuzz tests. */

export const FIELDS = ["subdomain", "clientId", "clientSecret"] as const;
/** zod measures a string's length in code points, not UTF-16 units. */
export const codePoints = (text: string) => [...text].length;
export const SUBDOMAIN = /^[a-z0-9](?:[a-z0-9-]{1,61}[a-z0-9])$/;

/** What people paste into a subdomain box. */
export const subdomainInput = fc.oneof(
  hostileString(400),
  fc.stringMatching(/^[a-z0-9][a-z0-9-]{1,20}[a-z0-9]$/),
  fc
    .tuple(
      fc.constantFrom("", "https://", "http://", "HTTPS://", " "),
      fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9-]{1,20}[A-Za-z0-9]$/),
      fc.constantFrom(
        "",
        ".atlassian.net",
        ".atlassian.net.",
        ".ATLASSIAN.NET/",
        ".atlassian.net/jira?x#y",
      ),
      fc.constantFrom("", " ", "\t"),
    )
    .map((parts) => parts.join("")),
);

export const credentialText = fc.oneof(
  hostileString(2_000),
  fc.string({ minLength: 1, maxLength: 300 }),
  longString(1_100),
  fc
    .tuple(fc.constantFrom(" ", "\t", "\n", "\u00a0"), fc.string({ maxLength: 20 }))
    .map(([pad, text]) => pad + text + pad),
);

/** Any value at all, and objects in the form's shape whose fields are tricky objects. */
const trickyObject = fc
  .constantFrom(...TRICKY_OBJECT_TEXTS)
  .map((text) => JSON.parse(text) as unknown);
export const anyValue = fc.oneof(
  fc.anything({ withNullPrototype: true, withBoxedValues: true }),
  fc.record(
    {
      subdomain: fc.oneof(trickyObject, fc.anything()),
      clientId: fc.oneof(trickyObject, fc.anything()),
      clientSecret: fc.oneof(trickyObject, fc.anything()),
      site: fc.oneof(trickyObject, fc.anything()),
    },
    { requiredKeys: [] },
  ),
);

/** A form post's entries: the form's own fields, repeated or missing, files, and strangers. */
export type Entry = [name: string, value: string | Blob];
const formName = fc.oneof(
  fc.constantFrom("subdomain", "clientId", "clientSecret", "session_token", "intent", "site"),
  fc.constantFrom("__proto__", "constructor", "$ACTION_ID_abc", "clientid", "client_id", ""),
  fc.string({ maxLength: 10, unit: "binary" }),
);
const formValue: fc.Arbitrary<string | Blob> = fc.oneof(
  { weight: 6, arbitrary: hostileString(3_000) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }).map((bytes) => new Blob([bytes])) },
);
export const formEntries = fc.array(fc.tuple(formName, formValue), { maxLength: 12 });

export function formData(entries: Entry[]): FormData {
  const form = new FormData();
  for (const [name, value] of entries) {
    if (typeof value === "string") form.append(name, value);
    else form.append(name, value, "pasted.txt");
  }
  return form;
}
