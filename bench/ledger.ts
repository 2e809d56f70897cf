/**
 * npm run bench:ledger [-- --db=server|embedded|both --seconds=10 --warmup=5 --thresholds]
 * The ledger's write throughput against the production build, 64 concurrent clients (autocannon):
 *   (0) a no-op route of the same app (parses the body, answers 201, no database): the ceiling;
 *   (a) single-movement POSTs (issue 1 unit) spread over 1,000 SKUs;
 *   (b) the same, all on one SKU in one bin — then checks no level went negative;
 *   (c) POST /movements/batch with 1,000 issues per request.
 * Each database gets a fresh one: a new database on the local PostgreSQL server, or a new embedded PGlite.
 * --thresholds sets a reorder point and a maximum on every SKU (one in ten below its reorder point, so its
 * low-stock alert is open and follows every movement): the cost of checking alerts as stock moves (issue 15).
 */
import { existsSync } from "node:fs";
import os from "node:os";
import { SYSTEM_ACTOR } from "../lib/auth/actor";
import { createDb } from "../lib/db/client";
import { postMovements } from "../lib/ledger/post-movement";
import { startOnFreshDatabase } from "./bench-server";
import { postLoad } from "./post-load";
import { cpuPerRequest, readProcessCpu, type CpuGroups } from "./process-cpu";

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, "").split("=")) as [string, string][]);
const modes = (args.db ?? "both") === "both" ? ["server", "embedded"] : [args.db];
const only = args.only ? new Set(args.only.split(",")) : null; // e.g. --only=0,a to run some scenarios
const seconds = Number(args.seconds ?? 10);
// Each scenario first runs unmeasured for a while, on a few connections: a fresh server compiles and loads the
// route's code on its first requests (seconds of it on two cores), which is not what a running service costs.
// Few, so that little work is still in flight on the server when the measured run starts.
const WARMUP_CONNECTIONS = 4;
let databaseHostPid: number | undefined;
const warmupSeconds = Number(args.warmup ?? 5);
const CONNECTIONS = 64;
const SKUS = 1_000;
const PORT = 3200;
const KEY = "bench-admin-key-0123456789abcdef";
const base = `http://localhost:${PORT}`;

type Row = {
  scenario: string;
  requestsPerSecond: number;
  movementsPerSecond: number;
  p50: number;
  p99: number;
  ok: number;
  refused: number;
  cpu: CpuGroups | null;
};

/** 1,000 SKUs with plenty of stock, each in one ambient bin of WH1. */
async function prepareStock(databaseUrl: string) {
  const db = createDb(databaseUrl, 2);
  const bins = await db.location.findMany({
    where: { site: { code: "WH1" }, type: "bin", tempMinC: null, hazardClasses: { isEmpty: true } },
    orderBy: { code: "asc" },
  });
  await db.item.createMany({
    data: Array.from({ length: SKUS }, (_, i) => ({
      sku: `BENCH-${String(i).padStart(4, "0")}`,
      skuKey: `bench-${String(i).padStart(4, "0")}`,
      name: `Bench item ${i}`,
    })),
    skipDuplicates: true,
  });
  const placement = Array.from({ length: SKUS }, (_, i) => ({ sku: `BENCH-${String(i).padStart(4, "0")}`, bin: bins[i % bins.length].code }));
  await postMovements(
    db,
    SYSTEM_ACTOR,
    placement.map((p) => ({ kind: "receive", sku: p.sku, quantity: 10_000_000, to: p.bin, unitCost: "2.4999", reason: "received" })),
  );
  if ("thresholds" in args) {
    await db.$executeRaw`
      INSERT INTO "StockThreshold" (id, "itemId", "siteId", "reorderPoint", "maxQty", "updatedAt", "updatedBy")
      SELECT gen_random_uuid(), id, NULL, CASE WHEN right(sku, 1) = '0' THEN 20000000 ELSE 100 END, 50000000, now(), 'bench'
      FROM "Item" WHERE sku LIKE 'BENCH-%'`;
  }
  await db.$disconnect();
  return placement;
}

async function run(scenario: string, path: string, body: () => unknown, movementsPerRequest: number): Promise<Row> {
  if (warmupSeconds > 0) await postLoad({ url: base, key: KEY, path, body, duration: warmupSeconds, connections: WARMUP_CONNECTIONS });
  const cpuBefore = readProcessCpu(databaseHostPid);
  const result = await postLoad({ url: base, key: KEY, path, body, duration: seconds, connections: CONNECTIONS });
  const ok = result["2xx"];
  const refusedBy = Object.entries(result.statusCodeStats ?? {})
    .filter(([code]) => !code.startsWith("2"))
    .map(([code, { count }]) => `${count} × ${code}`);
  if (refusedBy.length > 0 || result.errors > 0)
    console.log(`${scenario}: not 2xx: ${[...refusedBy, `${result.errors} errors, ${result.timeouts} timeouts`].join(", ")}`);
  return {
    scenario,
    ok,
    refused: result.non2xx,
    requestsPerSecond: ok / result.duration,
    movementsPerSecond: (ok * movementsPerRequest) / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpu: cpuPerRequest(cpuBefore, readProcessCpu(databaseHostPid), result.requests.total),
  };
}

