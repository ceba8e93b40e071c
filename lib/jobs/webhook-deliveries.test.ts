import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { ApiConnection } from "../connections/internal/to-api";
import type { Resolve } from "../webhooks/target";
import { pinnedPost, type Post } from "../webhooks/transport";
import { createTestWorkspace, openTestDatabase } from "../../testing/test-db";

// The suite's receiver is on loopback, which only ALLOW_PRIVATE_WEBHOOKS lets webhooks reach
// (private-targets.test.ts runs with the default, off).
process.env.ALLOW_PRIVATE_WEBHOOKS = "true";

let db: Awaited<ReturnType<typeof openTestDatabase>>["getDb"];
let deliver: typeof import("./webhook-deliveries");
let manage: typeof import("../webhooks/manage-webhook");
let enqueueWebhook: typeof import("../webhooks/enqueue").enqueueWebhook;
let verifySignature: typeof import("../webhooks/signature").verifySignature;
let REFUSED_PRIVATE: string;

type Received = { headers: http.IncomingHttpHeaders; body: string; method: string; url: string };

/** A receiver on loopback that records every request and answers `answer` (a status code). */
const receiver = {
  requests: [] as Received[],
  answer: 204,
  delayMs: 0,
  url: "",
  server: http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      receiver.requests.push({
        headers: request.headers,
        body: Buffer.concat(chunks).toString("utf8"),
        method: request.method ?? "",
        url: request.url ?? "",
      });
      setTimeout(() => {
        response.writeHead(receiver.answer, { location: "https://elsewhere.example/" });
        response.end("receiver says: secret-ish details that must not be stored");
      }, receiver.delayMs);
    });
  }),
};

beforeAll(async () => {
  db = (await openTestDatabase()).getDb;
  deliver = await import("./webhook-deliveries");
  manage = await import("../webhooks/manage-webhook");
  ({ enqueueWebhook } = await import("../webhooks/enqueue"));
  ({ verifySignature } = await import("../webhooks/signature"));
  ({ REFUSED_PRIVATE } = await import("../webhooks/target"));
  await new Promise<void>((resolve) => receiver.server.listen(0, "127.0.0.1", resolve));
  const { port } = receiver.server.address() as AddressInfo;
  receiver.url = `http://127.0.0.1:${port}/hooks/latch?source=test`;
});

afterAll(async () => {
  await new Promise((resolve) => receiver.server.close(resolve));
});

beforeEach(async () => {
  receiver.requests = [];
  receiver.answer = 204;
  receiver.delayMs = 0;
  // Each test sees only its own deliveries as due.
  await db().webhookDelivery.updateMany({
    where: { status: "pending" },
    data: { status: "failed" },
  });
});

function connection(id: string): ApiConnection {
  return {
    id,
    status: "healthy",
    end_user: { id: "user-1", email: null, display_name: null },
    site: { cloud_id: "cloud-1", name: "Acme", url: "https://acme.atlassian.net" },
    products: ["jira"],
    scopes: ["read:jira-work"],
    client_id: "client-1",
    created_at: "2025-01-01T00:00:00.000Z",
    last_checked_at: null,
    last_error: null,
  };
}

/** A workspace with a webhook to the receiver and one queued event; answers the secret too. */
async function queued(count = 1) {
  const { scope } = await createTestWorkspace();
  const { newSecret } = await manage.setWebhookUrl(scope, receiver.url);
  await db().$transaction(async (tx) => {
    for (let i = 0; i < count; i++) {
      await enqueueWebhook(tx, scope.workspaceId, "connection.created", connection(`conn_${i}`));
    }
  });
  const deliveries = await db().webhookDelivery.findMany({
    where: { workspaceId: scope.workspaceId },
    orderBy: { createdAt: "asc" },
  });
  return { scope, secret: newSecret!, deliveries };
}

const row = (id: string) => db().webhookDelivery.findUniqueOrThrow({ where: { id } });
const minutesAfter = (date: Date, minutes: number) => new Date(date.getTime() + minutes * 60_000);

