import { AddressSet, normalizeIp } from "../net/cidr";

/**
 * The header server.ts writes with the client's address, after deciding what to believe. It
 * removes any copy the client sent, so nothing downstream ever reads an address the client chose.
 */
export const CLIENT_IP_HEADER = "x-latch-client-ip";

// Set by server.ts once it resolves every request's address; without it (`next dev`, or Next
// started without server.ts) the header could be the client's own, and is not read.
const RESOLVED = Symbol.for("latch.clientAddressesResolved");

export function markClientAddressesResolved(): void {
  (globalThis as Record<symbol, unknown>)[RESOLVED] = true;
}

export function clientAddressesResolved(): boolean {
  return (globalThis as Record<symbol, unknown>)[RESOLVED] === true;
}

export type ClientAddress = { ip: string | null; proto: "http" | "https" | null };

/**
 * Who the client is, from the socket's peer and the forwarding headers. A request that does not
 * come straight from a trusted proxy is its socket's address, whatever its X-Forwarded-* say.
 * From a trusted proxy, X-Forwarded-For is read from the right (each proxy appends the address
 * it saw), skipping trusted proxies: the first address that is not one is the client. Only then
 * is X-Forwarded-Proto believed (the nearest proxy's entry, the right-most).
 */
export function resolveClientAddress(
  peer: string | undefined,
  forwardedFor: string | string[] | undefined,
  forwardedProto: string | string[] | undefined,
  trusted: AddressSet,
): ClientAddress {
  const socket = peer ? (normalizeIp(peer)?.address ?? null) : null;
  if (!socket || !trusted.has(socket)) return { ip: socket, proto: null };
  const hops = listOf(forwardedFor);
  let client = socket;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalizeIp(hops[i]!)?.address;
    // A malformed entry cannot be trusted or believed: the last good address stands.
    if (!hop) break;
    client = hop;
    if (!trusted.has(hop)) break;
  }
  const proto = listOf(forwardedProto).at(-1)?.toLowerCase();
  return { ip: client, proto: proto === "http" || proto === "https" ? proto : null };
}

function listOf(header: string | string[] | undefined): string[] {
  const text = Array.isArray(header) ? header.join(",") : (header ?? "");
  return text
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
}
