/**
 * npm test — the whole suite, in the order that fails fastest: formatting, typecheck, lint and unit at the same
 * time (each of the first three keeps one core busy at most: 79 s together against 120 s one after the other on two
 * cores), then integration, production build, browser end-to-end and the security suite (one Playwright run against
 * one server). Ends with one line of totals across the test runners.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";

type Totals = { passed: number; failed: number; skipped: number };
const totals: Totals = { passed: 0, failed: 0, skipped: 0 };
const timings: string[] = [];

type Step = { name: string; command: string; args: string[]; live?: boolean };

const npx = (name: string, ...args: string[]): Step => ({ name, command: "npx", args });

/** Runs one step, its output as it comes (live) or kept and answered with the result. */
function start(step: Step): Promise<{ step: Step; status: number | null; output: string; seconds: string }> {
  const started = Date.now();
  const child = spawn(step.command, step.args, {
    stdio: step.live ? "inherit" : ["ignore", "pipe", "pipe"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  const output: Buffer[] = [];
  child.stdout?.on("data", (chunk: Buffer) => output.push(chunk));
  child.stderr?.on("data", (chunk: Buffer) => output.push(chunk));
  return new Promise((resolve) =>
    child.on("close", (status) =>
      resolve({ step, status, output: Buffer.concat(output).toString(), seconds: ((Date.now() - started) / 1000).toFixed(1) }),
    ),
  );
}

/**
 * Runs the steps at the same time and stops the suite after them if any failed. Each kept output is printed whole
 * under its step's name, in the order given, so the log reads as if they ran in turn.
 */
async function runTogether(...steps: Step[]) {
  if (steps.length > 1) console.log(`\n\x1b[1m▶ at the same time: ${steps.map((step) => step.name).join(", ")}\x1b[0m`);
  for (const step of steps) console.log(`\n\x1b[1m▶ ${step.name}\x1b[0m  (${[step.command, ...step.args].join(" ")})`);
  const results = await Promise.all(steps.map(start));
  for (const { step, output, seconds } of results) {
    timings.push(`${step.name} ${seconds}s`);
    if (!step.live) process.stdout.write(`\n\x1b[1m— ${step.name} (${seconds}s)\x1b[0m\n${output}`);
  }
  const failed = results.filter((result) => result.status !== 0);
  if (failed.length === 0) return;
  for (const { step, seconds } of failed) console.error(`\n\x1b[31m✗ ${step.name} failed after ${seconds}s\x1b[0m`);
  summarize();
  process.exit(failed[0].status ?? 1);
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
const vitestProject = (project: string) => [
  "vitest",
  "run",
  "--project",
  project,
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=test-results/${project}.json`,
];
await runTogether(
  npx("format", "prettier", "--check", "."),
  npx("typecheck", "tsc", "--noEmit"),
  npx("lint", "eslint", "--max-warnings=0", "."),
  npx("unit", ...vitestProject("unit")),
);
addVitest("test-results/unit.json");
// The build is not run beside the integration tests: together they took 481 s against 430 one after the other.
await runTogether({ ...npx("integration", ...vitestProject("integration")), live: true });
addVitest("test-results/integration.json");
await runTogether({ ...npx("build", "next", "build"), live: true });
await runTogether({ ...npx("e2e", "tsx", "scripts/e2e.ts"), live: true });
addPlaywright("test-results/e2e-results.json");
summarize();
