import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ApiConnection } from "../connections/internal/to-api";
import { HOST_SPELLINGS } from "../../testing/host-spellings";
import { createTestWorkspace, openTestDatabase } from "../../testing/test-db";
import type { Resolve, ResolvedAddress } from "./target";
import type { Post, PostRequest } from "./transport";

// ALLOW_PRIVATE_WEBHOOKS is left unset here: the default, off, is what is under test.
delete process.env.ALLOW_PRIVATE_WEBHOOKS;

let db: Awaited<ReturnType<typeof openTestDatabase>>["getDb"];
let deliver: typeof import("../jobs/webhook-deliveries");
let manage: typeof import("./manage-webhook");
let enqueueWebhook: typeof import("./enqueue").enqueueWebhook;
let REFUSED_PRIVATE: string;

/**
 * The internal service an attacker is after: it counts every connection made to it, on every
 * loopback address (IPv4, IPv6 and IPv4-mapped; 0.0.0.0 and :: reach it too).
 */
const internal = {
  connections: 0,
  port: 0,
  server: net.createServer((socket) => {
    internal.connections += 1;
    socket.end("HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n");
  }),
};

beforeAll(async () => {
  db = (await openTestDatabase()).getDb;
  deliver = await import("../jobs/webhook-deliveries");
  manage = await import("./manage-webhook");
  ({ enqueueWebhook } = await import("./enqueue"));
  ({ REFUSED_PRIVATE } = await import("./target"));
  await new Promise<void>((resolve) =>
    internal.server.listen({ port: 0, host: "::", ipv6Only: false }, resolve),
  );
  internal.port = (internal.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => internal.server.close(resolve));
});

beforeEach(async () => {
  internal.connections = 0;
  await db().webhookDelivery.updateMany({
    where: { status: "pending" },
    data: { status: "failed" },
  });
});

/** DNS under the attacker's control: every name answers `answers`. */
const attackerDns = (...answers: ResolvedAddress[]) => {
  const asked: string[] = [];
  const resolve: Resolve = async (hostname) => {
    asked.push(hostname);
    return answers;
  };
  return { resolve, asked };
};

/** Records what would be sent, and sends nothing. */
const recordingPost = () => {
  const sent: PostRequest[] = [];
  const post: Post = async (request) => {
    sent.push(request);
    return { status: 204 };
  };
  return { post, sent };
};

const v4 = (address: string): ResolvedAddress => ({ address, family: 4 });
const v6 = (address: string): ResolvedAddress => ({ address, family: 6 });

/** A workspace whose webhook points at `url`, with one event queued. */
async function queuedTo(url: string, { saveFirst = true } = {}) {
  const { scope } = await createTestWorkspace();
  if (saveFirst) {
    await manage.setWebhookUrl(scope, url);
  } else {
    // Stored before this check existed, or while ALLOW_PRIVATE_WEBHOOKS was on.
    await manage.setWebhookUrl(scope, "https://hooks.example.com/");
    await db().workspace.update({ where: { id: scope.workspaceId }, data: { webhookUrl: url } });
  }
  await db().$transaction((tx) =>
    enqueueWebhook(tx, scope.workspaceId, "connection.created", { id: "conn_1" } as ApiConnection),
  );
  const delivery = await db().webhookDelivery.findFirstOrThrow({
    where: { workspaceId: scope.workspaceId },
  });
  return { scope, id: delivery.id };
}

const row = (id: string) => db().webhookDelivery.findUniqueOrThrow({ where: { id } });

