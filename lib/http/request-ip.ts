import { CLIENT_IP_HEADER, clientAddressesResolved } from "./client-address";

/**
 * The client's address as server.ts resolved it from the socket and TRUSTED_PROXIES
 * (lib/http/client-address.ts); null where no such server ran (`next dev`).
 */
export function clientIp(headers: Headers): string | null {
  if (!clientAddressesResolved()) return null;
  return headers.get(CLIENT_IP_HEADER)?.slice(0, 64) || null;
}
