/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Start-up (migrations, bootstrap) reads files relative to the project root at run time.
  outputFileTracingIncludes: { "/*": ["./prisma/migrations/**/*"] },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [{ key: "X-Content-Type-Options", value: "nosniff" }],
      },
      {
        // The connect page's URL carries a session token: never leak it through Referer.
        source: "/connect",
        headers: [{ key: "Referrer-Policy", value: "no-referrer" }],
      },
    ];
  },
};

export default nextConfig;
