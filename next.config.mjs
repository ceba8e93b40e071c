import { BASE_HEADERS, NO_FRAMING_HEADERS } from "./lib/http/security-headers.mjs";

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
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
        // The connect page's URL carries a session token: no other origin may see it in Referer.
        // Not "no-referrer": browsers then send `Origin: null` with the form's no-JS POST, which
        // Next's CSRF check rightly refuses; "same-origin" keeps the token from everyone else alike.
        source: "/connect/:path*",
        headers: [{ key: "Referrer-Policy", value: "same-origin" }],
      },
    ];
  },
};

export default nextConfig;
