import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { FakeAtlassian } from "../../e2e/fake-atlassian/server";
import type { ConnectFormState } from "../../app/connect/form-state";
import { normalizeSubdomain } from "../atlassian/subdomain";
import { createFakeCredential, startConnectTestbed } from "../testing/connect-testbed";
import {
  RUNS,
  TRICKY_OBJECT_TEXTS,
  expectFieldMessage,
  expectSentence,
  hostileString,
  longString,
  wellFormed,
} from "../testing/fuzz";
import { createTestWorkspace } from "../testing/test-db";
import { connectFormSchema, siteChoiceSchema, subdomainSchema } from "./connect";
import { localizeMessage } from "../i18n/localize";
import { hasMessage } from "../i18n/translate";
import { fieldErrorsOf, textFields } from "./form-data";

// The action may read the client's address for its attempt limits: each call comes from a new
// address here, so a long run is not cut short by the per-address limit.
vi.mock("next/headers", () => ({
  headers: async () =>
    new Headers({ "x-forwarded-for": `10.${Math.floor(Math.random() * 65_536)}.0.1` }),
}));

/**
 * Property-based tests of the connect form: its schema (shared by browser, server action and
 * API) and the server action that reads a raw form post. Whatever is posted, the action answers
 * a state the form can show, and never throws or apologises for a crash of its own.
 */

const FIELDS = ["subdomain", "clientId", "clientSecret"] as const;
/** zod measures a string's length in code points, not UTF-16 units. */
const codePoints = (text: string) => [...text].length;
const SUBDOMAIN = /^[a-z0-9](?:[a-z0-9-]{1,61}[a-z0-9])$/;

