import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeAtlassian } from "../../testing/fake-atlassian/server";
import {
  createFakeCredential,
  loadConnectUseCases,
  startConnectTestbed,
  type ConnectUseCases,
} from "../../testing/connect-testbed";
import { createTestWorkspace, type openTestDatabase } from "../../testing/test-db";

let fake: FakeAtlassian;
let db: Awaited<ReturnType<typeof openTestDatabase>>;
let lib: ConnectUseCases & { audit: typeof import("./internal/record-connect-failure") };

beforeAll(async () => {
  ({ fake, db } = await startConnectTestbed());
  lib = {
    ...(await loadConnectUseCases()),
    audit: await import("./internal/record-connect-failure"),
  };
});

afterAll(() => fake.close());

async function newSession(endUserId = `user-${randomUUID()}`) {
  const { scope } = await createTestWorkspace();
  const { token } = await lib.sessions.createConnectSession(scope, { end_user: { id: endUserId } });
  return { scope, token, endUserId };
}

const failedEvents = (workspaceId: string) =>
  db.getDb().auditEvent.findMany({ where: { workspaceId, action: "connect.failed" } });

describe("failed connect attempts in the audit log", () => {
  it("records a refused secret with the end user and the code, never the secret", async () => {
    const { scope, token, endUserId } = await newSession();
    const credential = await createFakeCredential(fake);
    const wrongSecret = `wrong-${randomUUID()}`;
    const outcome = await lib.connect.connectCredential(
      token,
      { clientId: credential.clientId, clientSecret: wrongSecret, subdomain: undefined },
      "203.0.113.9",
    );
    expect(outcome).toMatchObject({ kind: "failed", failure: { code: "invalid_credentials" } });

    const [event, ...others] = await failedEvents(scope.workspaceId);
    expect(others).toHaveLength(0);
    expect(event).toMatchObject({
      actorType: "end_user",
      actorLabel: endUserId,
      ip: "203.0.113.9",
      targetType: "connect_session",
    });
    expect(JSON.parse(event!.details)).toEqual({
      code: "invalid_credentials",
      reason: "credential_refused",
      step: "connect",
    });
    const everything = JSON.stringify(
      await db.getDb().auditEvent.findMany({ where: { workspaceId: scope.workspaceId } }),
    );
    expect(everything).not.toContain(wrongSecret);
    expect(everything).not.toContain(credential.clientSecret);
  });

  it("records no site and a subdomain the credential cannot reach without echoing it", async () => {
    const { scope, token } = await newSession();
    const credential = await createFakeCredential(fake);
    const outcome = await lib.connect.connectCredential(token, {
      ...credential,
      subdomain: "elsewhere-secret-name",
    });
    expect(outcome).toMatchObject({ failure: { code: "subdomain_not_found" } });
    const [event] = await failedEvents(scope.workspaceId);
    expect(JSON.parse(event!.details)).toMatchObject({
      code: "subdomain_not_found",
      reason: "no_site",
    });
    expect(event!.details).not.toContain("elsewhere-secret-name");
  });

  it("keeps a flood of concurrent attempts on one link to a bounded number of rows", async () => {
    const { scope, token } = await newSession();
    const credential = await createFakeCredential(fake);
    const attempts = 40;
    const outcomes = await Promise.all(
      Array.from({ length: attempts }, (_, index) =>
        lib.connect.connectCredential(token, {
          clientId: credential.clientId,
          clientSecret: `wrong-${index}`,
          subdomain: undefined,
        }),
      ),
    );
    expect(outcomes.every((outcome) => outcome.kind === "failed")).toBe(true);
    const events = await failedEvents(scope.workspaceId);
    expect(events).toHaveLength(lib.audit.FAILURES_AUDITED_PER_SESSION);
    const codes = events.map((event) => JSON.parse(event.details).code as string);
    expect(codes).toContain("rate_limited");
  });

  it("records nothing for a connection that worked", async () => {
    const { scope, token } = await newSession();
    const credential = await createFakeCredential(fake);
    const outcome = await lib.connect.connectCredential(token, {
      ...credential,
      subdomain: undefined,
    });
    expect(outcome.kind).toBe("connected");
    expect(await failedEvents(scope.workspaceId)).toHaveLength(0);
  });
});
