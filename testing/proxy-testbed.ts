import { randomUUID } from "node:crypto";
import http from "node:http";
import net, { type AddressInfo } from "node:net";
import type { FakeSite } from "./fake-atlassian/state";
import { connectThroughFlow, startConnectTestbed } from "./connect-testbed";
import { createTestWorkspace } from "./test-db";

/**
 * For proxy tests: a fake Atlassian, a fresh database, and Latch's proxy served on loopback the
 * way server.ts serves it (lib/server/proxy-fast-path.ts), so requests can be sent raw, exactly
 * as an attacker would write them. Call in beforeAll, before importing lib modules.
 */
export async function startProxyTestbed() {
  const { fake, db } = await startConnectTestbed();
  const { serveProxy } = await import("../lib/server/proxy-fast-path");
  const { createApiKey } = await import("../lib/api-keys/create-api-key");
  const server = http.createServer((req, res) => {
    if (!serveProxy(req, res)) res.writeHead(404).end("not the proxy");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;

  /** A workspace, an API key and a connection to one site (Jira unless its scopes say else). */
  async function connection(options: { scopes?: string[]; sites?: FakeSite[] } = {}) {
    const { scope } = await createTestWorkspace();
    const { key } = await createApiKey(scope, "proxy-test");
    const sites = options.sites ?? [
      {
        id: randomUUID(),
        name: "Acme",
        url: "https://acme.atlassian.net",
        scopes: options.scopes ?? ["read:jira-work", "write:jira-work"],
      },
    ];
    const connected = await connectThroughFlow(fake, scope, { sites });
    return { ...connected, scope, key, cloudId: sites[0]!.id, sites };
  }

  return {
    fake,
    db,
    port,
    url: `http://127.0.0.1:${port}`,
    connection,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await fake.close();
    },
  };
}

export type RawAnswer = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

/**
 * Sends a request with exactly this request target, byte for byte (no client normalises it),
 * and answers what came back.
 */
export function rawRequest(
  port: number,
  options: { method?: string; target: string; headers?: Record<string, string>; body?: Buffer },
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    const headers = {
      host: `127.0.0.1:${port}`,
      connection: "close",
      ...(options.body ? { "content-length": String(options.body.length) } : {}),
      ...options.headers,
    };
    const head =
      `${options.method ?? "GET"} ${options.target} HTTP/1.1\r\n` +
      Object.entries(headers)
        .map(([name, value]) => `${name}: ${value}\r\n`)
        .join("") +
      "\r\n";
    socket.write(head);
    if (options.body) socket.write(options.body);
    const chunks: Buffer[] = [];
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.on("error", reject);
    socket.on("end", () => {
      try {
        resolve(parseAnswer(Buffer.concat(chunks)));
      } catch (error) {
        reject(error);
      }
    });
  });
}

/** An HTTP/1.1 answer, de-chunked. */
function parseAnswer(raw: Buffer): RawAnswer {
  const split = raw.indexOf("\r\n\r\n");
  const [statusLine, ...lines] = raw.subarray(0, split).toString("latin1").split("\r\n");
  const headers: http.IncomingHttpHeaders = {};
  for (const line of lines) {
    const colon = line.indexOf(":");
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  let body = raw.subarray(split + 4);
  if (headers["transfer-encoding"] === "chunked") {
    const parts: Buffer[] = [];
    let offset = 0;
    for (;;) {
      const end = body.indexOf("\r\n", offset);
      const size = parseInt(body.subarray(offset, end).toString("latin1"), 16);
      if (!size) break;
      parts.push(body.subarray(end + 2, end + 2 + size));
      offset = end + 2 + size + 2;
    }
    body = Buffer.concat(parts);
  }
  return { status: Number(statusLine!.split(" ")[1]), headers, body };
}
