// npm run test:e2e — Playwright in Debian's Chromium against the production build. Says plainly when it
// cannot run (no Chromium) instead of passing silently.
import { spawnSync } from "node:child_process";
import { chromiumPath, FULL_CHROMIUM, HEADLESS_SHELL } from "../e2e/chromium-path";

if (!chromiumPath()) {
  const looked = process.env.CHROMIUM_PATH ?? `${HEADLESS_SHELL} or ${FULL_CHROMIUM}`;
  console.log(`SKIPPED e2e: no Chromium at ${looked} (apt-get install chromium-headless-shell chromium, or set CHROMIUM_PATH)`);
  process.exit(0);
}
const result = spawnSync("npx", ["playwright", "test", "--config", "e2e/playwright.config.ts", ...process.argv.slice(2)], {
  stdio: "inherit",
  // Service-worker network events: lets the offline test cut the worker's own requests as well as the page's.
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS: "1" },
});
process.exit(result.status ?? 1);
