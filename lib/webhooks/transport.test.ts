import dns from "node:dns";
import http from "node:http";
import net, { type AddressInfo } from "node:net";
import tls from "node:tls";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { pinnedPost, type PostRequest } from "./transport";

type Received = { host: string | undefined; url: string; body: string; length: string | undefined };

/** The receiver the check approved, on 127.0.0.1. */
const receiver = {
  requests: [] as Received[],
  answer: (response: http.ServerResponse) => void response.writeHead(204).end(),
  server: http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      receiver.requests.push({
        host: request.headers.host,
        url: request.url ?? "",
        body: Buffer.concat(chunks).toString("utf8"),
        length: request.headers["content-length"],
      });
      receiver.answer(response);
    });
  }),
};

/** What a rebinding DNS answer points at instead: 127.0.0.2, on the same port. */
const internal = {
  connections: 0,
  server: net.createServer((socket) => {
    internal.connections += 1;
    socket.destroy();
  }),
};

let port = 0;
const lookups: string[] = [];

beforeAll(async () => {
  await new Promise<void>((resolve) => internal.server.listen(0, "127.0.0.2", resolve));
  port = (internal.server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => receiver.server.listen(port, "127.0.0.1", resolve));
});

afterAll(async () => {
  await new Promise((resolve) => receiver.server.close(resolve));
  await new Promise((resolve) => internal.server.close(resolve));
});

beforeEach(() => {
  receiver.requests = [];
  receiver.answer = (response) => void response.writeHead(204).end();
  internal.connections = 0;
  lookups.length = 0;
  // The system resolver, rebound: any name now leads to the internal service.
  vi.spyOn(dns, "lookup").mockImplementation(((
    hostname: string,
    options: unknown,
    callback?: (...args: unknown[]) => void,
  ) => {
    const done = (typeof options === "function" ? options : callback) as (
      ...args: unknown[]
    ) => void;
    const all = typeof options === "object" && (options as { all?: boolean }).all;
    // A literal (as server.listen asks) is itself; a name is rebound and recorded.
    const family = net.isIP(hostname);
    if (!family) lookups.push(hostname);
    const address = family ? hostname : "127.0.0.2";
    if (all) done(null, [{ address, family: family || 4 }]);
    else done(null, address, family || 4);
  }) as typeof dns.lookup);
});

afterEach(() => {
  vi.restoreAllMocks();
});

const request = (url: string, overrides: Partial<PostRequest> = {}): PostRequest => ({
  url: new URL(url),
  address: { address: "127.0.0.1", family: 4 },
  headers: { "content-type": "application/json" },
  body: '{"ok":true}',
  timeoutMs: 2000,
  ...overrides,
});

describe("pinnedPost", () => {
  it("connects to the checked address, never to what DNS answers now", async () => {
    const answer = await pinnedPost(request(`http://hooks.rebind.example:${port}/in?x=1`));

    expect(answer).toEqual({ status: 204 });
    expect(internal.connections).toBe(0);
    expect(lookups).not.toContain("hooks.rebind.example");
    expect(receiver.requests).toEqual([
      {
        host: `hooks.rebind.example:${port}`,
        url: "/in?x=1",
        body: '{"ok":true}',
        length: "11",
      },
    ]);
  });

  it("answers a redirect as its status and does not follow it", async () => {
    receiver.answer = (response) =>
      void response.writeHead(307, { location: `http://127.0.0.2:${port}/` }).end();
    expect(await pinnedPost(request(`http://hooks.example.com:${port}/`))).toEqual({
      status: 307,
    });
    expect(receiver.requests).toHaveLength(1);
    expect(internal.connections).toBe(0);
  });

  it("stops reading a long answer and still answers its status", async () => {
    receiver.answer = (response) => {
      response.writeHead(500);
      response.end("x".repeat(1_000_000));
    };
    expect(await pinnedPost(request(`http://hooks.example.com:${port}/`))).toEqual({
      status: 500,
    });
  });

  it("gives up when no answer comes in time", async () => {
    receiver.answer = () => {};
    const started = Date.now();
    await expect(
      pinnedPost(request(`http://hooks.example.com:${port}/`, { timeoutMs: 200 })),
    ).rejects.toMatchObject({ name: "TimeoutError" });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("names the receiver in TLS SNI while connecting to the checked address", async () => {
    const names: string[] = [];
    const server = tls.createServer({
      SNICallback: (name, callback) => {
        names.push(name);
        callback(new Error("no certificate here"));
      },
    });
    server.on("tlsClientError", () => {});
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port: tlsPort } = server.address() as AddressInfo;
      await expect(pinnedPost(request(`https://hooks.example.com:${tlsPort}/`))).rejects.toThrow();
      expect(names).toEqual(["hooks.example.com"]);
      expect(lookups).toEqual([]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("connects to a checked IPv6 address", async () => {
    const server = http.createServer((incoming, response) => {
      response.writeHead(202).end();
      incoming.resume();
    });
    await new Promise<void>((resolve) => server.listen(0, "::1", resolve));
    try {
      const { port: v6Port } = server.address() as AddressInfo;
      const answer = await pinnedPost(
        request(`http://hooks.example.com:${v6Port}/`, { address: { address: "::1", family: 6 } }),
      );
      expect(answer).toEqual({ status: 202 });
      expect(lookups).toEqual([]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
