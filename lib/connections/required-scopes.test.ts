import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeAtlassian } from "../../testing/fake-atlassian/server";
import type { FakeSite } from "../../testing/fake-atlassian/state";
import {
  TEST_KEY,
  createFakeCredential,
  loadConnectUseCases,
  startConnectTestbed,
  type ConnectUseCases,
} from "../../testing/connect-testbed";
import { createTestWorkspace, type openTestDatabase } from "../../testing/test-db";

let fake: FakeAtlassian;
let db: Awaited<ReturnType<typeof openTestDatabase>>;
let lib: ConnectUseCases;

beforeAll(async () => {
  ({ fake, db } = await startConnectTestbed());
  lib = await loadConnectUseCases();
});
afterAll(() => fake.close());

const REQUIRED = ["read:jira-work", "write:jira-work"];

async function workspaceRequiring(scopes: string[], allowMissingScopes = false) {
  const { scope } = await createTestWorkspace();
  await db.getDb().workspace.update({
    where: { id: scope.workspaceId },
    data: { requiredScopes: scopes.join(" "), allowMissingScopes },
  });
  const { token } = await lib.sessions.createConnectSession(
    { workspaceId: scope.workspaceId, actor: TEST_KEY, ip: null },
    { end_user: { id: `user-${randomUUID()}` } },
  );
  return { scope, token };
}

const site = (name: string, scopes?: string[]): FakeSite => ({
  id: randomUUID(),
  name,
  url: `https://${name.toLowerCase()}-${randomUUID().slice(0, 8)}.atlassian.net`,
  scopes,
});

async function connect(token: string, sites: FakeSite[], tokenScope: string) {
  const credential = await createFakeCredential(fake, sites, tokenScope);
  return lib.connect.connectCredential(token, { ...credential, subdomain: undefined });
}

describe("a credential lacking a required scope", () => {
  it("is refused with the missing scopes named, and the same link connects the next credential", async () => {
    const { scope, token } = await workspaceRequiring(REQUIRED);
    const refused = await connect(token, [site("Acme", ["read:jira-work"])], "read:jira-work");
    expect(refused).toMatchObject({ kind: "failed", failure: { code: "missing_scopes" } });
    if (refused.kind !== "failed") throw new Error("expected a failure");
    expect(refused.failure.params).toMatchObject({ count: 1, missing: ["write:jira-work"] });
    expect(await db.getDb().connection.count({ where: { workspaceId: scope.workspaceId } })).toBe(
      0,
    );
    expect((await lib.sessions.findConnectSession(token)).state).toBe("open");

    const connected = await connect(token, [site("Acme", REQUIRED)], REQUIRED.join(" "));
    expect(connected).toMatchObject({ kind: "connected" });
  });

  it("judges by the site's scopes, falling back to the token's when the site lists none", async () => {
    const { token } = await workspaceRequiring(REQUIRED);
    const refused = await connect(token, [site("Acme")], "read:jira-work");
    expect(refused).toMatchObject({ kind: "failed", failure: { code: "missing_scopes" } });
    const connected = await connect(token, [site("Acme")], "read:jira-work write:jira-work");
    expect(connected).toMatchObject({ kind: "connected" });
  });

  it("is connected when Atlassian lists no scopes at all: nothing to judge by", async () => {
    const { token } = await workspaceRequiring(REQUIRED);
    expect(await connect(token, [site("Acme")], "")).toMatchObject({ kind: "connected" });
  });

  it("is refused after the site picker too, and the waiting credential is erased", async () => {
    const { token } = await workspaceRequiring(REQUIRED);
    const sites = [site("Alpha", ["read:jira-work"]), site("Beta", ["read:jira-work"])];
    const asked = await connect(token, sites, "read:jira-work");
    expect(asked.kind).toBe("choose_site");
    const refused = await lib.connect.confirmSite(token, sites[0]!.id);
    expect(refused).toMatchObject({ kind: "failed", failure: { code: "missing_scopes" } });
    const lookup = await lib.sessions.findConnectSession(token);
    if (lookup.state !== "open") throw new Error("expected the link to stay open");
    const row = await db.getDb().connectSession.findUniqueOrThrow({
      where: { id: lookup.session.id },
    });
    expect(row.pendingClientId).toBeNull();
  });

  it("connects, flagged on the Connected screen, when the workspace allows it", async () => {
    const { token } = await workspaceRequiring(REQUIRED, true);
    const connected = await connect(token, [site("Acme", ["read:jira-work"])], "read:jira-work");
    expect(connected).toMatchObject({
      kind: "connected",
      connection: { scopes: ["read:jira-work"] },
    });
  });
});
