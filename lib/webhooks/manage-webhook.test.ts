import { beforeAll, describe, expect, it } from "vitest";
import type { ApiConnection } from "../connections/internal/to-api";
import { HOST_SPELLINGS } from "../../testing/host-spellings";
import { createTestWorkspace, openTestDatabase } from "../../testing/test-db";

let db: Awaited<ReturnType<typeof openTestDatabase>>["getDb"];
let manage: typeof import("./manage-webhook");
let enqueueWebhook: typeof import("./enqueue").enqueueWebhook;

beforeAll(async () => {
  db = (await openTestDatabase()).getDb;
  manage = await import("./manage-webhook");
  ({ enqueueWebhook } = await import("./enqueue"));
});

async function events(workspaceId: string) {
  const rows = await db().auditEvent.findMany({ where: { workspaceId } });
  return rows.map((row) => ({
    action: row.action,
    actorId: row.actorId,
    raw: row.details,
    details: JSON.parse(row.details) as Record<string, unknown>,
  }));
}

const SECRET = /^whsec_[A-Za-z0-9_-]{43}$/;

describe("setWebhookUrl", () => {
  it("stores the address and, the first time, a sealed signing secret it answers once", async () => {
    const { scope } = await createTestWorkspace();
    const { scope: other } = await createTestWorkspace();
    expect(await manage.getWebhookSettings(scope)).toEqual({
      url: null,
      hasSigningSecret: false,
      allowPrivate: false,
    });

    const first = await manage.setWebhookUrl(scope, " https://hooks.example.com/latch?token=abc ");
    expect(first.url).toBe("https://hooks.example.com/latch?token=abc");
    expect(first.newSecret).toMatch(SECRET);

    const row = await db().workspace.findUniqueOrThrow({
      where: { id: scope.workspaceId },
      omit: { webhookSecretSealed: false },
    });
    expect(row.webhookSecretSealed).toMatch(/^v1\./);
    expect(row.webhookSecretSealed).not.toContain(first.newSecret!.slice(6));
    expect(await manage.revealWebhookSecret(scope)).toBe(first.newSecret);
    expect(await manage.getWebhookSettings(scope)).toEqual({
      url: "https://hooks.example.com/latch?token=abc",
      hasSigningSecret: true,
      allowPrivate: false,
    });
    expect(await manage.getWebhookSettings(other)).toEqual({
      url: null,
      hasSigningSecret: false,
      allowPrivate: false,
    });

    // A new address keeps the secret, so the receiver's configuration stays valid.
    const second = await manage.setWebhookUrl(scope, "https://hooks.example.com/v2");
    expect(second).toEqual({ url: "https://hooks.example.com/v2", newSecret: null });
    expect(await manage.revealWebhookSecret(scope)).toBe(first.newSecret);
  });

  it("removes the webhook with null, keeping the secret for when it comes back", async () => {
    const { scope } = await createTestWorkspace();
    const { newSecret } = await manage.setWebhookUrl(scope, "https://hooks.example.com/");
    expect(await manage.setWebhookUrl(scope, null)).toEqual({ url: null, newSecret: null });
    expect(await manage.getWebhookSettings(scope)).toEqual({
      url: null,
      hasSigningSecret: true,
      allowPrivate: false,
    });
    await manage.setWebhookUrl(scope, "https://hooks.example.com/");
    expect(await manage.revealWebhookSecret(scope)).toBe(newSecret);
  });

  it("audits each change with origins only, never the secret, and nothing for no change", async () => {
    const { scope } = await createTestWorkspace();
    const { newSecret } = await manage.setWebhookUrl(scope, "https://a.example/in?token=t0p");
    await manage.setWebhookUrl(scope, "https://a.example/in?token=t0p");
    await manage.setWebhookUrl(scope, null);

    const recorded = await events(scope.workspaceId);
    expect(recorded.map(({ action, actorId, details }) => ({ action, actorId, details }))).toEqual(
      expect.arrayContaining([
        {
          action: "webhook.updated",
          actorId: "usr_test",
          details: { changed: "url signing_secret", from: null, to: "https://a.example" },
        },
        {
          action: "webhook.updated",
          actorId: "usr_test",
          details: { changed: "url", from: "https://a.example", to: null },
        },
      ]),
    );
    expect(recorded).toHaveLength(2);
    for (const event of recorded) {
      expect(event.raw).not.toContain(newSecret!);
      expect(event.raw).not.toContain("t0p");
    }
  });

  it("refuses unsafe addresses, whoever calls", async () => {
    const { scope } = await createTestWorkspace();
    for (const bad of [
      "http://hooks.example.com/",
      "https://user:pass@hooks.example.com/",
      "ftp://hooks.example.com/",
      "not a url",
    ]) {
      await expect(manage.setWebhookUrl(scope, bad)).rejects.toThrow();
    }
    expect(await manage.getWebhookSettings(scope)).toEqual({
      url: null,
      hasSigningSecret: false,
      allowPrivate: false,
    });
    expect(await events(scope.workspaceId)).toEqual([]);
  });

  it("refuses every spelling of a private or special address, since ALLOW_PRIVATE_WEBHOOKS is off", async () => {
    const { scope } = await createTestWorkspace();
    for (const [spelling] of HOST_SPELLINGS) {
      await expect(manage.setWebhookUrl(scope, spelling), spelling).rejects.toThrow(
        /Webhooks cannot be sent to .*ALLOW_PRIVATE_WEBHOOKS=true/,
      );
    }
    await expect(manage.setWebhookUrl(scope, "http://127.0.0.1:4000/hook")).rejects.toThrow(
      /127\.0\.0\.1: it is a loopback address/,
    );
    expect(await manage.getWebhookSettings(scope)).toMatchObject({ url: null });
    expect(await events(scope.workspaceId)).toEqual([]);
    // A public one still goes through.
    expect((await manage.setWebhookUrl(scope, "https://8.8.8.8/hook")).url).toBe(
      "https://8.8.8.8/hook",
    );
  });
});

