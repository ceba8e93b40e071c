import type { IncomingMessage } from "node:http";
import { CLIENT_IP_HEADER, resolveClientAddress } from "../http/client-address";
import { logger } from "../log";
import type { AddressSet } from "../net/cidr";
import { specialAddress } from "../net/special-addresses";

const REWRITTEN = new Set([CLIENT_IP_HEADER, "x-forwarded-for", "x-forwarded-proto"]);

/**
 * Rewrites a request's forwarding headers to what Latch believes (lib/http/client-address.ts)
 * before anything reads them: Next's pages, actions and routes alike. X-Forwarded-For becomes
 * the one resolved address, X-Forwarded-Proto stays only when a trusted proxy sent it, and the
 * client's own X-Latch-Client-IP, if any, is replaced.
 */
export function applyClientAddress(req: IncomingMessage, trusted: AddressSet): void {
  const { ip, proto } = resolveClientAddress(
    req.socket.remoteAddress,
    req.headers["x-forwarded-for"],
    req.headers["x-forwarded-proto"],
    trusted,
  );
  if (trusted.size === 0 && req.headers["x-forwarded-for"]) warnOfUntrustedProxy(ip);
  const raw: string[] = [];
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    if (!REWRITTEN.has(req.rawHeaders[i]!.toLowerCase())) {
      raw.push(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
    }
  }
  for (const name of REWRITTEN) delete req.headers[name];
  const set = (name: string, value: string) => {
    req.headers[name] = value;
    raw.push(name, value);
  };
  if (ip) {
    set(CLIENT_IP_HEADER, ip);
    set("x-forwarded-for", ip);
  }
  if (proto) set("x-forwarded-proto", proto);
  req.rawHeaders.splice(0, req.rawHeaders.length, ...raw);
}

let warned = false;

/** A proxy on a private address is sending X-Forwarded-For, but none is trusted: say so once. */
function warnOfUntrustedProxy(peer: string | null): void {
  if (warned || !peer || !specialAddress(peer)) return;
  warned = true;
  logger.warn(
    { peer },
    `A request from ${peer} carried X-Forwarded-For, which is ignored because TRUSTED_PROXIES is not set. If Latch is behind a reverse proxy, set TRUSTED_PROXIES to its address, or every client counts as the proxy in rate limits and the audit log.`,
  );
}
