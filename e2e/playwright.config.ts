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
  // Two browsers at once, a file each: one left the two cores 20–45% idle (the journeys wait on the server and on
  // their pages). Journeys share the demo data, so each works on things of its own (SKUs, bins, people where it
  // signs out, since signing out ends every session of the person). E2E_WORKERS=1 runs them one at a time.
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0,
  timeout: 30_000,
  // Twice Playwright's default: a page waits on a server that another browser is keeping busy at the same time.
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "../test-results/e2e-results.json" }]],
  // A trace of every test cost a third of the run's time (the phone layout check: 50 s with, 34 s without); a
  // failure keeps its screenshot and error context, and E2E_TRACE=1 records traces to look into one.
  use: { baseURL, trace: process.env.E2E_TRACE ? "retain-on-failure" : "off", screenshot: "only-on-failure", launchOptions },
  projects: [
    { name: "phone", use: { ...devices["Pixel 7"], launchOptions } },
    { name: "desktop", use: { viewport: { width: 1280, height: 800 }, launchOptions } },
    // tests/security against the same production build, after the journeys (it leaves the demo data changed).
    {
      name: "security",
      testDir: "../tests/security",
      dependencies: ["phone", "desktop"],
      use: { viewport: { width: 1280, height: 800 }, launchOptions },
    },
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
