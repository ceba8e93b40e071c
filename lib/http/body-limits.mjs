// Shared by next.config.mjs (the server actions' own limit) and server.ts (which refuses bigger
// bodies before Next reads them). Plain JS because next.config.mjs imports it.

/**
 * The most a request body to a page or server action may hold: 1 MB, Next's default for server
 * actions. Latch's largest form (the settings' origins list) is a few kilobytes.
 */
export const PAGE_BODY_LIMIT_BYTES = 1024 * 1024;
