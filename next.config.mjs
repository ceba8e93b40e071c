import { PAGE_BODY_LIMIT_BYTES } from "./lib/http/body-limits.mjs";
import { BASE_HEADERS, NO_FRAMING_HEADERS } from "./lib/http/security-headers.mjs";

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Loaded by Node, not bundled: server.ts (bundled on its own) and Next's routes then share one
  // copy, and so one set of metrics (lib/metrics/registry.ts).
  serverExternalPackages: ["prom-client"],
  // The container image (Dockerfile) ships .next/standalone: the server with only the
  // node_modules it uses. Off otherwise: `npm start` runs from the checkout and needs no copy.
  output: process.env.LATCH_STANDALONE === "1" ? "standalone" : undefined,
  experimental: {
    // forbidden() for a member on an admin's page or action (lib/auth/member.ts).
    authInterrupts: true,
    // Next counts a server action's bytes against this; server.ts refuses bigger bodies, chunked
    // ones included, before Next reads them (lib/server/body-limit.ts).
    serverActions: { bodySizeLimit: PAGE_BODY_LIMIT_BYTES },
    // What Next holds in memory to hand a body to proxy.ts (its default is 10 MB).
    proxyClientMaxBodySize: PAGE_BODY_LIMIT_BYTES,
  },
  // Start-up (migrations, bootstrap) reads files relative to the project root at run time.
  outputFileTracingIncludes: {
    "/*": ["./prisma/migrations/**/*", "./prisma/postgresql/migrations/**/*"],
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: BASE_HEADERS,
      },
      {
        // Only the connect pages may be framed, by their session's allowed origins (proxy.ts).
        source: "/((?!connect$|connect/embed$).*)",
        headers: NO_FRAMING_HEADERS,
      },
      {
        // The connect page's URL carries a session token: it is never sent as a Referer. (Its
        // no-JavaScript form then posts with `Origin: null`; proxy.ts restores the origin for
        // requests the browser marks same-origin.)
        source: "/connect/:path*",
        headers: [{ key: "Referrer-Policy", value: "no-referrer" }],
      },
    ];
  },
};

export default nextConfig;
