import http from "node:http";
import https from "node:https";
import { Readable } from "node:stream";
import { AtlassianError } from "./errors";

export type GatewayCall = {
  /** Built by the caller from ATLASSIAN_API_URL and checked to stay under /ex/{product}/{cloudId}/. */
  url: string;
  method: string;
  headers: Headers;
  body: Uint8Array | ReadableStream<Uint8Array> | null;
  /** How long to wait for the answer's headers, and then at most between two body chunks. */
  timeoutMs: number;
};

// Kept-alive connections to the gateway, shared by every call: a new TLS handshake per proxied
// call would cost more than everything else the proxy does.
const agents = {
  "http:": new http.Agent({ keepAlive: true, maxSockets: 256 }),
  "https:": new https.Agent({ keepAlive: true, maxSockets: 256 }),
};

/**
 * One call through Atlassian's API gateway, answered as it arrives: the body is a stream the
 * caller passes on, never read here. Node's HTTP client rather than fetch: it costs a fraction
 * per call, and nothing here wants fetch's extras (redirects are never followed: a followed
 * redirect would carry the token to wherever it points). A network failure throws
 * `unavailable`, and no answer within `timeoutMs` throws `timeout`; a body that then stalls for
 * `timeoutMs` ends the stream with an error.
 */
export function callGateway(call: GatewayCall): Promise<Response> {
  const url = new URL(call.url);
  const client = url.protocol === "https:" ? https : http;
  const headers: Record<string, string> = {};
  call.headers.forEach((value, name) => (headers[name] = value));
  if (call.body instanceof Uint8Array) headers["content-length"] = String(call.body.byteLength);
  return new Promise<Response>((resolve, reject) => {
    const request = client.request(url, {
      method: call.method,
      headers,
      agent: agents[url.protocol as keyof typeof agents],
    });
    let answered = false;
    // Before the answer: no status line in time. After it: no body chunk in time.
    request.setTimeout(call.timeoutMs, () => {
      request.destroy(
        new AtlassianError("timeout", `no answer from the gateway in ${call.timeoutMs} ms`),
      );
    });
    request.on("error", (error) => {
      if (answered) return;
      reject(
        error instanceof AtlassianError
          ? error
          : new AtlassianError("unavailable", "network failure calling the gateway"),
      );
    });
    request.once("response", (response) => {
      answered = true;
      const status = response.statusCode ?? 502;
      const answerHeaders = new Headers();
      for (let i = 0; i < response.rawHeaders.length; i += 2) {
        answerHeaders.append(response.rawHeaders[i]!, response.rawHeaders[i + 1]!);
      }
      const body =
        status === 204 || status === 304 || call.method === "HEAD"
          ? null
          : (Readable.toWeb(response) as ReadableStream<Uint8Array>);
      if (!body) response.resume();
      resolve(new Response(body, { status, headers: answerHeaders }));
    });
    sendBody(request, call.body);
  });
}

function sendBody(request: http.ClientRequest, body: GatewayCall["body"]) {
  if (!body) return void request.end();
  if (body instanceof Uint8Array) return void request.end(body);
  // A failing body (the caller's limit ended it) abandons the request half-sent.
  Readable.fromWeb(body as import("node:stream/web").ReadableStream)
    .on("error", (error) => request.destroy(error))
    .pipe(request);
}
