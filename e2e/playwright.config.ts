import { defineConfig, devices } from "@playwright/test";
import { BOOTSTRAP_API_KEY } from "../tests/security/fixtures";
import { CHROMIUM_ARGS, chromiumPath } from "./chromium-path";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;

// Debian's Chromium, never a downloaded browser: these machines cannot download one.
const launchOptions = {
  executablePath: chromiumPath() ?? undefined,
  args: CHROMIUM_ARGS,
};

export default defineConfig({
  testDir: ".",
  outputDir: "../test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  reporter: [["list"], ["json", { outputFile: "../test-results/e2e-results.json" }]],
  // A trace of every test cost a third of the run's time (the phone layout check: 50 s with, 34 s without); a
  // failure keeps its screenshot and error context, and E2E_TRACE=1 records traces to look into one.
  use: { baseURL, trace: process.env.E2E_TRACE ? "retain-on-failure" : "off", screenshot: "only-on-failure", launchOptions },
  projects: [
    { name: "phone", use: { ...devices["Pixel 7"], launchOptions } },
    { name: "desktop", use: { viewport: { width: 1280, height: 800 }, launchOptions } },
    // tests/security against the same production build, after the journeys (it leaves the demo data changed).
    { name: "security", testDir: "../tests/security", use: { viewport: { width: 1280, height: 800 }, launchOptions } },
  ],
  webServer: {
    command: "node --import tsx scripts/e2e-server.ts",
    cwd: "..",
    url: `${baseURL}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    // Time for scripts/e2e-server.ts to stop the app and drop the run's database.
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    stdout: "pipe",
    env: { PORT: String(port), NEXTAUTH_URL: baseURL, STOCKROOM_BOOTSTRAP_API_KEY: BOOTSTRAP_API_KEY },
  },
});