describe("deliverDueWebhooks", () => {
  it("POSTs a queued delivery once, with the exact body and a verifiable signature", async () => {
    const { secret, deliveries } = await queued();
    const [delivery] = deliveries;

    expect(await deliver.deliverDueWebhooks()).toBe(1);
    expect(await deliver.deliverDueWebhooks()).toBe(0);

    expect(receiver.requests).toHaveLength(1);
    const [request] = receiver.requests;
    expect(request).toMatchObject({ method: "POST", url: "/hooks/latch?source=test" });
    expect(request!.body).toBe(delivery!.payload);
    expect(request!.headers["content-type"]).toBe("application/json");
    expect(request!.headers["latch-event"]).toBe("connection.created");
    expect(request!.headers["latch-delivery"]).toBe(delivery!.id);
    expect(
      verifySignature(secret, request!.body, request!.headers["latch-signature"] as string),
    ).toBe(true);
    expect(JSON.parse(request!.body)).toMatchObject({
      id: delivery!.id,
      type: "connection.created",
      data: { connection: { id: "conn_0" } },
    });

    expect(await row(delivery!.id)).toMatchObject({
      status: "delivered",
      attempts: 1,
      lastStatus: 204,
      lastError: null,
      deliveredAt: expect.any(Date),
    });
  });

  it("retries a 500 with backoff, recording the status but not the answer's body", async () => {
    const { deliveries } = await queued();
    const id = deliveries[0]!.id;
    receiver.answer = 500;
    const now = new Date(Date.now() + 1000);

    expect(await deliver.deliverDueWebhooks({ now })).toBe(1);
    expect(await row(id)).toMatchObject({
      status: "pending",
      attempts: 1,
      lastStatus: 500,
      lastError: "HTTP 500",
      nextAttemptAt: minutesAfter(now, 1),
      deliveredAt: null,
    });

    // Not due again before the backoff has passed.
    expect(await deliver.deliverDueWebhooks({ now: minutesAfter(now, 0.5) })).toBe(0);
    expect(await deliver.deliverDueWebhooks({ now: minutesAfter(now, 1) })).toBe(1);
    expect(await row(id)).toMatchObject({ attempts: 2, nextAttemptAt: minutesAfter(now, 6) });
    expect(receiver.requests).toHaveLength(2);
  });

  it("gives up after 6 attempts, waiting 1m, 5m, 30m, 2h and 6h between them", async () => {
    const { deliveries } = await queued();
    const id = deliveries[0]!.id;
    receiver.answer = 503;
    let now = new Date(Date.now() + 1000);
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 6; attempt++) {
      expect(await deliver.deliverDueWebhooks({ now })).toBe(1);
      const after = await row(id);
      expect(after.attempts).toBe(attempt);
      if (attempt < 6) {
        expect(after.status).toBe("pending");
        waits.push((after.nextAttemptAt.getTime() - now.getTime()) / 60_000);
        now = after.nextAttemptAt;
      } else {
        expect(after).toMatchObject({ status: "failed", lastStatus: 503 });
      }
    }
    expect(waits).toEqual([1, 5, 30, 120, 360]);
    expect(await deliver.deliverDueWebhooks({ now: minutesAfter(now, 10_000) })).toBe(0);
    expect(receiver.requests).toHaveLength(6);
  });

  it("sends each delivery exactly once when two rounds run at the same time", async () => {
    const { deliveries } = await queued(12);
    receiver.delayMs = 20;

    const [first, second] = await Promise.all([
      deliver.deliverDueWebhooks(),
      deliver.deliverDueWebhooks(),
    ]);

    expect(first + second).toBe(12);
    const sent = receiver.requests.map((request) => request.headers["latch-delivery"]);
    expect(sent.sort()).toEqual(deliveries.map((delivery) => delivery.id).sort());
    const rows = await db().webhookDelivery.findMany({
      where: { id: { in: deliveries.map((delivery) => delivery.id) } },
    });
    expect(rows.every((r) => r.status === "delivered" && r.attempts === 1)).toBe(true);
  });

  it("fails the delivery without sending once the webhook is removed", async () => {
    const { scope, deliveries } = await queued();
    await manage.setWebhookUrl(scope, null);

    expect(await deliver.deliverDueWebhooks()).toBe(1);
    expect(receiver.requests).toHaveLength(0);
    expect(await row(deliveries[0]!.id)).toMatchObject({
      status: "failed",
      attempts: 0,
      lastError: "Webhook removed",
    });
  });

  it("does not follow redirects", async () => {
    const { deliveries } = await queued();
    receiver.answer = 302;
    await deliver.deliverDueWebhooks();
    expect(receiver.requests).toHaveLength(1);
    expect(await row(deliveries[0]!.id)).toMatchObject({
      status: "pending",
      lastStatus: 302,
      lastError: "HTTP 302: redirects are not followed",
    });
  });

  it("records a network failure briefly and retries it", async () => {
    const { deliveries } = await queued();
    const refused: Post = () =>
      Promise.reject(
        Object.assign(new Error("connect ECONNREFUSED 192.0.2.1:443"), { code: "ECONNREFUSED" }),
      );
    expect(await deliver.deliverDueWebhooks({ post: refused })).toBe(1);
    expect(await row(deliveries[0]!.id)).toMatchObject({
      status: "pending",
      attempts: 1,
      lastStatus: null,
      lastError: "Could not connect (ECONNREFUSED)",
    });
  });

  it("reaches the suite's loopback receiver only because ALLOW_PRIVATE_WEBHOOKS=true", async () => {
    const { deliveries } = await queued(2);
    expect(await deliver.deliverDueWebhooks({ limit: 1 })).toBe(1);
    expect(receiver.requests).toHaveLength(1);
    expect(await deliver.deliverDueWebhooks({ allowPrivate: false })).toBe(1);
    expect(receiver.requests).toHaveLength(1);
    expect(await row(deliveries[1]!.id)).toMatchObject({
      status: "pending",
      lastError: REFUSED_PRIVATE,
    });
  });

  it("connects to the address the name resolved to, naming the receiver in Host", async () => {
    const { scope, deliveries } = await queued();
    const port = new URL(receiver.url).port;
    // Saved as it was before (the save check allows http for this machine's names only).
    await db().workspace.update({
      where: { id: scope.workspaceId },
      data: { webhookUrl: `http://receiver.invalid:${port}/hooks/latch` },
    });
    const asked: string[] = [];
    const resolve: Resolve = async (hostname) => {
      asked.push(hostname);
      return [{ address: "127.0.0.1", family: 4 }];
    };
    // .invalid never resolves: the delivery arrives only if it connects to the answer checked.
    expect(await deliver.deliverDueWebhooks({ resolve })).toBe(1);
    expect(asked).toEqual(["receiver.invalid"]);
    expect(receiver.requests).toHaveLength(1);
    expect(receiver.requests[0]!.headers.host).toBe(`receiver.invalid:${port}`);
    expect(receiver.requests[0]!.url).toBe("/hooks/latch");
    expect(await row(deliveries[0]!.id)).toMatchObject({ status: "delivered" });
  });

  it("records a name that does not resolve as a failed attempt", async () => {
    const { scope, deliveries } = await queued();
    await db().workspace.update({
      where: { id: scope.workspaceId },
      data: { webhookUrl: "https://nowhere.invalid/" },
    });
    const resolve: Resolve = () =>
      Promise.reject(Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" }));
    expect(await deliver.deliverDueWebhooks({ resolve })).toBe(1);
    expect(await row(deliveries[0]!.id)).toMatchObject({
      status: "pending",
      lastError: "Could not connect (ENOTFOUND)",
    });
  });

  it("takes at most `limit` deliveries, oldest first", async () => {
    const { deliveries } = await queued(3);
    expect(await deliver.deliverDueWebhooks({ limit: 2 })).toBe(2);
    const sent = receiver.requests.map((request) => request.headers["latch-delivery"]);
    expect(sent.sort()).toEqual(
      deliveries
        .slice(0, 2)
        .map((delivery) => delivery.id)
        .sort(),
    );
  });
});

