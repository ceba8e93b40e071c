/**
 * The client's address, as the last X-Forwarded-For entry: behind a reverse proxy that appends
 * to the header, the address the proxy saw. Next fills the header with the socket's address only
 * when it is absent, so without such a proxy a client can claim any address (README: sign-in).
 */
export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").at(-1)?.trim();
  return last ? last.slice(0, 64) : null;
}
