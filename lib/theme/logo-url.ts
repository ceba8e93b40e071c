export const MAX_LOGO_URL_LENGTH = 2048;

// Plain http only where no certificate is to be had: a logo served from the member's own machine.
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

export type LogoUrlCheck =
  { ok: true; url: string } | { ok: false; reason: "too_long" | "not_a_url" | "insecure" };

/**
 * Checks an address for the connect form's logo: https, or http on a local host; no credentials.
 * Answers it normalised by the URL parser, so what is stored is what a browser would request.
 */
export function checkLogoUrl(text: string): LogoUrlCheck {
  if (text.length > MAX_LOGO_URL_LENGTH) return { ok: false, reason: "too_long" };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, reason: "not_a_url" };
  }
  const secure =
    url.protocol === "https:" || (url.protocol === "http:" && LOCAL_HOSTS.has(url.hostname));
  if (!secure) return { ok: false, reason: "insecure" };
  if (url.username || url.password) return { ok: false, reason: "not_a_url" };
  if (url.href.length > MAX_LOGO_URL_LENGTH) return { ok: false, reason: "too_long" };
  return { ok: true, url: url.href };
}
