import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { PROXY_METHODS, proxyHandler, proxyMethodNotAllowed } from "../api/proxy-route";
import { apiError } from "../api/respond";
import { recordRawTarget } from "../http/raw-target";
import { logger } from "../log";
import { closeWhenBodyUnread } from "./body-limit";
import { SECURITY_HEADERS } from "./node-bridge";

const PROXY_PATH = /^\/api\/v1\/connections\/([^/?]+)\/proxy(?:[/?]|$)/;
const FORWARDED: ReadonlySet<string> = new Set(PROXY_METHODS);

/**
 * The proxy as server.ts serves it, without Next's pipeline (README: the hot path): the body
 * streams in from Node's request and the answer streams out to Node's response, neither held
 * whole. The path is judged as it arrived (lib/http/raw-target.ts). HEAD and OPTIONS go on to
 * Next (the route file answers them); any other method is refused here. Answers true when it
 * took the request.
 */
export function serveProxy(req: IncomingMessage, res: ServerResponse): boolean {
  const id = req.url ? PROXY_PATH.exec(req.url)?.[1] : undefined;
  const method = req.method ?? "GET";
  if (!id || method === "HEAD" || method === "OPTIONS") return false;
  closeWhenBodyUnread(req, res);
  if (!FORWARDED.has(method)) {
    void streamResponse(req, res, proxyMethodNotAllowed(method));
    return true;
  }
  Promise.resolve()
    .then(() =>
      proxyHandler(toStreamingRequest(req), { params: Promise.resolve({ id: decode(id) }) }),
    )
    .then((response) => streamResponse(req, res, response))
    .catch((error: unknown) => {
      logger.error({ err: error, path: req.url?.split("?", 1)[0] }, "proxy crashed");
      if (res.headersSent) return void res.destroy();
      void streamResponse(
        req,
        res,
        apiError(500, "internal_error", "Something went wrong on our side. Try again."),
      );
    });
  return true;
}

/** Node's request as a Web Request whose body is read only as it is forwarded. */
function toStreamingRequest(req: IncomingMessage): Request {
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  }
  const hasBody =
    req.headers["transfer-encoding"] !== undefined ||
    (req.headers["content-length"] !== undefined && req.headers["content-length"] !== "0");
  const request = new Request(`http://${req.headers.host ?? "localhost"}${req.url}`, {
    method: req.method,
    headers,
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream<Uint8Array>, duplex: "half" } : {}),
  } as RequestInit);
  return recordRawTarget(request, req.url!);
}

/** Writes the answer as it comes: a slow reader slows the upstream read, never buffers it. */
async function streamResponse(req: IncomingMessage, res: ServerResponse, response: Response) {
  res.statusCode = response.status;
  for (const { key, value } of SECURITY_HEADERS) res.setHeader(key, value);
  response.headers.forEach((value, key) => res.setHeader(key, value));
  if (!response.body) return void res.end();
  try {
    await pipeline(
      Readable.fromWeb(response.body as import("node:stream/web").ReadableStream),
      res,
    );
  } catch {
    // The caller went away, or Atlassian's body stopped half-way (PROXY_TIMEOUT): the
    // connection is cut, so the caller cannot take a truncated body for a whole one.
    res.destroy();
    if (!req.complete) req.destroy();
  }
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
