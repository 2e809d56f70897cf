// npm run test:e2e — Playwright in Debian's Chromium against the production build. Says plainly when it
// cannot run (no Chromium) instead of passing silently.
import { spawnSync } from "node:child_process";
import { chromiumPath } from "../e2e/chromium-path";

if (!chromiumPath()) {
  console.log(`SKIPPED e2e: no Chromium at ${process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"} (apt-get install chromium, or set CHROMIUM_PATH)`);
  process.exit(0);
}
const result = spawnSync("npx", ["playwright", "test", "--config", "e2e/playwright.config.ts", ...process.argv.slice(2)], {
  stdio: "inherit",
  // Service-worker network events: lets the offline test cut the worker's own requests as well as the page's.
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS: "1" },
});
process.exit(result.status ?? 1);
