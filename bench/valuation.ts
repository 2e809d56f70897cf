/**
 * npm run bench:valuation [-- --runs=3 --regenerate]
 * Issue 16's reads at scale: the valuation as of a date and the ABC × XYZ report over 200,000 items and 10 million
 * valued movements, on the local PostgreSQL server. The data set (database stockroom_bench_valuation, made once,
 * ~10 minutes; --regenerate makes it again) is written set-based, as the ledger would have left it: 2 sites,
 * 60 categories, 200,000 items; 10,000,000 movements over two years (per item and site every 14 days, a receipt of
 * 50 one time in five, else a sale of 1–8 units to the customer), each with its MovementValue at the item's cost,
 * and the cost states they sum to. The reads are the app's own functions (lib/valuation, lib/reports,
 * lib/dashboard), and last a reorder-point recompute of a few items (lib/reorder-points), which ranks each
 * site's items by value as ABC × XYZ does.
 */
import pg from "pg";
import os from "node:os";
import { SYSTEM_ACTOR } from "../lib/auth/actor";
import { createDb } from "../lib/db/client";
import { applyMigrations } from "../lib/db/schema-engine";
import { withDatabase } from "../lib/db/test-database";
import { createSite } from "../lib/locations/create-site";
import { ensureDefaultReasonCodes } from "../lib/reasons/default-reason-codes";
import { getManagerDashboard } from "../lib/dashboard/manager-dashboard";
import { reportCsv } from "../lib/reports/report-csv";
import { exportReport, runReport, runWholeReport } from "../lib/reports/run-report";
import { runQueuedRecompute } from "../lib/reorder-points/run-recompute";
import { startRecompute } from "../lib/reorder-points/start-recompute";
import { closePeriod } from "../lib/valuation/close-period";
import { valuationAsOf, valuationReconciliation } from "../lib/valuation/valuation-reads";

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, "").split("=")) as [string, string][]);
const RUNS = Number(args.runs ?? 3);
const ITEMS = 200_000;
const ROUNDS = 25; // per item and site: 2 sites × 25 rounds × 200,000 items = 10,000,000 movements
const CHUNK_ROUNDS = 2;
const server = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const url = withDatabase(server, "stockroom_bench_valuation");

let lap = performance.now();
function step(label: string) {
  const now = performance.now();
  console.log(`${label.padEnd(48)} ${((now - lap) / 1000).toFixed(1).padStart(7)} s`);
  lap = now;
}

async function exists(): Promise<boolean> {
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  const { rows } = await admin.query(`SELECT 1 FROM pg_database WHERE datname = 'stockroom_bench_valuation'`);
  if (rows.length === 0 || "regenerate" in args) {
    await admin.query(`DROP DATABASE IF EXISTS stockroom_bench_valuation WITH (FORCE)`);
    await admin.query(`CREATE DATABASE stockroom_bench_valuation`);
    await admin.end();
    return false;
  }
  await admin.end();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows: done } = await client.query(`SELECT count(*)::int AS n FROM "CostState"`).catch(() => ({ rows: [{ n: 0 }] }));
  await client.end();
  return done[0].n > 0;
}

