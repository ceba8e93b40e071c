import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ConnectFormState } from "./form-state";
import {
  FIELDS,
  codePoints,
  formData,
  formEntries,
  subdomainInput,
} from "../../testing/connect-fuzz";
import { createFakeCredential, startConnectTestbed } from "../../testing/connect-testbed";
import type { FakeAtlassian } from "../../testing/fake-atlassian/server";
import { RUNS, expectSentence, hostileString } from "../../testing/fuzz";
import { createTestWorkspace } from "../../testing/test-db";
import { normalizeSubdomain } from "../../lib/atlassian/subdomain";

/**
 * Property-based tests of the connect form's server action, which reads a raw form post:
 * whatever is posted, it answers a state the form can show, and never throws or apologises for
 * a crash of its own. (No server.ts resolves client addresses here, so the per-address attempt
 * limit does not cut a long run short.)
 */

vi.mock("next/headers", () => ({ headers: async () => new Headers() }));

let fake: FakeAtlassian;
let submitConnect: typeof import("./actions").submitConnect;
let sessions: typeof import("../../lib/connections/create-connect-session") &
  typeof import("../../lib/connections/find-connect-session") &
  typeof import("../../lib/connections/sweep-connect-sessions");
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
  ({ submitConnect } = await import("./actions"));
  sessions = {
    ...(await import("../../lib/connections/create-connect-session")),
    ...(await import("../../lib/connections/find-connect-session")),
    ...(await import("../../lib/connections/sweep-connect-sessions")),
  };
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
      where: { tokenHash: (await import("../../lib/ids")).sha256(token) },
      data: { expiresAt: new Date(Date.now() - 1_000) },
    });
  }
  if (kind === "spent") {
    await db.getDb().connectSession.updateMany({
      where: { tokenHash: (await import("../../lib/ids")).sha256(token) },
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
