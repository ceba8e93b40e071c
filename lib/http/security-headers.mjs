// Shared by next.config.mjs (pages and routes Next serves) and server.ts (the hot API routes it
// answers itself), so both send the same headers. Plain JS because next.config.mjs imports it.

/** Sent with every response. */
export const BASE_HEADERS = [{ key: "X-Content-Type-Options", value: "nosniff" }];

/** Sent with everything but the connect pages, which only their allowed origins may frame. */
export const NO_FRAMING_HEADERS = [
  { key: "Content-Security-Policy", value: "frame-ancestors 'none'" },
  { key: "X-Frame-Options", value: "DENY" },
];
