/**
 * The client's address. Behind a reverse proxy, the last X-Forwarded-For entry is the one the
 * proxy saw; without a proxy, Next fills the header with the socket's address.
 */
export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").at(-1)?.trim();
  return last ? last.slice(0, 64) : null;
}
