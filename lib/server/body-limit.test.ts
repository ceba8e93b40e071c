import { createHash } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PAGE_BODY_LIMIT_BYTES } from "../http/body-limits.mjs";
import { boundRequestBody } from "./body-limit";

/**
 * server.ts's bound on page and server action bodies, in front of a handler that reads the body
 * the way Next does (as a stream, to its end). Real sockets: what matters is what reaches the
 * handler and how soon a client sending too much hears no.
 */

let server: http.Server;
let port: number;
/** What the handler behind the bound received, per request path. */
let reached: { path: string; bytes: number; sha256: string }[];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    boundRequestBody(req, res, async () => {
      const hash = createHash("sha256");
      let bytes = 0;
      for await (const chunk of req) {
        bytes += (chunk as Buffer).length;
        hash.update(chunk as Buffer);
      }
      reached.push({ path: req.url ?? "", bytes, sha256: hash.digest("hex") });
      res.writeHead(200, { "content-type": "text/plain" }).end(String(bytes));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});
beforeEach(() => {
  reached = [];
});

type Sent = { status: number; body: string; ms: number; sentBytes: number };

/**
 * POSTs `total` bytes (forever when Infinity) in 64 KB chunks as fast as the socket takes them,
 * chunked unless `headers` declares a length; stops sending once the answer arrives.
 */
function send(path: string, total: number, headers: Record<string, string> = {}): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const chunk = Buffer.alloc(64 * 1024, "a");
    let sentBytes = 0;
    let answered = false;
    const request = http.request({ port, host: "127.0.0.1", method: "POST", path, headers });
    const pump = () => {
      while (!answered && sentBytes < total) {
        const piece =
          total - sentBytes < chunk.length ? chunk.subarray(0, total - sentBytes) : chunk;
        sentBytes += piece.length;
        if (!request.write(piece)) return void request.once("drain", pump);
      }
      if (!answered) request.end();
    };
    request.on("response", (response) => {
      answered = true;
      const ms = performance.now() - started;
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (text: string) => (body += text));
      response.on("end", () => {
        request.destroy();
        resolve({ status: response.statusCode!, body, ms, sentBytes });
      });
    });
    // The server closes the connection after refusing: writes still in flight then fail.
    request.on("error", (error) => {
      if (!answered) reject(error);
    });
    pump();
  });
}

describe("page and server action bodies", () => {
  it("refuses a chunked body that never ends with 413 soon after 1 MB, without handing it on", async () => {
    const sent = await send("/connect", Infinity);
    expect(sent.status).toBe(413);
    expect(sent.body).toBe("The request body is larger than 1 MB.\n");
    expect(sent.ms).toBeLessThan(2_000);
    expect(reached).toEqual([]);
  });

  it("refuses 100 MB sent chunked long before it is all sent", async () => {
    const sent = await send("/login", 100 * 1024 * 1024);
    expect(sent.status).toBe(413);
    // What the client got off before hearing no: 1 MB plus what the sockets' buffers hold.
    expect(sent.sentBytes).toBeLessThan(40 * 1024 * 1024);
    expect(reached).toEqual([]);
  });

  it("refuses a declared length over 1 MB before reading it", async () => {
    const sent = await send("/settings", 2 * 1024 * 1024, {
      "content-length": String(2 * 1024 * 1024),
    });
    expect(sent.status).toBe(413);
    expect(reached).toEqual([]);
  });

  it("hands a chunked body within 1 MB on whole and unchanged", async () => {
    for (const size of [1, 300_000, PAGE_BODY_LIMIT_BYTES]) {
      reached = [];
      const sent = await send("/connect?session_token=x", size);
      expect(sent.status).toBe(200);
      expect(reached).toHaveLength(1);
      expect(reached[0]!.bytes).toBe(size);
      const expected = createHash("sha256");
      for (let left = size; left > 0; left -= 64 * 1024) {
        expected.update(Buffer.alloc(Math.min(left, 64 * 1024), "a"));
      }
      expect(reached[0]!.sha256).toBe(expected.digest("hex"));
    }
  });

  it("hands on a body with a length within 1 MB, and a request without a body", async () => {
    expect((await send("/login", 1000, { "content-length": "1000" })).body).toBe("1000");
    expect((await send("/login", 0, { "content-length": "0" })).body).toBe("0");
    const get = await fetch(`http://127.0.0.1:${port}/connections`);
    expect(await get.text()).toBe("0");
  });

  it("leaves the API's paths to bound their own bodies", async () => {
    const sent = await send("/api/v1/connect-sessions", 2 * 1024 * 1024);
    expect(sent.status).toBe(200);
    expect(reached[0]!.bytes).toBe(2 * 1024 * 1024);
    // Spelled to look like the API while naming a page, it is bounded like a page.
    expect((await send("/api/../connect", Infinity)).status).toBe(413);
    expect((await send("/api/%2e%2e/connect", Infinity)).status).toBe(413);
  });

  it("shrugs off a client that goes away mid-body", async () => {
    await new Promise<void>((resolve) => {
      const request = http.request({ port, host: "127.0.0.1", method: "POST", path: "/login" });
      request.on("error", () => {});
      request.write(Buffer.alloc(100_000));
      setTimeout(() => {
        request.destroy();
        resolve();
      }, 50);
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(reached).toEqual([]);
    // The server still answers.
    expect((await send("/login", 10)).status).toBe(200);
  });
});