describe("pruneOldDeliveries", () => {
  it("deletes finished deliveries past 30 days, never a pending one or a recent one", async () => {
    const { deliveries } = await queued(5);
    const [oldDelivered, oldFailed, oldPending, recentDelivered, recentFailed] = deliveries.map(
      (delivery) => delivery.id,
    );
    const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 60 * 60_000);
    const set = (id: string, status: string, createdAt: Date) =>
      db().webhookDelivery.update({ where: { id }, data: { status, createdAt } });
    await set(oldDelivered!, "delivered", daysAgo(31));
    await set(oldFailed!, "failed", daysAgo(45));
    await set(oldPending!, "pending", daysAgo(60));
    await set(recentDelivered!, "delivered", daysAgo(29));
    await set(recentFailed!, "failed", daysAgo(1));

    expect(await deliver.pruneOldDeliveries()).toBeGreaterThanOrEqual(2);
    const left = await db().webhookDelivery.findMany({
      where: { id: { in: deliveries.map((delivery) => delivery.id) } },
      select: { id: true },
    });
    expect(left.map((delivery) => delivery.id).sort()).toEqual(
      [oldPending!, recentDelivered!, recentFailed!].sort(),
    );
  });
});

describe("startWebhookWorker", () => {
  it("delivers on its interval until stopped", async () => {
    const { deliveries } = await queued();
    const stop = deliver.startWebhookWorker(10);
    try {
      await expect
        .poll(async () => (await row(deliveries[0]!.id)).status, { timeout: 2000 })
        .toBe("delivered");
    } finally {
      stop();
    }
    expect(receiver.requests).toHaveLength(1);
  });

  it("keeps going after a round fails, and after a send throws", async () => {
    const { deliveries } = await queued();
    const findMany = vi
      .spyOn(db().webhookDelivery, "findMany")
      .mockRejectedValueOnce(new Error("database is locked"));
    let calls = 0;
    const throwsOnce: Post = (request) => {
      calls += 1;
      if (calls === 1) throw new Error("boom");
      return pinnedPost(request);
    };
    const stop = deliver.startWebhookWorker(10, { post: throwsOnce });
    try {
      // A thrown send is an ordinary failed attempt; the retry waits a minute, out of this test.
      await expect.poll(async () => (await row(deliveries[0]!.id)).attempts).toBe(1);
      expect(findMany.mock.calls.length).toBeGreaterThan(1);
    } finally {
      stop();
      findMany.mockRestore();
    }
    expect(await row(deliveries[0]!.id)).toMatchObject({
      status: "pending",
      lastError: "Could not connect",
    });
  });
});
