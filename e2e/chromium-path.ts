import { existsSync } from "node:fs";

/** Debian's headless-only build of Chromium (package chromium-headless-shell) and its full browser. */
export const HEADLESS_SHELL = "/usr/bin/chromium-headless-shell";
export const FULL_CHROMIUM = "/usr/bin/chromium";

/** Whether this run shows the browser (a person debugging with --headed, --ui or PWDEBUG): only the full one can. */
const showsBrowser = () => Boolean(process.env.PWDEBUG) || process.argv.some((arg) => arg === "--headed" || arg === "--ui" || arg === "--debug");

/**
 * CHROMIUM_PATH, else Debian's headless shell, else its full Chromium; null when none exists. The headless shell
 * is what Playwright itself runs headless (the old headless mode, no browser UI behind the page): measured on the
 * phone layout check, 27 s against 34 s with the full browser, on two cores the test server shares.
 */
export function chromiumPath(): string | null {
  if (process.env.CHROMIUM_PATH) return existsSync(process.env.CHROMIUM_PATH) ? process.env.CHROMIUM_PATH : null;
  const candidates = showsBrowser() ? [FULL_CHROMIUM] : [HEADLESS_SHELL, FULL_CHROMIUM];
  return candidates.find((path) => existsSync(path)) ?? null;
}

/** How these machines run Chromium: no sandbox as root, no GPU, and none of the background calls a closed network refuses. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
