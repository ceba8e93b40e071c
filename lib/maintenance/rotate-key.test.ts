import { spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeAtlassian } from "../../testing/fake-atlassian/server";
import { parseEncryptionKey, toEncryptionKey } from "../crypto/keys";
import { open, sealedKeyId } from "../crypto/seal";
import { connectThroughFlow, startConnectTestbed } from "../../testing/connect-testbed";
import { createTestWorkspace, type openTestDatabase } from "../../testing/test-db";

const oldKey = randomBytes(32).toString("base64");
const newKey = randomBytes(32).toString("base64");
const keyId = (key: string) => toEncryptionKey(parseEncryptionKey(key)!).id;
const root = path.join(__dirname, "..", "..");

let fake: FakeAtlassian;
let db: Awaited<ReturnType<typeof openTestDatabase>>;

beforeAll(async () => {
  process.env.ENCRYPTION_KEY = oldKey; // what this process (the "app before rotation") seals with
  ({ fake, db } = await startConnectTestbed());
});

afterAll(() => fake.close());

/**
 * Runs a script as its own process, as an operator (or a restarted app) would. Not spawnSync:
 * the fake Atlassian the child calls runs in this process and must keep answering.
 */
function run(script: string, args: string[], keys: Record<string, string>) {
  const env: NodeJS.ProcessEnv = { ...process.env, ...keys, LOG_LEVEL: "silent" };
  if (!keys.ENCRYPTION_KEY_PREVIOUS) delete env.ENCRYPTION_KEY_PREVIOUS;
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", path.join(root, script), ...args],
    { env, cwd: root },
  );
  let out = "";
  let err = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString("utf8")));
  child.stdin.end("go\n"); // access-token-worker starts on this; the CLI ignores it
  return new Promise<{ code: number | null; out: string; err: string }>((resolve) =>
    child.on("close", (code) => resolve({ code, out, err })),
  );
}

async function allSealedValues(): Promise<string[]> {
  const connections = await db.getDb().connection.findMany({
    select: { clientSecretSealed: true, accessTokenSealed: true },
  });
  const workspaces = await db.getDb().workspace.findMany({ select: { webhookSecretSealed: true } });
  const users = await db.getDb().user.findMany({ select: { totpSecretSealed: true } });
  return [
    ...connections.flatMap((row) => [row.clientSecretSealed, row.accessTokenSealed]),
    ...workspaces.map((row) => row.webhookSecretSealed),
    ...users.map((row) => row.totpSecretSealed),
  ].filter((value): value is string => value !== null);
}

// Each step is a process of its own (tsx start-up is about a second), as in real life.
describe("npm run latch -- rotate-key", { timeout: 60_000 }, () => {
  it("re-seals everything under the new key; restarted without the old key, every connection still yields a token", async () => {
    const { scope } = await createTestWorkspace();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const sites = [{ id: randomUUID(), name: "Acme", url: "https://acme.atlassian.net" }];
      ids.push((await connectThroughFlow(fake, scope, { sites })).id);
    }
    const { setWebhookUrl } = await import("../webhooks/manage-webhook");
    await setWebhookUrl(scope, "https://hooks.example.com/latch");
    const { sealTotpSecret, totpSecretContext } = await import("../auth/two-factor/totp-secret");
    const totpSecret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    await db.getDb().user.create({
      data: {
        id: "usr_rotate",
        email: "rotate@example.com",
        passwordHash: "x",
        totpSecretSealed: sealTotpSecret("usr_rotate", totpSecret),
      },
    });
    expect(new Set((await allSealedValues()).map(sealedKeyId))).toEqual(new Set([keyId(oldKey)]));

    const rotated = await run("lib/cli/latch.ts", ["rotate-key"], {
      ENCRYPTION_KEY: newKey,
      ENCRYPTION_KEY_PREVIOUS: oldKey,
    });
    expect(rotated.err).toBe("");
    expect(rotated.code).toBe(0);
    expect(rotated.out).toMatch(/Re-sealed \d+ value\(s\)/);
    const values = await allSealedValues();
    expect(values.length).toBeGreaterThanOrEqual(8); // 3 secrets, 3 tokens, webhook, TOTP
    expect(new Set(values.map(sealedKeyId))).toEqual(new Set([keyId(newKey)]));
    // Still the same TOTP secret, now under the new key (a member's app keeps working).
    const { totpSecretSealed } = await db.getDb().user.findUniqueOrThrow({
      where: { id: "usr_rotate" },
      select: { totpSecretSealed: true },
    });
    const keyring = { current: toEncryptionKey(parseEncryptionKey(newKey)!) };
    expect(open(keyring, totpSecretSealed!, totpSecretContext("usr_rotate"))).toBe(totpSecret);

    // Idempotent: a second run finds nothing to do.
    const again = await run("lib/cli/latch.ts", ["rotate-key"], {
      ENCRYPTION_KEY: newKey,
      ENCRYPTION_KEY_PREVIOUS: oldKey,
    });
    expect(again.out).toMatch(/Re-sealed 0 value\(s\)/);

    // Restarted with the new key only: cached tokens open, and a renewal opens the client secret.
    await db.getDb().connection.update({
      where: { id: ids[0] },
      data: { accessTokenExpiresAt: new Date(Date.now() - 1000) },
    });
    for (const id of ids) {
      const worker = await run("testing/access-token-worker.ts", [scope.workspaceId, id, "1"], {
        ENCRYPTION_KEY: newKey,
      });
      const tokens = JSON.parse(worker.out.slice(worker.out.indexOf("["))) as string[];
      expect(tokens[0]).toMatch(/^fake-at-/);
    }
  });

  it("names what neither key opens, and fails", async () => {
    const { scope } = await createTestWorkspace();
    const sites = [{ id: randomUUID(), name: "Acme", url: "https://acme.atlassian.net" }];
    const { id } = await connectThroughFlow(fake, scope, { sites });
    const stranger = randomBytes(32).toString("base64");
    const result = await run("lib/cli/latch.ts", ["rotate-key"], {
      ENCRYPTION_KEY: stranger,
      ENCRYPTION_KEY_PREVIOUS: newKey,
    });
    expect(result.code).toBe(1);
    expect(result.err).toContain(`Connection.clientSecretSealed of ${id}`);
    expect(result.err + result.out).not.toMatch(/secret-[0-9a-f-]{36}/); // never a plaintext
  });
});
