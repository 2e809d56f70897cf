// The production build started for a benchmark: `scripts/start.ts` with the build as it is (no rebuild), a
// bootstrap admin key, and either a database of its own or one the caller names.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import pg from "pg";
import { withDatabase } from "../lib/db/test-database";

export type BenchServer = { child: ChildProcess; databaseUrl: string; stop: () => Promise<void> };

/** Starts the app on `port` and waits (up to two minutes) until /api/health answers. */
export async function startApp(port: number, key: string, env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: {
      ...env,
      PORT: String(port),
      STOCKROOM_BENCH: "1",
      STOCKROOM_SKIP_BUILD: "1",
      STOCKROOM_BOOTSTRAP_API_KEY: key,
      NEXTAUTH_SECRET: "bench",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let i = 0; i < 240; i++) {
    await new Promise((r) => setTimeout(r, 500));
    if (
      await fetch(`http://localhost:${port}/api/health`)
        .then((r) => r.ok)
        .catch(() => false)
    )
      return child;
  }
  child.kill("SIGTERM");
  throw new Error(`the app did not answer on port ${port} within two minutes`);
}

/**
 * The app on a fresh database: a new one on the local PostgreSQL server (dropped by `stop`), or a new embedded
 * PGlite in a temporary folder. The benchmarks work on the demo warehouse, asked for with STOCKROOM_DEMO=1
 * (a database on a server gets none otherwise).
 */
export async function startOnFreshDatabase(
  mode: "server" | "embedded",
  port: number,
  key: string,
  label: string,
  extraEnv: Record<string, string> = {},
): Promise<BenchServer> {
  const env: NodeJS.ProcessEnv = { ...process.env, STOCKROOM_DEMO: "1", ...extraEnv };
  let drop = async () => {};
  if (mode === "server") {
    const server = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
    const name = `stockroom_bench_${label}_${Date.now()}`;
    await onServer(server, `CREATE DATABASE "${name}"`);
    env.DATABASE_URL = withDatabase(server, name);
    drop = () => onServer(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } else {
    delete env.DATABASE_URL;
    env.STOCKROOM_DATA_DIR = mkdtempSync(join(os.tmpdir(), `stockroom-bench-${label}-`));
  }
  const child = await startApp(port, key, env);
  const databaseUrl =
    mode === "server" ? env.DATABASE_URL! : JSON.parse(readFileSync(join(env.STOCKROOM_DATA_DIR!, "embedded-postgres.json"), "utf8")).url;
  const stop = async () => {
    process.off("SIGINT", stopOnSignal).off("SIGTERM", stopOnSignal);
    child.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 1500));
    await drop();
  };
  // A benchmark stopped with Ctrl+C (or by `timeout`) takes its app and database with it, as a finished one does.
  const stopOnSignal = (signal: NodeJS.Signals) => void stop().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  process.once("SIGINT", stopOnSignal).once("SIGTERM", stopOnSignal);
  return { child, databaseUrl, stop };
}

async function onServer(server: string, sql: string) {
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}
