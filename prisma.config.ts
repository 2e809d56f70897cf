// Prisma 7 reads its settings from here. Only `prisma generate` uses it in this project: migrations run through
// the WebAssembly schema engine in scripts/ (see docs/decisions/0001-offline-migrations.md).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