async function generate() {
  await applyMigrations(url);
  const db = createDb(url, 2);
  await ensureDefaultReasonCodes(db);
  for (const code of ["V1", "V2"]) await createSite(db, SYSTEM_ACTOR, { code, name: `Valuation ${code}` });
  await db.$disconnect();
  step("database created and migrated");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const run = (sql: string) => client.query(sql);
  await run("SET synchronous_commit = off");
  // A bulk load of what postings would have written: the foreign keys hold by construction, the triggers are
  // the ledger's append-only guards (updates and deletes only).
  await run("SET session_replication_role = replica");
  await run(`
    INSERT INTO "Location" (id, "siteId", "parentId", code, name, type, path, "createdAt")
    SELECT gen_random_uuid(), s.id, r.id, s.code || '-BIN', 'Bin', 'bin', s.code || '/' || s.code || '-BIN', now()
    FROM "Site" s JOIN "Location" r ON r.code = s.code`);
  await run(`INSERT INTO "Category" (id, name, path) SELECT gen_random_uuid(), 'Category ' || c, 'Category ' || c FROM generate_series(1, 60) c`);
  await run(`
    INSERT INTO "Item" (id, sku, "skuKey", name, "categoryId", tracking, attributes, "createdAt", "updatedAt")
    SELECT gen_random_uuid(), 'VAL-' || lpad(n::text, 6, '0'), 'val-' || lpad(n::text, 6, '0'), 'Valued item ' || n,
      (SELECT array_agg(id ORDER BY path) FROM "Category")[1 + n % 60], 'none', '{}', now(), now()
    FROM generate_series(0, ${ITEMS - 1}) n`);
  await run(
    `CREATE TABLE gen_item AS SELECT right(sku, 6)::int AS n, id, (1 + (right(sku, 6)::int % 997) / 10.0)::numeric(18,4) AS cost FROM "Item" WHERE sku LIKE 'VAL-%'`,
  );
  await run(`CREATE UNIQUE INDEX ON gen_item (n)`);
  await run(`CREATE TABLE gen_site AS SELECT row_number() OVER (ORDER BY s.code) - 1 AS k, s.id,
      (SELECT id FROM "Location" WHERE "siteId" = s.id AND type = 'bin') AS bin,
      (SELECT id FROM "Location" WHERE "siteId" = s.id AND type = 'supplier') AS supplier,
      (SELECT id FROM "Location" WHERE "siteId" = s.id AND type = 'customer') AS customer
    FROM "Site" s WHERE s.code IN ('V1', 'V2')`);
  step(`${ITEMS.toLocaleString("en")} items`);
  for (let first = 0; first < ROUNDS; first += CHUNK_ROUNDS) {
    const last = Math.min(first + CHUNK_ROUNDS, ROUNDS) - 1;
    await run(`
      WITH planned AS (
        SELECT i.id AS item, i.n, i.cost, s.id AS site, s.bin, s.supplier, s.customer, r,
          r % 5 = 0 AS receipt, CASE WHEN r % 5 = 0 THEN 50 ELSE 1 + (i.n * 7 + r) % 8 END AS quantity,
          TIMESTAMP '2025-01-01' + (r * 28 + s.k * 14 + i.n % 14) * INTERVAL '1 day' + (i.n % 600) * INTERVAL '1 minute' AS at
        FROM gen_item i CROSS JOIN gen_site s CROSS JOIN generate_series(${first}, ${last}) r
      ), moved AS (
        INSERT INTO "StockMovement" ("postingId", kind, "itemId", quantity, "fromLocationId", "toLocationId", "unitCost", "reasonCode", "actorLabel", at, "occurredAt")
        SELECT gen_random_uuid(), (CASE WHEN receipt THEN 'receive' ELSE 'issue' END)::"MovementKind", item, quantity,
          CASE WHEN receipt THEN supplier ELSE bin END, CASE WHEN receipt THEN bin ELSE customer END,
          CASE WHEN receipt THEN cost END, CASE WHEN receipt THEN 'received' ELSE 'sold' END, 'system', at, at
        FROM planned ORDER BY at -- in time order, as a ledger appends
        RETURNING id, "itemId", "fromLocationId", "toLocationId", quantity, "occurredAt", kind
      )
      INSERT INTO "MovementValue" ("movementId", "siteId", "itemId", "occurredAt", method, quantity, value, category)
      SELECT m.id, s.id, m."itemId", m."occurredAt", 'fifo', CASE WHEN m.kind = 'receive' THEN m.quantity ELSE -m.quantity END,
        CASE WHEN m.kind = 'receive' THEN 1 ELSE -1 END * m.quantity * i.cost, (CASE WHEN m.kind = 'receive' THEN 'receipts' ELSE 'cogs' END)::"ValueCategory"
      FROM moved m JOIN gen_site s ON s.bin IN (m."fromLocationId", m."toLocationId") JOIN "Item" it ON it.id = m."itemId" JOIN gen_item i ON i.n = right(it.sku, 6)::int
      ORDER BY m."occurredAt"`);
    step(`movements, rounds ${first}–${last} (${((last + 1) * 2 * ITEMS).toLocaleString("en")} so far)`);
  }
  await run(`
    INSERT INTO "CostState" ("itemId", "siteId", method, quantity, value, "updatedAt")
    SELECT "itemId", "siteId", 'fifo', sum(quantity), sum(value), now() FROM "MovementValue" GROUP BY "itemId", "siteId"`);
  await run("DROP TABLE gen_item; DROP TABLE gen_site");
  step("cost states");
  await run("VACUUM ANALYZE");
  step("VACUUM ANALYZE");
  await client.end();
}

