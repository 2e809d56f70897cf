// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // forbidden() renders app/forbidden.tsx with status 403 (still flagged experimental in Next 16).
  // Server actions take CSV uploads of up to 5 MB (lib/csv's limit) from the import screen.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "6mb" } },
  // Native and WebAssembly modules are loaded by Node at run time, not bundled.
  serverExternalPackages: ["@node-rs/argon2", "@prisma/client", "pg", "@electric-sql/pglite", "@electric-sql/pglite-socket"],
  poweredByHeader: false,
  typedRoutes: false,
  async headers() {
    return [
      {
        // The service worker (public/sw.js) must never be served stale, or a fix to it could take a day to reach
        // phones that already have it. Service-Worker-Allowed: / is the default for a script at the root; stated so
        // the scope the app registers ("/") keeps working if the file ever moves.
        source: "/sw.js",
        headers: [
          { key: "Cache-Control", value: "no-cache, no-store, must-revalidate" },
          { key: "Content-Type", value: "application/javascript; charset=utf-8" },
          { key: "Service-Worker-Allowed", value: "/" },
        ],
      },
    ];
  },
};

export default nextConfig;
