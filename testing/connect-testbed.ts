import { randomUUID } from "node:crypto";
import { startFakeAtlassian, type FakeAtlassian } from "./fake-atlassian/server";
import type { FakeSite } from "./fake-atlassian/state";
import { openTestDatabase } from "./test-db";

/** The actor of connect sessions a test mints as a tenant backend would, with an API key. */
export const TEST_KEY = { type: "api_key" as const, id: "key_test", label: "latch_sk_test" };

/**
 * For use-case tests that go through Atlassian: a fake Atlassian on loopback and a fresh
 * database, with Latch pointed at both. Call in beforeAll, before importing lib modules.
 */
export async function startConnectTestbed() {
  const fake = await startFakeAtlassian(0);
  process.env.ATLASSIAN_AUTH_URL = fake.url;
  process.env.ATLASSIAN_API_URL = fake.url;
  const db = await openTestDatabase();
  return { fake, db };
}

/** Creates a credential in the fake, as a person would in Atlassian Administration. */
export async function createFakeCredential(
  fake: FakeAtlassian,
  sites: FakeSite[] = [{ id: randomUUID(), name: "Acme", url: "https://acme.atlassian.net" }],
  scope = "read:jira-work",
) {
  const credential = { clientId: `cid-${randomUUID()}`, clientSecret: `secret-${randomUUID()}` };
  await fetch(`${fake.url}/__fake/credentials`, {
    method: "POST",
    body: JSON.stringify({
      client_id: credential.clientId,
      client_secret: credential.clientSecret,
      sites,
      scope,
    }),
  });
  return credential;
}

/** Connects a new credential for an end user through the real connect flow. */
export async function connectThroughFlow(
  fake: FakeAtlassian,
  scope: { workspaceId: string },
  options: { endUserId?: string; sites?: FakeSite[] } = {},
) {
  const { createConnectSession } = {
    ...(await import("../lib/connections/create-connect-session")),
    ...(await import("../lib/connections/find-connect-session")),
    ...(await import("../lib/connections/sweep-connect-sessions")),
  };
  const { connectCredential } = {
    ...(await import("../lib/connections/connect-credential")),
    ...(await import("../lib/connections/confirm-site")),
  };
  const credential = await createFakeCredential(fake, options.sites);
  const endUserId = options.endUserId ?? `user-${randomUUID()}`;
  const { token } = await createConnectSession(
    { workspaceId: scope.workspaceId, actor: TEST_KEY, ip: null },
    { end_user: { id: endUserId } },
  );
  const outcome = await connectCredential(token, { ...credential, subdomain: undefined });
  if (outcome.kind !== "connected") throw new Error(`expected connected, got ${outcome.kind}`);
  return {
    id: outcome.connection.id,
    connection: outcome.connection,
    credential,
    token,
    endUserId,
  };
}

/**
 * The connect-session and connect use cases, as the tests call them (`lib.sessions.…`,
 * `lib.connect.…`). Loaded, not imported: they read the environment the testbed sets up.
 */
export async function loadConnectUseCases() {
  return {
    sessions: {
      ...(await import("../lib/connections/create-connect-session")),
      ...(await import("../lib/connections/find-connect-session")),
      ...(await import("../lib/connections/sweep-connect-sessions")),
    },
    connect: {
      ...(await import("../lib/connections/connect-credential")),
      ...(await import("../lib/connections/confirm-site")),
    },
  };
}

export type ConnectUseCases = Awaited<ReturnType<typeof loadConnectUseCases>>;
