/**
 * npm test — the whole suite, in the order that fails fastest: formatting, typecheck, lint, unit, integration,
 * production build, browser end-to-end and the security suite (one Playwright run against one server). Ends
 * with one line of totals across the test runners.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";

type Totals = { passed: number; failed: number; skipped: number };
const totals: Totals = { passed: 0, failed: 0, skipped: 0 };
const timings: string[] = [];

function run(name: string, command: string, args: string[], env: Record<string, string> = {}) {
  console.log(`\n\x1b[1m▶ ${name}\x1b[0m  (${[command, ...args].join(" ")})`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  timings.push(`${name} ${seconds}s`);
  if (result.status !== 0) {
    console.error(`\n\x1b[31m✗ ${name} failed after ${seconds}s\x1b[0m`);
    summarize();
    process.exit(result.status ?? 1);
  }
}

function addVitest(file: string) {
  const report = JSON.parse(readFileSync(file, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  };
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + report.numTodoTests;
}

function addPlaywright(file: string) {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
  totals.passed += report.stats.expected + report.stats.flaky;
  totals.failed += report.stats.unexpected;
  totals.skipped += report.stats.skipped;
}

function summarize() {
  console.log(`\nsteps: ${timings.join(" · ")}`);
  console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
}

mkdirSync("test-results", { recursive: true });
rmSync("test-results/e2e-results.json", { force: true });
run("format", "npx", ["prettier", "--check", "."]);
run("typecheck", "npx", ["tsc", "--noEmit"]);
run("lint", "npx", ["eslint", "--max-warnings=0", "."]);
run("unit", "npx", ["vitest", "run", "--project", "unit", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/unit.json"]);
addVitest("test-results/unit.json");
run("integration", "npx", [
  "vitest",
  "run",
  "--project",
  "integration",
  "--reporter=default",
  "--reporter=json",
  "--outputFile.json=test-results/integration.json",
]);
addVitest("test-results/integration.json");
run("build", "npx", ["next", "build"]);
run("e2e", "npx", ["tsx", "scripts/e2e.ts"]);
addPlaywright("test-results/e2e-results.json");
summarize();