/** What people paste into a subdomain box. */
const subdomainInput = fc.oneof(
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

const credentialText = fc.oneof(
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
const anyValue = fc.oneof(
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
          const subdomainOk =
            subdomain === undefined ||
            !subdomain.trim() ||
            (codePoints(subdomain) <= 300 && normalizeSubdomain(subdomain) !== null);
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
              localizeMessage("en", issue.message),
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

/** A form post's entries: the form's own fields, repeated or missing, files, and strangers. */
type Entry = [name: string, value: string | Blob];
const formName = fc.oneof(
  fc.constantFrom("subdomain", "clientId", "clientSecret", "session_token", "intent", "site"),
  fc.constantFrom("__proto__", "constructor", "$ACTION_ID_abc", "clientid", "client_id", ""),
  fc.string({ maxLength: 10, unit: "binary" }),
);
const formValue: fc.Arbitrary<string | Blob> = fc.oneof(
  { weight: 6, arbitrary: hostileString(3_000) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }).map((bytes) => new Blob([bytes])) },
);
const formEntries = fc.array(fc.tuple(formName, formValue), { maxLength: 12 });

function formData(entries: Entry[]): FormData {
  const form = new FormData();
  for (const [name, value] of entries) {
    if (typeof value === "string") form.append(name, value);
    else form.append(name, value, "pasted.txt");
  }
  return form;
}

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

let fake: FakeAtlassian;
let submitConnect: typeof import("../../app/connect/actions").submitConnect;
let sessions: typeof import("../connections/connect-sessions");
let db: Awaited<ReturnType<typeof startConnectTestbed>>["db"];
let scope: Awaited<ReturnType<typeof createTestWorkspace>>["scope"];
/** A real credential reaching two sites: acme and beta. */
let credential: { clientId: string; clientSecret: string };
const SITES = [
  { id: randomUUID(), name: "Acme", url: "https://acme.atlassian.net" },
  { id: randomUUID(), name: "Beta", url: "https://beta.atlassian.net" },
];

beforeAll(async () => {
  ({ fake, db } = await startConnectTestbed());
  ({ submitConnect } = await import("../../app/connect/actions"));
  sessions = await import("../connections/connect-sessions");
  ({ scope } = await createTestWorkspace("Fuzz"));
  credential = await createFakeCredential(fake, SITES);
}, 30_000);

afterAll(() => fake?.close());

type TokenKind = "garbage" | "well_formed_unknown" | "open" | "expired" | "spent";

/** A connect session token of the given kind: only "open" may connect. */
async function sessionToken(kind: TokenKind, garbage: string): Promise<string> {
  if (kind === "garbage") return garbage;
  if (kind === "well_formed_unknown") return `lcs_${"A".repeat(43)}`;
  const { token } = await sessions.createConnectSession(scope, {
    end_user: { id: `fuzz-${randomUUID()}` },
  });
  if (kind === "expired") {
    await db.getDb().connectSession.updateMany({
      where: { tokenHash: (await import("../ids")).sha256(token) },
      data: { expiresAt: new Date(Date.now() - 1_000) },
    });
  }
  if (kind === "spent") {
    await db.getDb().connectSession.updateMany({
      where: { tokenHash: (await import("../ids")).sha256(token) },
      data: { connectedAt: new Date() },
    });
  }
  return token;
}

/** Checks a state is one the connect form can show, and that it keeps the secret to itself. */
function expectShowable(state: ConnectFormState, secret?: string) {
  expect(["editing", "choose_site", "connected", "session_ended"]).toContain(state.status);
  if (secret && secret.trim().length >= 8) {
    expect(JSON.stringify(state)).not.toContain(secret.trim());
  }
  switch (state.status) {
    case "editing":
      expect(state.code, "no crash behind an apology").not.toBe("internal_error");
      if (state.message !== undefined) expectSentence(state.message);
      if (state.values) expect(Object.keys(state.values).sort()).toEqual(["clientId", "subdomain"]);
      for (const [field, message] of Object.entries(state.fieldErrors ?? {})) {
        expect([...FIELDS, "site"]).toContain(field);
        expectSentence(message, `${field} error`);
      }
      expect(state.message !== undefined || Object.keys(state.fieldErrors ?? {}).length > 0).toBe(
        true,
      );
      break;
    case "choose_site":
      expect(state.sites.length).toBeGreaterThan(1);
      for (const message of Object.values(state.fieldErrors ?? {})) expectSentence(message);
      break;
    case "connected":
      expect(state.connection.status).toBe("healthy");
      break;
    case "session_ended":
      expect(["expired", "invalid", "spent"]).toContain(state.reason);
      break;
  }
}

describe("submitConnect (the connect form's server action)", () => {
  it("answers any form post with a state the form can show, never a crash", async () => {
    await fc.assert(
      fc.asyncProperty(
        formEntries,
        fc.constantFrom<TokenKind>("garbage", "well_formed_unknown", "open", "expired", "spent"),
        fc.boolean(),
        async (entries, kind, realCredential) => {
          const garbage = entries.find(([name]) => name === "session_token")?.[1];
          const token = await sessionToken(kind, typeof garbage === "string" ? garbage : "");
          const form = formData(entries);
          form.delete("session_token");
          form.append("session_token", token);
          if (realCredential && form.get("intent") !== "choose_site") {
            form.set("clientId", credential.clientId);
            form.set("clientSecret", ` ${credential.clientSecret}\n`);
          }
          const state = await submitConnect({ status: "editing" }, form);
          expectShowable(state, realCredential ? credential.clientSecret : undefined);
          if (kind !== "open" && state.status !== "editing") {
            expect(state).toEqual({
              status: "session_ended",
              reason: kind === "garbage" || kind === "well_formed_unknown" ? "invalid" : kind,
            });
          }
        },
      ),
      { numRuns: RUNS },
    );
  }, 60_000);

  it("with a working credential: connects, asks for the site, or names the subdomain's problem", async () => {
    await fc.assert(
      fc.asyncProperty(subdomainInput, hostileString(300), async (subdomain, site) => {
        const token = await sessionToken("open", "");
        const form = formData([
          ["session_token", token],
          ["subdomain", subdomain],
          ["clientId", credential.clientId],
          ["clientSecret", credential.clientSecret],
        ]);
        const first = await submitConnect({ status: "editing" }, form);
        expectShowable(first, credential.clientSecret);
        const normalized = subdomain.trim() ? normalizeSubdomain(subdomain) : undefined;
        if (normalized === null || codePoints(subdomain) > 300) {
          expect(first.status === "editing" && first.fieldErrors?.subdomain).toBeTruthy();
          return;
        }
        if (normalized === undefined) expect(first.status).toBe("choose_site");
        else if (normalized === "acme" || normalized === "beta")
          expect(first.status).toBe("connected");
        else expect(first.status === "editing" && first.fieldErrors?.subdomain).toBeTruthy();
        if (first.status !== "choose_site") return;

        // Step two, with whatever the radio group posted.
        const second = await submitConnect(
          first,
          formData([
            ["session_token", token],
            ["intent", "choose_site"],
            ["site", site],
          ]),
        );
        expectShowable(second, credential.clientSecret);
        expect(second.status).toBe(SITES.some((s) => s.id === site) ? "connected" : "choose_site");
        if (second.status === "choose_site") expect(second.fieldErrors?.site).toBeTruthy();
      }),
      { numRuns: RUNS / 3 },
    );
  }, 60_000);

  it("step two with any site and any session: never a crash", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<TokenKind>("garbage", "well_formed_unknown", "open", "expired", "spent"),
        hostileString(400),
        hostileString(400),
        async (kind, garbage, site) => {
          const token = await sessionToken(kind, garbage);
          const state = await submitConnect(
            { status: "editing" },
            formData([
              ["session_token", token],
              ["intent", "choose_site"],
              ["site", site],
            ]),
          );
          expectShowable(state);
          if (kind === "open") {
            // No credential is waiting for a choice on a fresh session.
            expect(state).toMatchObject({ status: "editing", code: "choice_expired" });
          }
        },
      ),
      { numRuns: RUNS },
    );
  }, 60_000);
});
