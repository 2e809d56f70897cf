/**
 * The server the browser tests run against: the production build (made by the build step before) on a fresh
 * database with the demo data — a new database on the PostgreSQL server when one answers, else an embedded
 * PGlite in a temporary folder. Then exactly what `npm start` does.
 */
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { withDatabase } from "../lib/db/test-database";

const serverUrl = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const env: NodeJS.ProcessEnv = { ...process.env, STOCKROOM_SKIP_BUILD: process.env.STOCKROOM_SKIP_BUILD ?? "1", NEXTAUTH_SECRET: "e2e-secret-not-for-production" };

const admin = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 2_000 });
try {
  await admin.connect();
  const name = `stockroom_e2e_${Date.now()}`;
  await admin.query(`CREATE DATABASE "${name}"`);
  env.DATABASE_URL = withDatabase(serverUrl, name);
  console.log(`e2e: fresh database ${name} on the PostgreSQL server`);
} catch {
  delete env.DATABASE_URL;
  env.STOCKROOM_DATA_DIR = mkdtempSync(join(tmpdir(), "stockroom-e2e-"));
  console.log(`e2e: no PostgreSQL server answers; embedded PGlite in ${env.STOCKROOM_DATA_DIR}`);
} finally {
  await admin.end().catch(() => {});
}

const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
