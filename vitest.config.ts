import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: { alias: { "@": root } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "components/**/*.test.ts", "scripts/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "node_modules/**"],
          environment: "node",
          // npm test runs these beside the typecheck and lint, four processes on two cores: a simulation that takes
          // 2 s alone took 8 s there, past Vitest's default of 5.
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          // Three files at a time on two cores (Vitest's default here is one): a file spends much of its time waiting
          // on PostgreSQL, and each has a database of its own. Measured: 569 s with one (CI, 2026-12-05), 448 s with three.
          maxWorkers: 3,
          include: ["**/*.int.test.ts", "tests/integration/**/*.test.ts"],
          exclude: ["node_modules/**", "e2e/**"],
          environment: "node",
          globalSetup: ["tests/setup/global-database.ts"],
          setupFiles: ["tests/setup/file-database.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
