// Shared by next.config.mjs (pages and routes Next serves) and server.ts (the hot API routes it
// answers itself), so both send the same headers. Plain JS because next.config.mjs imports it.

/** Sent with every response. */
export const BASE_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  // Latch uses none of these; a page that is ever injected into cannot either.
  {
    key: "Permissions-Policy",
    value:
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), display-capture=(), clipboard-read=()",
  },
];

/** Browsers remember for two years to use https only; sent when PUBLIC_URL is https (server.ts). */
export const HSTS_HEADER = {
  key: "Strict-Transport-Security",
  value: "max-age=63072000; includeSubDomains",
};

/** Sent with everything but the connect pages, which only their allowed origins may frame. */
export const NO_FRAMING_HEADERS = [
  { key: "Content-Security-Policy", value: "frame-ancestors 'none'" },
  { key: "X-Frame-Options", value: "DENY" },
];
