/**
 * How long the demo seed takes (target: under 30 s), on a fresh embedded PGlite — what `npm start` uses on
 * first start — and on a fresh database on the PostgreSQL server when one answers. Migrations not included.
 * Run: npx tsx bench/seed.ts
 */
import os from "node:os";
import pg from "pg";
import { createDb } from "../lib/db/client";
import { startInMemoryPostgres } from "../lib/db/embedded-postgres";
import { applyMigrations } from "../lib/db/schema-engine";
import { withDatabase } from "../lib/db/test-database";
import { seedDemo } from "../prisma/seed";

async function timeSeed(url: string, poolMax: number) {
  await applyMigrations(url);
  const db = createDb(url, poolMax);
  const started = performance.now();
  await seedDemo(db, { password: "bench-password" });
  const seconds = (performance.now() - started) / 1000;
  const movements = await db.stockMovement.count();
  await db.$disconnect();
  return { seconds, movements };
}

console.log(
  `machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, ${new Date().toISOString()}`,
);

const embedded = await startInMemoryPostgres();
const onPglite = await timeSeed(embedded.url, 4);
await embedded.stop();
console.log(`seed on PGlite (embedded):      ${onPglite.seconds.toFixed(2)} s (${onPglite.movements} movements)`);

const server = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const admin = new pg.Client({ connectionString: server, connectionTimeoutMillis: 2_000 });
try {
  await admin.connect();
  const name = `stockroom_bench_${Date.now()}`;
  await admin.query(`CREATE DATABASE "${name}"`);
  const onServer = await timeSeed(withDatabase(server, name), 10);
  console.log(`seed on PostgreSQL server:      ${onServer.seconds.toFixed(2)} s (${onServer.movements} movements)`);
  await admin.query(`DROP DATABASE "${name}" WITH (FORCE)`);
} catch (error) {
  console.log(`seed on PostgreSQL server:      not measured (${(error as Error).message})`);
} finally {
  await admin.end().catch(() => {});
}
process.exit(0);
