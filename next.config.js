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
};

export default nextConfig;
