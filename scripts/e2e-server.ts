/**
 * The server the browser tests run against: the production build (made by the build step before) on a fresh
 * database with the demo data (asked for with STOCKROOM_DEMO=1: a database on a server gets none otherwise) —
 * a new database on the PostgreSQL server when one answers, else an embedded PGlite in a temporary folder.
 * Then exactly what `npm start` does.
 */
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { withDatabase } from "../lib/db/test-database";

const serverUrl = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const env: NodeJS.ProcessEnv = {
  ...process.env,
  STOCKROOM_SKIP_BUILD: process.env.STOCKROOM_SKIP_BUILD ?? "1",
  STOCKROOM_DEMO: "1",
  NEXTAUTH_SECRET: "e2e-secret-not-for-production",
};

let database: string | undefined;
const admin = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 2_000 });
try {
  await admin.connect();
  database = `stockroom_e2e_${Date.now()}`;
  await admin.query(`CREATE DATABASE "${database}"`);
  env.DATABASE_URL = withDatabase(serverUrl, database);
  console.log(`e2e: fresh database ${database} on the PostgreSQL server`);
} catch {
  database = undefined;
  delete env.DATABASE_URL;
  env.STOCKROOM_DATA_DIR = mkdtempSync(join(tmpdir(), "stockroom-e2e-"));
  console.log(`e2e: no PostgreSQL server answers; embedded PGlite in ${env.STOCKROOM_DATA_DIR}`);
} finally {
  await admin.end().catch(() => {});
}

const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
// The run's database goes with the run.
child.on("exit", async (code) => {
  if (database) {
    const cleanup = new pg.Client({ connectionString: serverUrl });
    await cleanup
      .connect()
      .then(() => cleanup.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`))
      .catch(() => {});
    await cleanup.end().catch(() => {});
  }
  process.exit(code ?? 0);
});
