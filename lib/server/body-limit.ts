import type { IncomingMessage, ServerResponse } from "node:http";
import { PAGE_BODY_LIMIT_BYTES } from "../http/body-limits.mjs";
import { sendWebResponse } from "./node-bridge";

/**
 * Bounds the bodies Next reads for pages and server actions (server.ts), at 1 MB.
 *
 * Next counts a server action's bytes as they arrive, but only once proxy.ts has run, and to
 * run it Next copies the body aside, holding up to 10 MB in memory and reading the rest to its
 * end before the action starts; past its limit the action then fails with a 500. So a 512 MB
 * chunked body was read in full, and one that never ends held its request open for good. Here
 * a declared length over the limit is refused before a byte is read, and a chunked body (no
 * length to trust) is held back from Next while it is counted: refused with 413 as soon as it
 * passes the limit, handed on untouched once it ends within it. Node's parser reads no more
 * than a Content-Length says, so a body that declares one within the limit goes straight on.
 *
 * The tenant API's paths bound their own bodies, more tightly (lib/api/read-body.ts), and
 * answer in the API's JSON error shape: they are not held here. On every path, an answer sent
 * before the request's body has ended with `Connection: close` (a 413) lets the client read it
 * before the connection closes (closeWhenBodyUnread).
 */
export function boundRequestBody(req: IncomingMessage, res: ServerResponse, next: () => void) {
  closeWhenBodyUnread(req, res);
  if (isApiPath(req.url)) return next();
  const declared = req.headers["content-length"];
  if (declared !== undefined) {
    return Number(declared) > PAGE_BODY_LIMIT_BYTES ? refuse(res) : next();
  }
  // Neither header: an HTTP/1.1 request without a body.
  if (req.headers["transfer-encoding"] === undefined) return next();
  void holdBody(req, PAGE_BODY_LIMIT_BYTES).then((outcome) => {
    if (outcome === "within") next();
    else if (outcome === "too_large") refuse(res);
    // "gone": the client went away mid-body; there is nobody to answer.
  });
}

/** How long a client still sending a body nobody reads has to read its answer. */
const LINGER_MS = 2_000;

/**
 * An answer saying `Connection: close` while its request's body is still arriving (a 413) ends
 * the connection gently. Node closes the socket as soon as such an answer is sent, and closing
 * it with the client's bytes still unread resets the connection: a client that is still sending
 * then often loses the answer before it reads it (its next write fails first). Instead the
 * socket is half-closed at once (nothing more is sent) and closed for good LINGER_MS later, so
 * the client has time to read why it was refused.
 */
export function closeWhenBodyUnread(req: IncomingMessage, res: ServerResponse) {
  const socket = req.socket;
  // Before Node's own "finish" listener, which is the one that closes the socket.
  res.prependOnceListener("finish", () => {
    if (req.complete) return;
    socket.destroySoon = () => {
      socket.end();
      setTimeout(() => socket.destroy(), LINGER_MS).unref();
    };
  });
}

function isApiPath(url: string | undefined): boolean {
  try {
    // Resolved the way a URL parser would (dot segments, %2e), not as the raw text.
    return new URL(url ?? "/", "http://latch.invalid").pathname.startsWith("/api/");
  } catch {
    return false;
  }
}

type Held = "within" | "too_large" | "gone";

/**
 * Node's HTTP parser hands each piece of a body to `req.push`; until the body has ended or
 * passed `limit`, the pieces are kept here instead, so the request reaches Next unread. Within
 * the limit they are then pushed on as the parser would have; past it they are dropped, and
 * `false` pauses the socket, so nothing more is read.
 */
function holdBody(req: IncomingMessage, limit: number): Promise<Held> {
  return new Promise((resolve) => {
    const held: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (outcome: Held) => {
      if (settled) return;
      settled = true;
      // Own property over Readable.prototype.push: deleting it restores the real one.
      delete (req as { push?: unknown }).push;
      req.off("close", gone);
      resolve(outcome);
    };
    const gone = () => settle("gone");
    req.once("close", gone);
    req.push = (chunk: Buffer | null, encoding?: BufferEncoding) => {
      if (settled) return req.push(chunk, encoding);
      if (chunk === null) {
        settle("within");
        for (const piece of held) req.push(piece);
        return req.push(null);
      }
      size += chunk.length;
      if (size > limit) {
        held.length = 0;
        settle("too_large");
        return false;
      }
      held.push(chunk);
      return true;
    };
  });
}

function refuse(res: ServerResponse) {
  const megabytes = PAGE_BODY_LIMIT_BYTES / (1024 * 1024);
  void sendWebResponse(
    res,
    new Response(`The request body is larger than ${megabytes} MB.\n`, {
      status: 413,
      // The rest of the body is not wanted: the connection ends (closeWhenBodyUnread).
      headers: { "content-type": "text/plain; charset=utf-8", connection: "close" },
    }),
  );
}
