import { beforeAll, describe, expect, it } from "vitest";
import { createTestWorkspace, openTestDatabase } from "../../testing/test-db";

let db: Awaited<ReturnType<typeof openTestDatabase>>["getDb"];
const useCases = async () => ({
  ...(await import("./create-api-key")),
  ...(await import("./list-api-keys")),
  ...(await import("./revoke-api-key")),
});
let keys: Awaited<ReturnType<typeof useCases>>;
let API_KEY_PATTERN: RegExp;
let sha256: (text: string) => string;

beforeAll(async () => {
  db = (await openTestDatabase()).getDb;
  keys = await useCases();
  ({ API_KEY_PATTERN } = await import("../env-schema"));
  ({ sha256 } = await import("../ids"));
});

async function auditActions(workspaceId: string) {
  const events = await db().auditEvent.findMany({ where: { workspaceId } });
  return events.map((event) => ({
    action: event.action,
    targetId: event.targetId,
    details: JSON.parse(event.details) as Record<string, unknown>,
  }));
}

describe("createApiKey", () => {
  it("answers a key in the documented format once, storing only its hash", async () => {
    const { scope } = await createTestWorkspace();
    const { key, apiKey } = await keys.createApiKey(scope, "Production backend");

    expect(key).toMatch(API_KEY_PATTERN);
    expect(apiKey.prefix).toBe(key.slice(0, 13));
    expect(apiKey.prefix).toMatch(/^latch_sk_.{4}$/);
    expect(apiKey).toMatchObject({ name: "Production backend", lastUsedAt: null, revokedAt: null });
    expect(apiKey).not.toHaveProperty("hash");

    const row = await db().apiKey.findUniqueOrThrow({ where: { id: apiKey.id } });
    expect(row.hash).toBe(sha256(key));
    expect(row.workspaceId).toBe(scope.workspaceId);
    expect(JSON.stringify(row)).not.toContain(key);
    const events = JSON.stringify(await db().auditEvent.findMany());
    expect(events).not.toContain(key);
  });

  it("records an api_key.created event naming the key", async () => {
    const { scope } = await createTestWorkspace();
    const { apiKey } = await keys.createApiKey(scope, "CI");
    expect(await auditActions(scope.workspaceId)).toEqual([
      {
        action: "api_key.created",
        targetId: apiKey.id,
        details: { name: "CI", prefix: apiKey.prefix },
      },
    ]);
  });

  it("makes a different key every time", async () => {
    const { scope } = await createTestWorkspace();
    const first = await keys.createApiKey(scope, "a");
    const second = await keys.createApiKey(scope, "b");
    expect(first.key).not.toBe(second.key);
  });
});

describe("listApiKeys", () => {
  it("lists this workspace's keys newest first, without secrets", async () => {
    const { scope } = await createTestWorkspace();
    const { scope: other } = await createTestWorkspace("Other");
    const older = await keys.createApiKey(scope, "Older");
    await new Promise((resolve) => setTimeout(resolve, 5));
    const newer = await keys.createApiKey(scope, "Newer");
    await keys.createApiKey(other, "Someone else's");

    const listed = await keys.listApiKeys(scope);
    expect(listed.map((key) => key.id)).toEqual([newer.apiKey.id, older.apiKey.id]);
    expect(Object.keys(listed[0]!).sort()).toEqual(
      ["createdAt", "id", "lastUsedAt", "name", "prefix", "revokedAt"].sort(),
    );
  });
});

describe("revokeApiKey", () => {
  it("revokes a key of the workspace and records it once, however often it is asked", async () => {
    const { scope } = await createTestWorkspace();
    const { apiKey } = await keys.createApiKey(scope, "Old backend");

    const revoked = await keys.revokeApiKey(scope, apiKey.id);
    expect(revoked?.revokedAt).toBeInstanceOf(Date);
    const again = await keys.revokeApiKey(scope, apiKey.id);
    expect(again?.revokedAt).toEqual(revoked?.revokedAt);

    const revocations = (await auditActions(scope.workspaceId)).filter(
      (event) => event.action === "api_key.revoked",
    );
    expect(revocations).toEqual([
      {
        action: "api_key.revoked",
        targetId: apiKey.id,
        details: { name: "Old backend", prefix: apiKey.prefix },
      },
    ]);
  });

  it("treats another workspace's key as not found and leaves it active", async () => {
    const { scope } = await createTestWorkspace();
    const { scope: other } = await createTestWorkspace("Other");
    const { apiKey } = await keys.createApiKey(other, "Theirs");

    expect(await keys.revokeApiKey(scope, apiKey.id)).toBeNull();
    expect(await keys.revokeApiKey(scope, "key_does_not_exist")).toBeNull();
    const row = await db().apiKey.findUniqueOrThrow({ where: { id: apiKey.id } });
    expect(row.revokedAt).toBeNull();
    expect(await auditActions(scope.workspaceId)).toEqual([]);
  });

  it("stops a revoked key from authenticating", async () => {
    const { workspaceForApiKey } = await import("./authenticate-api-key");
    const { scope } = await createTestWorkspace();
    const { key, apiKey } = await keys.createApiKey(scope, "Short-lived");
    expect(await workspaceForApiKey(key)).toMatchObject({ workspaceId: scope.workspaceId });
    expect((await keys.listApiKeys(scope))[0]?.lastUsedAt).toBeInstanceOf(Date);
    await keys.revokeApiKey(scope, apiKey.id);
    expect(await workspaceForApiKey(key)).toBeNull();
  });
});
