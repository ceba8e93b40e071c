import http from "node:http";
import { expect, test } from "@playwright/test";
import { E2E } from "./env";

/**
 * Body limits and unknown methods against the production server (server.ts in front of Next),
 * over real sockets. A body is streamed chunked, with no Content-Length, as fast as the socket
 * takes it, up to 512 MB: it must be refused with 413 soon after the limit, not read whole (a
 * 512 MB body used to end in a 500). Each test prints how long the refusal took.
 */

const HALF_GIGABYTE = 512 * 1024 * 1024;

type Answer = {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** From the first byte sent to the answer's status line. */
  ms: number;
  /** What the client had written when the answer came. */
  sentBytes: number;
};

/** POSTs `total` bytes in 64 KB chunks (chunked unless `headers` gives a length). */
function stream(path: string, headers: Record<string, string>, total: number): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, E2E.appUrl);
    const chunk = Buffer.alloc(64 * 1024, "a");
    let sentBytes = 0;
    let answered = false;
    const started = performance.now();
    const request = http.request(url, { method: "POST", headers });
    const pump = () => {
      while (!answered && sentBytes < total) {
        sentBytes += chunk.length;
        if (!request.write(chunk)) return void request.once("drain", pump);
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
        resolve({ status: response.statusCode!, headers: response.headers, body, ms, sentBytes });
      });
    });
    // The server closes the connection a little after refusing: writes still going then fail.
    request.on("error", (error) => {
      if (!answered) reject(error);
    });
    pump();
  });
}

function report(name: string, answer: Answer) {
  const line = `time to refuse an oversized body (${name}): ${answer.ms.toFixed(1)} ms, after ${(answer.sentBytes / 1024 / 1024).toFixed(1)} MB sent`;
  console.log(line);
  test.info().annotations.push({ type: "measurement", description: line });
}

test.describe("oversized bodies without a length", () => {
  test("the API refuses a 512 MB chunked body with 413 body_too_large, fast", async () => {
    const answer = await stream(
      "/api/v1/connect-sessions",
      { authorization: `Bearer ${E2E.apiKey}`, "content-type": "application/json" },
      HALF_GIGABYTE,
    );
    report("API, 64 KB limit", answer);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({
      error: { code: "body_too_large", message: "The request body is larger than 64 KB." },
    });
    expect(answer.ms).toBeLessThan(5_000);
    expect(answer.sentBytes).toBeLessThan(HALF_GIGABYTE / 4);
  });

  test("a server action refuses a 512 MB chunked body with 413, fast", async () => {
    // A server action post: the action id header Next routes by, a multipart body.
    const answer = await stream(
      "/login",
      {
        "next-action": "0".repeat(42),
        "content-type": "multipart/form-data; boundary=----latch",
        origin: E2E.appUrl,
      },
      HALF_GIGABYTE,
    );
    report("server action, 1 MB limit", answer);
    expect(answer.status).toBe(413);
    expect(answer.body).toBe("The request body is larger than 1 MB.\n");
    expect(answer.ms).toBeLessThan(5_000);
    expect(answer.sentBytes).toBeLessThan(HALF_GIGABYTE / 4);
  });

  test("a form post without JavaScript is bounded the same way", async () => {
    const answer = await stream(
      "/connect?session_token=lcs_x",
      { "content-type": "application/x-www-form-urlencoded", origin: E2E.appUrl },
      HALF_GIGABYTE,
    );
    report("form post, 1 MB limit", answer);
    expect(answer.status).toBe(413);
    expect(answer.ms).toBeLessThan(5_000);
  });

  test("a declared length over the limit is refused before the body is read", async () => {
    const answer = await stream(
      "/login",
      {
        "content-type": "multipart/form-data; boundary=----latch",
        "content-length": String(HALF_GIGABYTE),
      },
      HALF_GIGABYTE,
    );
    report("declared 512 MB, 1 MB limit", answer);
    expect(answer.status).toBe(413);
    expect(answer.sentBytes).toBeLessThan(HALF_GIGABYTE / 4);
  });

  test("the server is still well afterwards", async ({ request }) => {
    expect((await request.get("/api/health")).status()).toBe(200);
  });
});

test.describe("methods a path does not have", () => {
  for (const [method, path, allow] of [
    // These two paths are answered by server.ts itself for GET; other methods go to Next.
    ["POST", "/api/health", "GET, HEAD, OPTIONS"],
    ["PUT", "/api/v1/connections/conn_x/access-token", "GET, HEAD, OPTIONS"],
    ["DELETE", "/api/v1/connect-sessions", "POST, OPTIONS"],
    ["GET", "/api/v1/connect-sessions", "POST, OPTIONS"],
    ["PATCH", "/api/v1/connections/conn_x", "GET, HEAD, DELETE, OPTIONS"],
    ["POST", "/api/v1/openapi.json", "GET, HEAD, OPTIONS"],
  ] as const) {
    test(`${method} ${path} answers 405 in the error shape, with Allow`, async ({ request }) => {
      const response = await request.fetch(path, {
        method,
        headers: { authorization: `Bearer ${E2E.apiKey}` },
      });
      expect(response.status()).toBe(405);
      expect(response.headers()["allow"]).toBe(allow);
      expect(response.headers()["content-type"]).toMatch(/^application\/json/);
      expect(await response.json()).toEqual({
        error: {
          code: "method_not_allowed",
          message: `${method} is not a method of this path. It answers to ${allow}.`,
        },
      });
    });
  }

  test("OPTIONS says what a path answers to; HEAD is GET without a body", async ({ request }) => {
    const options = await request.fetch("/api/v1/connections", { method: "OPTIONS" });
    expect(options.status()).toBe(204);
    expect(options.headers()["allow"]).toBe("GET, HEAD, OPTIONS");
    const head = await request.head("/api/health");
    expect(head.status()).toBe(200);
  });
});
