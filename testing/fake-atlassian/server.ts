import { randomBytes } from "node:crypto";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import net, { type AddressInfo } from "node:net";
import { handleAdmin } from "./admin";
import { handleGateway } from "./gateway";
import { json } from "./respond";
import { createState, nextFault, type Fault, type FakeCredential, type FakeState } from "./state";

/**
 * A fake of Atlassian's auth and API hosts, written from shared/ATLASSIAN.md: the
 * client-credentials grant, accessible-resources and the API gateway (/ex/…, gateway.ts), plus
 * an admin API (/__fake/…) through which tests create credentials and queue faults.
 */
export type FakeAtlassian = { url: string; state: FakeState; close(): Promise<void> };

export async function startFakeAtlassian(port = 0, host = "127.0.0.1"): Promise<FakeAtlassian> {
  const state = createState();
  const server = http.createServer((request, response) => {
    route(state, request, response).catch((error) => {
      response.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host}:${address.port}`,
    state,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function route(state: FakeState, request: IncomingMessage, response: ServerResponse) {
  // The gateway reads its own bodies (some are large) and sees the path exactly as sent.
  if (request.url?.startsWith("/ex/")) {
    return handleGateway(state, request, response, (fault, answer) =>
      misbehave(fault, response, answer),
    );
  }
  const url = new URL(request.url ?? "/", "http://fake");
  const body = await readBody(request);
  if (url.pathname.startsWith("/__fake/")) return handleAdmin(state, url.pathname, body, response);
  if (request.method === "POST" && url.pathname === "/oauth/token")
    return token(state, body, response);
  if (request.method === "GET" && url.pathname === "/oauth/token/accessible-resources") {
    return sites(state, request, response);
  }
  json(response, 404, { code: 404, message: "Not Found" });
}

function token(state: FakeState, body: string, response: ServerResponse) {
  state.calls.token += 1;
  const form = new URLSearchParams(body);
  const clientId = form.get("client_id") ?? "";
  state.tokenRequests.push({ clientId, fields: [...form.keys()] });
  const credential = state.credentials.get(clientId);
  const answer = () => answerToken(state, form, credential, response);
  const fault = nextFault(credential, "token");
  if (fault) return misbehave(fault, response, answer);
  answer();
}

function answerToken(
  state: FakeState,
  form: URLSearchParams,
  credential: FakeCredential | undefined,
  response: ServerResponse,
) {
  if (form.get("grant_type") !== "client_credentials") {
    return json(response, 400, { error: "unsupported_grant_type" });
  }
  if (form.has("scope") || form.has("audience"))
    return json(response, 400, { error: "invalid_scope" });
  if (!credential) {
    return json(response, 400, { error: "invalid_client", error_description: "Unknown client" });
  }
  if (credential.revoked || form.get("client_secret") !== credential.clientSecret) {
    return json(response, 401, { error: "access_denied", error_description: "Unauthorized" });
  }
  const accessToken = `fake-at-${randomBytes(16).toString("hex")}`;
  state.tokens.set(accessToken, credential.clientId);
  json(response, 200, {
    access_token: accessToken,
    token_type: "Bearer",
    ...(credential.expiresIn === "omit"
      ? {}
      : { expires_in: credential.expiresIn === undefined ? 3600 : credential.expiresIn }),
    ...(credential.scope === undefined ? {} : { scope: credential.scope }),
  });
}

function sites(state: FakeState, request: IncomingMessage, response: ServerResponse) {
  state.calls.sites += 1;
  const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? "")?.[1];
  const clientId = state.tokens.get(bearer ?? "") ?? "";
  const answer = () => {
    // Read at answer time: a credential revoked during a stall is refused.
    const credential = state.credentials.get(clientId);
    if (!credential || credential.revoked)
      return json(response, 401, { code: 401, message: "Unauthorized" });
    json(response, 200, credential.sites);
  };
  const fault = nextFault(state.credentials.get(clientId), "sites");
  if (fault) return misbehave(fault, response, answer);
  answer();
}

const HUGE_BODY_BYTES = 10 * 1024 * 1024;

/** Answers as the fault says; `answer` gives the normal answer, for faults that end in one. */
function misbehave(fault: Fault, response: ServerResponse, answer: () => void) {
  const retryAfter = fault.retryAfterSeconds ?? 1;
  switch (fault.mode) {
    case "status_503":
      return json(response, 503, { message: "Service Unavailable" });
    case "status_503_retry_after":
      response.setHeader("retry-after", String(retryAfter));
      return json(response, 503, { message: "Service Unavailable" });
    case "unauthorized":
      return json(response, 401, { code: 401, message: "Unauthorized" });
    case "html_502":
      response.writeHead(502, { "content-type": "text/html" });
      return response.end("<html><body><h1>502 Bad Gateway</h1></body></html>");
    case "rate_limit_retry_after":
      response.setHeader("retry-after", String(retryAfter));
      response.setHeader("ratelimit-reason", "jira-quota-based");
      return json(response, 429, { message: "Too Many Requests" });
    case "rate_limit_reset":
      response.setHeader(
        "x-ratelimit-reset",
        new Date(Date.now() + retryAfter * 1000).toISOString(),
      );
      return json(response, 429, { message: "Too Many Requests" });
    case "stall":
      // Without stallMs it never answers; either way the client's deadline must end the wait.
      if (fault.stallMs !== undefined) later(response, fault.stallMs, answer);
      return;
    case "stall_body":
      response.writeHead(200, { "content-type": "application/json" });
      response.write(fault.endpoint === "token" ? '{"access_token":"fake-at-' : '[{"id":"');
      if (fault.stallMs !== undefined) later(response, fault.stallMs, () => response.destroy());
      return;
    case "truncated_json":
      response.writeHead(200, { "content-type": "application/json" });
      return response.end('{"access_token":"abc","expi');
    case "huge_body": {
      const body = `{"access_token":"${"x".repeat(HUGE_BODY_BYTES)}"}`;
      response.writeHead(200, {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(body),
      });
      return response.end(body);
    }
    case "huge_body_chunked":
      return streamHugeBody(response);
    case "drop_connection":
      return response.socket?.destroy();
  }
}

/** Runs `then` after `ms`, unless the client hung up first (or the fake was closed). */
function later(response: ServerResponse, ms: number, then: () => void) {
  const timer = setTimeout(then, ms);
  response.once("close", () => clearTimeout(timer));
}

/** 10 MB without a Content-Length (chunked), written as fast as the client reads it. */
async function streamHugeBody(response: ServerResponse) {
  response.writeHead(200, { "content-type": "application/json" });
  response.write('{"access_token":"');
  const chunk = "x".repeat(64 * 1024);
  for (let sent = 0; sent < HUGE_BODY_BYTES; sent += chunk.length) {
    if (response.destroyed) return;
    if (!response.write(chunk)) await drainedOrClosed(response);
  }
  if (!response.destroyed) response.end('"}');
}

function drainedOrClosed(response: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      response.off("drain", done);
      response.off("close", done);
      resolve();
    };
    response.on("drain", done);
    response.on("close", done);
  });
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

/**
 * An address on loopback where nothing listens, so connecting is refused at once: the fault
 * "Atlassian's URL points at a closed port". (The port was free a moment ago; nothing in the
 * suite listens on ports it did not ask the system for.)
 */
export async function closedLoopbackUrl(host = "127.0.0.1"): Promise<string> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, host, resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return `http://${host}:${port}`;
}

/** A base whose host can never resolve (RFC 6761 reserves `.invalid`): the fault "no such host". */
export const UNRESOLVABLE_URL = "http://latch-no-such-host.invalid";

export type { FakeCredential };
