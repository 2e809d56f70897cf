/**
 * npm start — one command from a fresh clone to a running Stockroom:
 * database (DATABASE_URL, else embedded PGlite under ./data) → migrations → demo data on the embedded
 * database's first start (any database's with STOCKROOM_DEMO=1) → the bootstrap API key → refusal when nobody
 * could administer the database → production build when the sources changed → `next start` on PORT (3000).
 * `--dev` runs `next dev` instead.
 */
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { ensureBootstrapApiKey } from "../lib/api-keys/ensure-bootstrap-api-key";
import { createDb } from "../lib/db/client";
import { DEFAULT_DATA_DIR, startEmbeddedPostgres } from "../lib/db/embedded-postgres";
import { applyMigrations } from "../lib/db/schema-engine";
import { hasAdminAccess, NO_ADMIN_MESSAGE } from "../lib/system/has-admin-access";
import { isDemoWanted, shouldSeedDemo } from "../lib/system/should-seed-demo";
import { DEMO_USERS, isEmptyDatabase, seedDemo } from "../prisma/seed";

const isDev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
// Idle keep-alive connections stay open 65 s, not Node's 5: a client that reuses a pooled connection just as the
// server closes it gets a reset ("socket hang up") for a request the server never saw. A load balancer's pool
// idles out at 60 s, so it closes first; pools that never idle out (Node's and Playwright's agents) meet that race
// only after a minute of silence instead of after five seconds. STOCKROOM_KEEP_ALIVE_MS overrides it.
const keepAliveMs = Number(process.env.STOCKROOM_KEEP_ALIVE_MS ?? 65_000);
if (!Number.isInteger(keepAliveMs) || keepAliveMs <= 0) {
  console.error(`\x1b[31mstockroom\x1b[0m not starting: STOCKROOM_KEEP_ALIVE_MS must be a whole number of milliseconds above 0`);
  process.exit(1);
}
const demoPassword = process.env.DEMO_PASSWORD ?? "demo1234";
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");

function log(message: string) {
  console.log(`\x1b[36mstockroom\x1b[0m ${message}`);
}

/** A stable session-signing secret for this checkout, unless one is given. */
function authSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = join(DEFAULT_DATA_DIR, "nextauth-secret");
  if (!existsSync(file)) {
    mkdirSync(DEFAULT_DATA_DIR, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

function newestSourceChange(): number {
  let newest = 0;
  const visit = (path: string) => {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) for (const entry of readdirSync(path)) visit(join(path, entry));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const path of [
    "app",
    "components",
    "lib",
    "public",
    "prisma/schema.prisma",
    "next.config.js",
    "package-lock.json",
    "postcss.config.mjs",
    "tailwind.config.ts",
  ])
    visit(path);
  return newest;
}

function buildIfStale(env: NodeJS.ProcessEnv) {
  if (process.env.STOCKROOM_SKIP_BUILD === "1") return;
  const buildId = statSync(".next/BUILD_ID", { throwIfNoEntry: false });
  if (buildId && buildId.mtimeMs >= newestSourceChange()) return;
  log(buildId ? "sources changed since the last build: rebuilding (about a minute)…" : "building the app for the first time (about a minute)…");
  const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

async function waitUntilServing(url: string) {
  for (let attempt = 0; attempt < 240; attempt++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the app did not answer on ${url} within two minutes`);
}

const embedded = process.env.DATABASE_URL ? null : await startEmbeddedPostgres();
const databaseUrl = process.env.DATABASE_URL ?? embedded!.url;
log(embedded ? `embedded PostgreSQL (PGlite) with its data in ${DEFAULT_DATA_DIR}` : "using the PostgreSQL server in DATABASE_URL");

const applied = await applyMigrations(databaseUrl);
if (applied.length) log(`applied ${applied.length} migration(s)`);

const db = createDb(databaseUrl, 2);
const isDemo = isDemoWanted(Boolean(embedded), process.env.STOCKROOM_DEMO);
if (shouldSeedDemo({ embedded: Boolean(embedded), demoSetting: process.env.STOCKROOM_DEMO, hasUsers: !(await isEmptyDatabase(db)) })) {
  const started = Date.now();
  log("first start: creating the demo warehouse…");
  await seedDemo(db, { password: demoPassword });
  log(`demo warehouse ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
if (process.env.STOCKROOM_BOOTSTRAP_API_KEY) {
  const outcome = await ensureBootstrapApiKey(db, process.env.STOCKROOM_BOOTSTRAP_API_KEY);
  if (outcome === "created") log("created the bootstrap admin API key from STOCKROOM_BOOTSTRAP_API_KEY");
}
const isAdministered = await hasAdminAccess(db);
await db.$disconnect();
if (!isAdministered) {
  console.error(`\x1b[31mstockroom\x1b[0m not starting: ${NO_ADMIN_MESSAGE}`);
  await embedded?.stop();
  process.exit(1);
}

const baseUrl = `http://localhost:${port}`;
const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: databaseUrl,
  // PGlite serves one session at a time behind its socket; a small pool is all it can use.
  DATABASE_POOL_MAX: process.env.DATABASE_POOL_MAX ?? (embedded ? "4" : "10"),
  NEXTAUTH_SECRET: authSecret(),
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? baseUrl,
  NEXT_TELEMETRY_DISABLED: "1",
  PORT: String(port),
};
if (!isDev) buildIfStale(env);

// A young generation of 64 MB (V8's default is 16): a request's garbage dies there instead of being copied and
// promoted by a scavenge every few requests. Reservations/s rose by about a fifth under load (docs/BENCHMARKS.md).
// The preload puts in a Request that leaves no listener or registry entry behind (scripts/request-with-callers-signal.mjs).
const SERVER_NODE_ARGS = ["--max-semi-space-size=64", "--import=./scripts/server-preload.mjs"];
// STOCKROOM_SERVER_NODE_ARGS passes more flags to the server's Node (a later flag wins), e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
const nodeArgs = [...SERVER_NODE_ARGS, ...(process.env.STOCKROOM_SERVER_NODE_ARGS?.split(" ").filter(Boolean) ?? [])];
const nextArgs = isDev ? ["dev", "--port", String(port)] : ["start", "--port", String(port), "--keepAliveTimeout", String(keepAliveMs)];
const server = spawn(process.execPath, [...nodeArgs, nextBin, ...nextArgs], { stdio: "inherit", env });
let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  server.kill("SIGTERM");
  await embedded?.stop();
  process.exit(code);
}
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));
server.on("exit", (code) => void stop(code ?? 0));

await waitUntilServing(baseUrl);
log(`Stockroom is running at ${baseUrl}`);
if (isDemo) {
  log("demo data: sign in with any of these (password: " + (process.env.DEMO_PASSWORD ? "$DEMO_PASSWORD" : demoPassword) + "):");
  for (const user of DEMO_USERS) log(`  ${user.role.padEnd(8)} ${user.email}${user.sites.length ? `  (sites: ${user.sites.join(", ")})` : ""}`);
} else {
  log("sign in as an admin made with `npm run admin:create` (or your company account)");
}
log(`API docs: ${baseUrl}/api/docs · health: ${baseUrl}/api/health · stop with Ctrl+C`);
