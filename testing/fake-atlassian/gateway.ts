import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { json } from "./respond";
import { nextFault, type FakeSite, type FakeState } from "./state";

/**
 * The API gateway, `{api}/ex/{product}/{cloudId}/…`, for any method. A token reaches a site
 * its credential has a role on, for the products the site's scopes name (Jira when none do);
 * it stops working once its credential is revoked or its tokens are expired (/__fake/…).
 *
 * Most paths echo what arrived (method, raw path and query, headers, body size and its first
 * 64 KB), so a test can check what Latch forwarded. A few behave on purpose:
 * - `…/__fake/stream?bytes=N`: N bytes of octet-stream, written as fast as the reader reads;
 * - `…/__fake/slow?ms=N`: the echo, after N ms without a status line;
 * - `…/__fake/slow-body?ms=N`: a status line and a first chunk, then N ms of silence;
 * - `…/__fake/needs-scope`: 401 as Atlassian answers a call the token lacks a scope for;
 * - queued faults with endpoint "gateway" (unauthorized, 429s, 503s, stall…) come first.
 */
export async function handleGateway(
  state: FakeState,
  request: IncomingMessage,
  response: ServerResponse,
  answerFault: (fault: NonNullable<ReturnType<typeof nextFault>>, answer: () => void) => void,
) {
  const rawUrl = request.url ?? "/";
  const [, product, cloudId, rest] = /^\/ex\/([^/]+)\/([^/?]+)(\/[^?]*)?/.exec(rawUrl) ?? [];
  const { bytes, text } = await readBounded(request, 64 * 1024);
  state.gatewayRequests.push({
    method: request.method ?? "GET",
    rawUrl,
    headers: { ...request.headers },
    bodyBytes: bytes,
  });
  const requestId = randomUUID();
  response.setHeader("x-arequestid", requestId);
  // Never passed on by Latch: it is not among the headers a caller needs.
  response.setHeader("set-cookie", "atlassian.xsrf.token=fake; Path=/");
  response.setHeader("x-fake-internal", "1");

  const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? "")?.[1];
  const clientId = state.tokens.get(bearer ?? "");
  const credential = clientId ? state.credentials.get(clientId) : undefined;
  if (!credential || credential.revoked) {
    return json(response, 401, { code: 401, message: "Unauthorized" });
  }
  const site = credential.sites.find((candidate) => candidate.id === cloudId);
  if (!site || !product || !serves(site, product)) {
    return json(response, 404, { message: "Site or product not found" });
  }
  const answer = () => echoOrBehave(request, response, { rawUrl, rest: rest ?? "", bytes, text });
  const fault = nextFault(credential, "gateway");
  if (fault) {
    if (fault.mode === "unauthorized")
      return json(response, 401, { code: 401, message: "Unauthorized" });
    return answerFault(fault, answer);
  }
  answer();
}

function serves(site: FakeSite, product: string): boolean {
  const named = ["jira", "confluence"].filter((candidate) =>
    (site.scopes ?? []).some((scope) => scope.includes(candidate)),
  );
  return (named.length ? named : ["jira"]).includes(product);
}

function echoOrBehave(
  request: IncomingMessage,
  response: ServerResponse,
  received: { rawUrl: string; rest: string; bytes: number; text: string },
) {
  const query = new URL(received.rawUrl, "http://fake").searchParams;
  if (received.rest === "/__fake/stream") {
    return void streamBytes(response, Number(query.get("bytes") ?? 0));
  }
  if (received.rest === "/__fake/needs-scope") {
    return json(response, 401, { code: 401, message: "Unauthorized; scope does not match" });
  }
  if (received.rest === "/__fake/slow") {
    const timer = setTimeout(() => echo(request, response, received), Number(query.get("ms")));
    response.once("close", () => clearTimeout(timer));
    return;
  }
  if (received.rest === "/__fake/slow-body") {
    response.writeHead(200, { "content-type": "application/json" });
    response.write('{"slow":');
    const timer = setTimeout(() => response.end("true}"), Number(query.get("ms")));
    response.once("close", () => clearTimeout(timer));
    return;
  }
  echo(request, response, received);
}

function echo(
  request: IncomingMessage,
  response: ServerResponse,
  received: { rawUrl: string; bytes: number; text: string },
) {
  response.setHeader("x-ratelimit-remaining", "99");
  response.setHeader("etag", '"v1"');
  json(response, request.method === "POST" ? 201 : 200, {
    method: request.method,
    url: received.rawUrl,
    headers: request.headers,
    body_bytes: received.bytes,
    body: received.text,
  });
}

/** N bytes, 64 KB at a time, each written only once the reader has taken the one before. */
async function streamBytes(response: ServerResponse, total: number) {
  response.writeHead(200, { "content-type": "application/octet-stream" });
  const chunk = Buffer.alloc(64 * 1024, 120);
  for (let sent = 0; sent < total; sent += chunk.length) {
    if (response.destroyed) return;
    const piece = total - sent < chunk.length ? chunk.subarray(0, total - sent) : chunk;
    if (!response.write(piece)) {
      await new Promise<void>((resolve) => {
        const done = () => {
          response.off("drain", done);
          response.off("close", done);
          resolve();
        };
        response.on("drain", done);
        response.on("close", done);
      });
    }
  }
  if (!response.destroyed) response.end();
}

/** Counts the whole body, keeping only its first `keep` bytes as text. */
function readBounded(request: IncomingMessage, keep: number) {
  return new Promise<{ bytes: number; text: string }>((resolve, reject) => {
    const kept: Buffer[] = [];
    let bytes = 0;
    request.on("data", (chunk: Buffer) => {
      if (bytes < keep) kept.push(chunk.subarray(0, keep - bytes));
      bytes += chunk.length;
    });
    request.on("end", () => resolve({ bytes, text: Buffer.concat(kept).toString("utf8") }));
    request.on("error", reject);
  });
}
