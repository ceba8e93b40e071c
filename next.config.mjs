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