describe("webhooks to private addresses, with ALLOW_PRIVATE_WEBHOOKS off (the default)", () => {
  it("are refused at save, in every spelling", async () => {
    const { scope } = await createTestWorkspace();
    for (const [spelling] of HOST_SPELLINGS) {
      const url = new URL(spelling);
      url.port = String(internal.port);
      await expect(manage.setWebhookUrl(scope, url.href), url.href).rejects.toThrow(
        /^.*Webhooks cannot be sent to .+: it is .+ALLOW_PRIVATE_WEBHOOKS=true/s,
      );
    }
    expect((await manage.getWebhookSettings(scope)).url).toBeNull();
  });

  it("are refused at delivery without connecting, in every spelling, with one message", async () => {
    // An address that got stored anyway: loopback ones lead to the internal service.
    const urls = [
      ...HOST_SPELLINGS.map(([spelling]) => {
        const url = new URL(spelling);
        url.port = String(internal.port);
        return url.href;
      }),
      `http://127.0.0.1:${internal.port}/`,
      `http://localhost:${internal.port}/`,
      `http://[::1]:${internal.port}/`,
    ];
    const queued = await Promise.all(urls.map((url) => queuedTo(url, { saveFirst: false })));
    // Should anything ask DNS, every name leads to the internal service.
    const dns = attackerDns(v4("127.0.0.1"));

    expect(await deliver.deliverDueWebhooks({ resolve: dns.resolve, limit: 1000 })).toBe(
      urls.length,
    );

    expect(internal.connections).toBe(0);
    expect(dns.asked).toEqual([]);
    for (const [index, { id }] of queued.entries()) {
      expect(await row(id), urls[index]).toMatchObject({
        status: "pending",
        attempts: 1,
        lastStatus: null,
        lastError: REFUSED_PRIVATE,
      });
    }
  });

  it.each([
    ["127.0.0.1", [v4("127.0.0.1")]],
    ["::1", [v6("::1")]],
    ["::ffff:127.0.0.1", [v6("::ffff:127.0.0.1")]],
    ["::ffff:7f00:1", [v6("::ffff:7f00:1")]],
    ["0.0.0.0", [v4("0.0.0.0")]],
    ["::", [v6("::")]],
    ["127.0.0.1 after a public address", [v4("93.184.216.34"), v4("127.0.0.1")]],
    ["::1 after a public address", [v6("2606:2800:220:1::1"), v6("::1")]],
  ])(
    "are refused at delivery when a public-looking name resolves to %s",
    async (_label, answers) => {
      // Accepted at save: nothing about the name says where it leads.
      const { id } = await queuedTo(`https://hooks.attacker.example:${internal.port}/in`);
      const dns = attackerDns(...answers);

      expect(await deliver.deliverDueWebhooks({ resolve: dns.resolve })).toBe(1);

      expect(dns.asked).toEqual(["hooks.attacker.example"]);
      expect(internal.connections).toBe(0);
      const after = await row(id);
      expect(after).toMatchObject({ status: "pending", lastStatus: null });
      // The same words whatever lies behind: nothing about the internal address or port.
      expect(after.lastError).toBe(REFUSED_PRIVATE);
    },
  );

  it.each([
    ["the cloud metadata address", v4("169.254.169.254")],
    ["its IPv4-mapped spelling", v6("::ffff:a9fe:a9fe")],
    ["a private address", v4("10.0.0.7")],
    ["a CGNAT address", v4("100.100.100.200")],
    ["a unique-local address", v6("fd00:ec2::254")],
    ["a link-local IPv6 address", v6("fe80::1")],
    ["a NAT64 spelling of a private address", v6("64:ff9b::a00:7")],
  ])("never send to a name that resolves to %s", async (_label, answer) => {
    await queuedTo("https://hooks.attacker.example/in");
    const { post, sent } = recordingPost();
    await deliver.deliverDueWebhooks({ resolve: attackerDns(answer).resolve, post });
    expect(sent).toEqual([]);
  });

  it("ask DNS once and connect to the very answer checked, so a second answer cannot differ", async () => {
    const { id } = await queuedTo("https://rebind.attacker.example/in");
    // Rebinding: public for the check, loopback for whoever asks again.
    let calls = 0;
    const resolve: Resolve = async () =>
      calls++ === 0 ? [v4("93.184.216.34")] : [v4("127.0.0.1")];
    const { post, sent } = recordingPost();

    await deliver.deliverDueWebhooks({ resolve, post });

    expect(calls).toBe(1);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.address).toEqual(v4("93.184.216.34"));
    expect(sent[0]!.url.hostname).toBe("rebind.attacker.example");
    expect(await row(id)).toMatchObject({ status: "delivered" });
    // transport.test.ts shows that pinnedPost connects to `address` and not to what DNS says.
  });

  it("still deliver to a public address", async () => {
    const { id } = await queuedTo("https://hooks.example.com/in");
    const { post, sent } = recordingPost();
    await deliver.deliverDueWebhooks({
      resolve: attackerDns(v4("93.184.216.34"), v6("2606:2800:220:1::1")).resolve,
      post,
    });
    expect(sent.map((request) => request.address)).toEqual([v4("93.184.216.34")]);
    expect(await row(id)).toMatchObject({ status: "delivered", lastStatus: 204 });
  });
});