async function negativeLevels(databaseUrl: string) {
  const db = createDb(databaseUrl, 1);
  const count = await db.stockLevel.count({ where: { isVirtual: false, onHand: { lt: 0 } } });
  await db.$disconnect();
  return count;
}

if (!existsSync(".next/BUILD_ID")) {
  console.error("no production build: run `npx next build` first (npm run bench:ledger does)");
  process.exit(1);
}
console.log(
  `${"thresholds" in args ? "thresholds on every SKU; " : ""}machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, ${new Date().toISOString()}; ${CONNECTIONS} connections, ${seconds} s per scenario after ${warmupSeconds} s unmeasured`,
);
for (const mode of modes) {
  const { child, databaseUrl, stop } = await startOnFreshDatabase(mode as "server" | "embedded", PORT, KEY, "ledger");
  // The embedded database runs inside the launcher process (scripts/start.ts), the app's parent.
  databaseHostPid = mode === "embedded" ? child.pid : undefined;
  try {
    const placement = await prepareStock(databaseUrl);
    const pick = () => placement[Math.floor(Math.random() * placement.length)];
    const issue = (p: { sku: string; bin: string }) => ({ kind: "issue", sku: p.sku, quantity: 1, from: p.bin, reason: "sold" });
    const byId: Partial<Record<"0" | "a" | "b" | "c", Row>> = {};
    const wanted = (id: string) => !only || only.has(id);
    if (wanted("0")) byId["0"] = await run("(0) no-op route", "/api/bench/noop", () => issue(pick()), 0);
    if (wanted("a")) byId.a = await run("(a) 1 movement, 1,000 SKUs", "/api/v1/movements", () => issue(pick()), 1);
    if (wanted("b")) byId.b = await run("(b) 1 movement, one SKU and bin", "/api/v1/movements", () => issue(placement[0]), 1);
    const negative = await negativeLevels(databaseUrl);
    if (wanted("c"))
      byId.c = await run(
        "(c) batch of 1,000",
        "/api/v1/movements/batch",
        () => ({ movements: Array.from({ length: 1000 }, () => issue(pick())) }),
        1000,
      );
    const rows = [byId["0"], byId.a, byId.b, byId.c].filter((row): row is Row => row !== undefined);
    const ceiling = byId["0"]?.requestsPerSecond ?? NaN;
    const percent = (part: number, whole: number) => `${((part / whole) * 100).toFixed(1)}%`;
    console.log(`\n### ${mode === "server" ? "PostgreSQL server" : "embedded PGlite"}\n`);
    console.log(
      "| scenario | requests/s | movements/s | % of (0) | p50 ms | p99 ms | 2xx | other | CPU ms per request: app / database / load generator |",
    );
    console.log("|---|---|---|---|---|---|---|---|---|");
    const cpu = (c: CpuGroups | null) => (c ? `${c.app.toFixed(2)} / ${c.postgres.toFixed(2)} / ${c.loadGenerator.toFixed(2)}` : "–");
    for (const r of rows) {
      const share = r === byId.c ? "–" : percent(r.requestsPerSecond, ceiling); // a batch is not one request's worth
      console.log(
        `| ${r.scenario} | ${r.requestsPerSecond.toFixed(0)} | ${r.movementsPerSecond.toFixed(0)} | ${share} | ${r.p50} | ${r.p99} | ${r.ok} | ${r.refused} | ${cpu(r.cpu)} |`,
      );
    }
    console.log(`\nnegative physical levels after (b): ${negative}`);
    // The issue's aims, as read off this run.
    const { a, b, c } = byId;
    if (a && byId["0"]) console.log(`(a) ${percent(a.requestsPerSecond, ceiling)} of (0), p99 ${a.p99} ms (aim: at least 70%, p99 under 150 ms)`);
    if (a && b) console.log(`(b) ${percent(b.requestsPerSecond, a.requestsPerSecond)} of (a) (aim: at least 90%)`);
    if (c) console.log(`(c) ${c.movementsPerSecond.toFixed(0)} movements/s (aim: at least 10,000)`);
  } finally {
    await stop();
  }
}
process.exit(0);