/** A report's CSV download read to the end as the route streams it: its size, when its first rows came, the most heap it took above a collected start (with --expose-gc). */
async function csvDownload(name: string, query: Record<string, string>) {
  const started = performance.now();
  (globalThis as { gc?: () => void }).gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let chunks = 0;
  let firstChunk = 0;
  let bytes = 0;
  let peakHeap = 0;
  const download = await exportReport(db, SYSTEM_ACTOR, name, query);
  for await (const chunk of reportCsv(download.columns, download.pages)) {
    // The header comes first, before any row is read: the first rows are the second chunk.
    if (++chunks === 2) firstChunk = performance.now() - started;
    bytes += Buffer.byteLength(chunk);
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed - heapBefore);
  }
  return { firstChunk, bytes, peakHeap };
}

function describeDownload(a: { firstChunk: number; bytes: number; peakHeap: number }): string {
  return `${(a.bytes / 1e6).toFixed(1)} MB; first rows after ${(a.firstChunk / 1000).toFixed(2)} s; heap at most ${(a.peakHeap / 1e6).toFixed(0)} MB above its start`;
}

async function timed<T>(label: string, read: () => Promise<T>, describe: (answer: T) => string) {
  const times: number[] = [];
  let answer: T | undefined;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    answer = await read();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const ms = (t: number) => `${(t / 1000).toFixed(2)} s`;
  console.log(`| ${label} | ${ms(times[Math.floor(times.length / 2)])} | ${ms(times[0])}–${ms(times.at(-1)!)} | ${describe(answer!)} |`);
}