describe("rollWebhookSecret", () => {
  it("replaces the secret and audits it without the secret", async () => {
    const { scope } = await createTestWorkspace();
    const { newSecret } = await manage.setWebhookUrl(scope, "https://hooks.example.com/");
    const rolled = await manage.rollWebhookSecret(scope);

    expect(rolled).toMatch(SECRET);
    expect(rolled).not.toBe(newSecret);
    expect(await manage.revealWebhookSecret(scope)).toBe(rolled);
    const recorded = await events(scope.workspaceId);
    expect(recorded.map((event) => event.details)).toContainEqual({ changed: "signing_secret" });
    expect(recorded.every((event) => !event.raw.includes(rolled!))).toBe(true);
  });

  it("does nothing without a webhook", async () => {
    const { scope } = await createTestWorkspace();
    expect(await manage.rollWebhookSecret(scope)).toBeNull();
    expect(await manage.revealWebhookSecret(scope)).toBeNull();
    expect(await events(scope.workspaceId)).toEqual([]);
  });

  it("seals the secret to its workspace", async () => {
    const { scope } = await createTestWorkspace();
    const { scope: other } = await createTestWorkspace();
    await manage.setWebhookUrl(scope, "https://hooks.example.com/");
    const row = await db().workspace.findUniqueOrThrow({
      where: { id: scope.workspaceId },
      omit: { webhookSecretSealed: false },
    });
    await db().workspace.update({
      where: { id: other.workspaceId },
      data: { webhookSecretSealed: row.webhookSecretSealed },
    });
    await expect(manage.revealWebhookSecret(other)).rejects.toThrow(/Cannot open sealed value/);
  });
});

describe("listWebhookDeliveries", () => {
  const connection = (id: string) => ({ id }) as ApiConnection;

  it("lists the scope's deliveries only, newest first, up to the limit", async () => {
    const { scope } = await createTestWorkspace();
    const { scope: other } = await createTestWorkspace();
    for (const workspace of [scope, other]) {
      await manage.setWebhookUrl(workspace, "https://hooks.example.com/");
    }
    for (const [index, event] of (
      ["connection.created", "connection.failing"] as const
    ).entries()) {
      await db().$transaction((tx) =>
        enqueueWebhook(tx, scope.workspaceId, event, connection(`conn_${index}`)),
      );
      // createdAt has millisecond resolution: keep the order unambiguous.
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await db().$transaction((tx) =>
      enqueueWebhook(tx, other.workspaceId, "connection.revoked", connection("conn_x")),
    );

    const listed = await manage.listWebhookDeliveries(scope);
    expect(listed.map((delivery) => delivery.event)).toEqual([
      "connection.failing",
      "connection.created",
    ]);
    expect(listed[0]).toMatchObject({
      status: "pending",
      attempts: 0,
      lastStatus: null,
      lastError: null,
      deliveredAt: null,
    });
    expect(listed[0]).not.toHaveProperty("payload");
    expect(await manage.listWebhookDeliveries(scope, 1)).toHaveLength(1);
    expect(
      await manage.listWebhookDeliveries(await createTestWorkspace().then((w) => w.scope)),
    ).toEqual([]);
  });
});
