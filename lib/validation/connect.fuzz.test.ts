import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  FIELDS,
  SUBDOMAIN,
  anyValue,
  codePoints,
  credentialText,
  formData,
  formEntries,
  subdomainInput,
} from "../../testing/connect-fuzz";
import {
  RUNS,
  expectFieldMessage,
  expectSentence,
  hostileString,
  wellFormed,
} from "../../testing/fuzz";
import { normalizeSubdomain } from "../atlassian/subdomain";
import { localizeMessage } from "../i18n/localize";
import { hasMessage } from "../i18n/translate";
import { connectFormSchema, siteChoiceSchema, subdomainSchema } from "./connect";
import { fieldErrorsOf, textFields } from "./form-data";

/**
 * Property-based tests of the connect form's schema (shared by browser, server action and API)
 * and the form-data helpers that read a raw form post. The server action itself is fuzzed
 * beside it: app/connect/actions.fuzz.test.ts.
 */

describe("connect form schema", () => {
  it("judges any value without throwing, naming each problem in words", () => {
    fc.assert(
      fc.property(anyValue, (value) => {
        const parsed = connectFormSchema.safeParse(value);
        if (parsed.success) return;
        expect(parsed.error.issues.length).toBeGreaterThan(0);
        for (const issue of parsed.error.issues) expectFieldMessage(issue.message, "issue");
      }),
      { numRuns: RUNS },
    );
  });

  it("on text fields: accepts exactly the valid ones, and puts a sentence on each bad field", () => {
    fc.assert(
      fc.property(
        fc.option(subdomainInput, { nil: undefined }),
        credentialText,
        credentialText,
        (subdomain, clientId, clientSecret) => {
          const parsed = connectFormSchema.safeParse({ subdomain, clientId, clientSecret });
          const id = clientId.trim();
          const secret = clientSecret.trim();
          // The length is judged first, as the schema does: even a blank of 301 tabs is too long.
          const subdomainOk =
            subdomain === undefined ||
            (codePoints(subdomain) <= 300 &&
              (!subdomain.trim() || normalizeSubdomain(subdomain) !== null));
          const idOk = codePoints(id) >= 1 && codePoints(id) <= 256;
          const secretOk = codePoints(secret) >= 1 && codePoints(secret) <= 1024;
          const expectedOk = idOk && secretOk;
          expect(parsed.success).toBe(expectedOk && subdomainOk);
          if (parsed.success) {
            expect(parsed.data.clientId).toBe(id);
            expect(parsed.data.clientSecret).toBe(secret);
            if (parsed.data.subdomain !== undefined)
              expect(parsed.data.subdomain).toMatch(SUBDOMAIN);
            return;
          }
          const errors = fieldErrorsOf<(typeof FIELDS)[number]>(parsed.error as never);
          for (const issue of parsed.error.issues) {
            expect(FIELDS).toContain(issue.path[0]);
            // A catalog key, worded in the reader's language where it is shown.
            expect(hasMessage(issue.message), issue.message).toBe(true);
            expectSentence(
              localizeMessage("en", issue.message, { domain: "atlassian.net" }),
              `${String(issue.path[0])} message`,
            );
          }
          if (!subdomainOk) expect(errors.subdomain).toBeDefined();
          if (!idOk) expect(errors.clientId).toBeDefined();
          if (!secretOk) expect(errors.clientSecret).toBeDefined();
        },
      ),
      { numRuns: RUNS * 2 },
    );
  });

  it("normalises a subdomain to one canonical label, and the label to itself", () => {
    fc.assert(
      fc.property(subdomainInput, (input) => {
        const parsed = subdomainSchema.safeParse(input);
        if (!parsed.success || parsed.data === undefined) return;
        expect(parsed.data).toMatch(SUBDOMAIN);
        expect(parsed.data).not.toContain("--");
        expect(subdomainSchema.parse(parsed.data)).toBe(parsed.data);
        expect(subdomainSchema.parse(`https://${parsed.data}.atlassian.net/`)).toBe(parsed.data);
      }),
      { numRuns: RUNS },
    );
  });

  it("site choice: any value is judged without throwing", () => {
    fc.assert(
      fc.property(fc.oneof(anyValue, fc.record({ site: hostileString(400) })), (value) => {
        const parsed = siteChoiceSchema.safeParse(value);
        if (!parsed.success) {
          for (const issue of parsed.error.issues) expectFieldMessage(issue.message, "site");
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe("form-data helpers", () => {
  it("textFields reads the first text value of each name, and '' for a file or nothing", () => {
    fc.assert(
      fc.property(formEntries, (entries) => {
        const names = ["subdomain", "clientId", "clientSecret", "constructor", "toString"];
        const values = textFields(formData(entries), names);
        expect(Object.keys(values).sort()).toEqual([...names].sort());
        for (const name of names) {
          const first = entries.find(([entryName]) => entryName === name)?.[1];
          expect(values[name]).toBe(typeof first === "string" ? wellFormed(first) : "");
        }
      }),
      { numRuns: RUNS },
    );
  });
});