if (!(await exists())) await generate();
else {
  await applyMigrations(url); // a data set made before the latest migrations
  step("data set present (--regenerate to make it again)");
}
const db = createDb(url, 4);
// Months are closed as a controller would close them; the first close sums the history into monthly snapshots,
// which every read then starts from.
if ((await db.valueSnapshot.count()) === 0) {
  const started = performance.now();
  await closePeriod(db, SYSTEM_ACTOR, "2026-10");
  console.log(`closing 2025-01 … 2026-10 (first close: snapshots of 22 months) took ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
const counts = await db.$queryRaw<{ items: bigint; movements: bigint; values: bigint }[]>`
  SELECT (SELECT count(*) FROM "Item") AS items, (SELECT count(*) FROM "StockMovement") AS movements, (SELECT count(*) FROM "MovementValue") AS values`;
console.log(
  `${Number(counts[0].items).toLocaleString("en")} items, ${Number(counts[0].movements).toLocaleString("en")} movements, ${Number(counts[0].values).toLocaleString("en")} values; ${os.cpus().length} × ${os.cpus()[0].model}, Node ${process.version}, ${RUNS} runs each`,
);
console.log("| read | median | min–max | answer |\n|---|---|---|---|");
await timed(
  "valuation as of 2026-12-31 (everything)",
  () => valuationAsOf(db, SYSTEM_ACTOR, { asOf: "2026-12-31" }),
  (a) => `${a.data.length.toLocaleString("en")} rows, total ${a.total}`,
);
await timed(
  "valuation as of 2025-12-31",
  () => valuationAsOf(db, SYSTEM_ACTOR, { asOf: "2025-12-31" }),
  (a) => `${a.data.length.toLocaleString("en")} rows, total ${a.total}`,
);
await timed(
  "valuation as of 2026-06-30, site V1",
  () => valuationAsOf(db, SYSTEM_ACTOR, { asOf: "2026-06-30", site: "V1" }),
  (a) => `${a.data.length.toLocaleString("en")} rows`,
);
await timed(
  "reconciliation of 2026-11 (after the last close)",
  () => valuationReconciliation(db, SYSTEM_ACTOR, { from: "2026-11-01", to: "2026-11-30" }),
  (a) => `closing ${a.closing}`,
);
await timed(
  "valuation report, first page (1,000 lines) and its chart by category",
  () => runReport(db, SYSTEM_ACTOR, "valuation", { asOf: "2026-10-31" }, {}, { chart: true }),
  (a) => `${a.data.length.toLocaleString("en")} rows, ${a.chart?.length} categories`,
);
await timed("valuation report as CSV, every line streamed", () => csvDownload("valuation", { asOf: "2026-10-31" }), describeDownload);
await timed(
  "ABC × XYZ, 2025-11-01 to 2026-10-31 (a year): first page (1,000 lines)",
  () => runReport(db, SYSTEM_ACTOR, "abc-xyz", { from: "2025-11-01", to: "2026-10-31" }),
  (a) => `${a.data.length.toLocaleString("en")} rows`,
);
await timed(
  "ABC × XYZ, 90 days to 2026-10-31: first page (1,000 lines)",
  () => runReport(db, SYSTEM_ACTOR, "abc-xyz", { from: "2026-08-03", to: "2026-10-31" }),
  (a) => `${a.data.length.toLocaleString("en")} rows`,
);
await timed(
  "ABC × XYZ, a year: every line in one answer (in process, as the dashboard reads it)",
  () => runWholeReport(db, SYSTEM_ACTOR, "abc-xyz", { from: "2025-11-01", to: "2026-10-31" }),
  (a) => `${a.data.length.toLocaleString("en")} rows`,
);
await timed(
  "ABC × XYZ, a year, as CSV: every line streamed",
  () => csvDownload("abc-xyz", { from: "2025-11-01", to: "2026-10-31" }),
  describeDownload,
);
await timed(
  "movement journal, 90 days to 2026-10-31: first page (1,000 rows)",
  () => runReport(db, SYSTEM_ACTOR, "movements", { from: "2026-08-03", to: "2026-10-31" }),
  (a) => `${a.data.length.toLocaleString("en")} rows, first recorded ${a.data[0]?.at}`,
);
await timed(
  "manager dashboard, 90 days to 2026-10-31 (every site)",
  () => getManagerDashboard(db, SYSTEM_ACTOR, { from: "2026-08-03", to: "2026-10-31" }, { today: "2026-10-31" }),
  (a) => `${a.abcXyz.items.toLocaleString("en")} items classed, ${a.onHand.length} days on hand`,
);
await timed(
  "reorder-point recompute of 20 item × site pairs (SKUs VAL-00000…)",
  async () => {
    const run = await startRecompute(db, SYSTEM_ACTOR, { skuPrefix: "VAL-00000" });
    await runQueuedRecompute(db, { now: new Date("2026-11-01T00:00:00Z") });
    return db.reorderPointRun.findUniqueOrThrow({ where: { id: run.id } });
  },
  (run) => `${run.status}: ${run.done} of ${run.total}, ${run.applied} applied`,
);
await db.$disconnect();
process.exit(0);
