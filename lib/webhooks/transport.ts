import "server-only";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import type { ResolvedAddress } from "./target";

export type PostRequest = {
  url: URL;
  /** The address checked by resolveTarget: the connection goes there and nowhere else. */
  address: ResolvedAddress;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
};

/** Sends one delivery and answers the receiver's status; rejects when no answer came. */
export type Post = (request: PostRequest) => Promise<{ status: number }>;

// Receivers' answers are ignored; read a little so the receiver can finish writing, then stop.
const MAX_DRAIN_BYTES = 4096;

/** A lookup that answers the checked address, whatever DNS would say now. */
function pinnedLookup({ address, family }: ResolvedAddress): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  };
}

/**
 * POSTs with node:http(s) to the checked address. The URL's host still names the receiver:
 * in the Host header, in TLS's SNI and in the certificate check. A redirect is answered as its
 * status and never followed (node:http does not follow), since it could point anywhere. Each
 * delivery has a connection of its own (no agent), so none is reused for another address.
 */
export const pinnedPost: Post = ({ url, address, headers, body, timeoutMs }) =>
  new Promise((resolve, reject) => {
    const secure = url.protocol === "https:";
    const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
    const request = (secure ? https : http).request({
      host,
      port: url.port || (secure ? 443 : 80),
      path: `${url.pathname}${url.search}`,
      method: "POST",
      headers: { ...headers, host: url.host, "content-length": String(Buffer.byteLength(body)) },
      agent: false,
      lookup: pinnedLookup(address),
      // A name in SNI only: an IP literal is checked against the certificate's IP entries.
      ...(secure && host !== address.address ? { servername: host } : {}),
    });
    const timer = setTimeout(() => {
      const error = new Error(`No answer within ${timeoutMs} ms`);
      error.name = "TimeoutError";
      request.destroy(error);
    }, timeoutMs);
    request.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    request.on("response", (response) => {
      resolve({ status: response.statusCode ?? 0 });
      let read = 0;
      const stop = () => {
        clearTimeout(timer);
        response.destroy();
      };
      response.on("data", (chunk: Buffer) => {
        read += chunk.byteLength;
        if (read >= MAX_DRAIN_BYTES) stop();
      });
      response.on("end", stop);
      // The answer's body means nothing to us; a broken one is not a failed delivery.
      response.on("error", stop);
    });
    request.end(body);
  });
