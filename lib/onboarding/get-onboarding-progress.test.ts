import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeAtlassian } from "../../testing/fake-atlassian/server";
import {
  connectThroughFlow,
  createFakeCredential,
  loadConnectUseCases,
  startConnectTestbed,
  type ConnectUseCases,
} from "../../testing/connect-testbed";
import { createTestWorkspace, type openTestDatabase } from "../../testing/test-db";

let fake: FakeAtlassian;
let db: Awaited<ReturnType<typeof openTestDatabase>>;
let lib: ConnectUseCases & {
  progress: typeof import("./get-onboarding-progress");
  keys: typeof import("../api-keys/create-api-key") & typeof import("../api-keys/revoke-api-key");
  origins: typeof import("../workspaces/set-allowed-origins");
};

beforeAll(async () => {
  ({ fake, db } = await startConnectTestbed());
  lib = {
    ...(await loadConnectUseCases()),
    progress: await import("./get-onboarding-progress"),
    keys: {
      ...(await import("../api-keys/create-api-key")),
      ...(await import("../api-keys/revoke-api-key")),
    },
    origins: await import("../workspaces/set-allowed-origins"),
  };
});

afterAll(() => fake.close());

const NOTHING = {
  apiKey: false,
  sessionMinted: false,
  linkUsed: false,
  originsSet: false,
  webhookSet: false,
  hasConnection: false,
};

describe("onboarding progress", () => {
  it("starts with nothing done and ticks each step from what exists", async () => {
    const { scope } = await createTestWorkspace();
    const progress = () => lib.progress.getOnboardingProgress(scope);
    expect(await progress()).toEqual(NOTHING);

    const { apiKey } = await lib.keys.createApiKey(scope, "Backend");
    expect(await progress()).toEqual({ ...NOTHING, apiKey: true });

    await lib.sessions.createConnectSession(scope, { end_user: { id: "user-1" } });
    expect(await progress()).toMatchObject({ apiKey: true, sessionMinted: true, linkUsed: false });

    await lib.origins.setAllowedOrigins(scope, ["https://app.example.com"]);
    await db.getDb().workspace.update({
      where: { id: scope.workspaceId },
      data: { webhookUrl: "https://hooks.example.com/latch" },
    });
    expect(await progress()).toMatchObject({ originsSet: true, webhookSet: true });

    await lib.keys.revokeApiKey(scope, apiKey.id);
    expect(await progress()).toMatchObject({ apiKey: false });
  });

  it("counts a minted link after its session was swept, from the audit log", async () => {
    const { scope } = await createTestWorkspace();
    await lib.sessions.createConnectSession(scope, { end_user: { id: "user-1" } });
    await db.getDb().connectSession.deleteMany({ where: { workspaceId: scope.workspaceId } });
    expect(await lib.progress.getOnboardingProgress(scope)).toMatchObject({ sessionMinted: true });
  });

  it("counts a link as used once an end user tried it, and done once connected", async () => {
    const tried = (await createTestWorkspace()).scope;
    const { token } = await lib.sessions.createConnectSession(tried, { end_user: { id: "u" } });
    const credential = await createFakeCredential(fake);
    await lib.connect.connectCredential(token, {
      clientId: credential.clientId,
      clientSecret: "wrong",
      subdomain: undefined,
    });
    expect(await lib.progress.getOnboardingProgress(tried)).toMatchObject({
      linkUsed: true,
      hasConnection: false,
    });

    const connected = (await createTestWorkspace()).scope;
    await connectThroughFlow(fake, connected);
    expect(await lib.progress.getOnboardingProgress(connected)).toMatchObject({
      sessionMinted: true,
      linkUsed: true,
      hasConnection: true,
    });
  });

  it("sees only its own workspace", async () => {
    const busy = (await createTestWorkspace()).scope;
    await connectThroughFlow(fake, busy);
    await lib.keys.createApiKey(busy, "Backend");
    const empty = (await createTestWorkspace()).scope;
    expect(await lib.progress.getOnboardingProgress(empty)).toEqual(NOTHING);
    expect(await lib.progress.getOnboardingProgress({ workspaceId: "ws_missing" })).toBeNull();
  });
});
