/**
 * npm run bench:reservations [-- --rounds=3 --seconds=10 --warmup=5 --settle=2 --only=0,a,b --hot-stock=N --keep]
 * POST /api/v1/reservations against the production build on a fresh PostgreSQL database, 64 concurrent clients
 * (autocannon), each request 1 unit with its own Idempotency-Key and a TTL longer than the run (nothing is
 * released or expires while it runs):
 *   (0) the no-op route of the same app (parses the same body, answers 201, no database): the ceiling;
 *   (a) reservations spread over 1,000 SKUs with plenty of stock;
 *   (b) all on one hot SKU whose stock runs out partway through the run (a quarter of what (a) reserved in the
 *       same time, unless --hot-stock says), so refusals (409) are part of the load — then checks for oversell.
 * The three run in turn, `rounds` times, and the shares are of the totals: on a machine shared with other work the
 * load changes from one ten seconds to the next, and a ceiling measured once compares badly with a scenario run a
 * minute later. Each round's (b) has a hot SKU of its own. In the first round each scenario first runs unmeasured
 * on a few connections (see bench/ledger.ts); (b) warms up on another SKU. Every scenario's 64 connections then
 * settle for `settle` seconds before its measured seconds (bench/post-load.ts, postLoadSettled: how long a saturated
 * server takes to let them all in is not the route's latency); the p99 with those seconds is shown beside.
 * --keep leaves the database behind (named at the end) for EXPLAIN and the like.
 */
import { randomUUID } from "node:crypto";
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";
import os from "node:os";
import { SYSTEM_ACTOR } from "../lib/auth/actor";
import { createDb } from "../lib/db/client";
import { postMovements } from "../lib/ledger/post-movement";
import { startOnFreshDatabase } from "./bench-server";
import { postLoad, postLoadSettled } from "./post-load";
import { cpuPerRequest, readProcessCpu, type CpuGroups, type CpuReading } from "./process-cpu";

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, "").split("=")) as [string, string][]);
const only = args.only ? new Set(args.only.split(",")) : null;
const seconds = Number(args.seconds ?? 10);
const warmupSeconds = Number(args.warmup ?? 5);
const settleSeconds = Number(args.settle ?? 2);
const WARMUP_CONNECTIONS = 4;
const CONNECTIONS = 64;
const SKUS = 1_000;
const PLENTY = 10_000_000;
const TTL_SECONDS = 3_600;
const PORT = 3210;
const KEY = "bench-admin-key-0123456789abcdef";
const base = `http://localhost:${PORT}`;
const ROUNDS = Number(args.rounds ?? 3);
const hotSkuOf = (round: number) => `BENCH-HOT-${round}`;
const HOT_WARMUP_SKU = "BENCH-HOT-WARMUP";

type Row = {
  scenario: string;
  perSecond: number;
  p50: number;
  p99: number;
  wholeRunP99: number;
  created: number;
  refused: number;
  other: string;
  cpu: CpuGroups | null;
};

const skuOf = (i: number) => `BENCH-${String(i).padStart(4, "0")}`;

/** 1,000 SKUs with plenty of stock, each in one ambient bin of WH1; the hot SKUs are made, stocked later. */
async function prepareStock(databaseUrl: string) {
  const db = createDb(databaseUrl, 2);
  const bins = await db.location.findMany({
    where: { site: { code: "WH1" }, type: "bin", purpose: "storage", tempMinC: null, hazardClasses: { isEmpty: true } },
    orderBy: { code: "asc" },
  });
  const skus = [...Array.from({ length: SKUS }, (_, i) => skuOf(i)), ...Array.from({ length: ROUNDS }, (_, r) => hotSkuOf(r + 1)), HOT_WARMUP_SKU];
  await db.item.createMany({ data: skus.map((sku) => ({ sku, skuKey: sku.toLowerCase(), name: `Bench item ${sku}` })), skipDuplicates: true });
  await postMovements(
    db,
    SYSTEM_ACTOR,
    Array.from({ length: SKUS }, (_, i) => ({
      kind: "receive",
      sku: skuOf(i),
      quantity: PLENTY,
      to: bins[i % bins.length].code,
      reason: "received",
    })),
  );
  await db.$disconnect();
  return bins[0].code;
}

async function receive(databaseUrl: string, sku: string, quantity: number, bin: string) {
  const db = createDb(databaseUrl, 1);
  await postMovements(db, SYSTEM_ACTOR, [{ kind: "receive", sku, quantity, to: bin, reason: "received" }]);
  await db.$disconnect();
}

function reservationOf(sku: string) {
  return { sku, quantity: 1, site: "WH1", ttlSeconds: TTL_SECONDS, reference: `cart-${randomUUID()}`, channel: "bench" };
}

async function run(scenario: string, path: string, body: () => unknown, warmupBody: () => unknown, warm: boolean): Promise<Row> {
  if (warm && warmupSeconds > 0)
    await postLoad({ url: base, key: KEY, path, body: warmupBody, duration: warmupSeconds, connections: WARMUP_CONNECTIONS, idempotencyKeys: true });
  let cpuBefore: CpuReading | null = null; // read as the measured seconds start
  const load = { url: base, key: KEY, path, body, duration: seconds, connections: CONNECTIONS, idempotencyKeys: true };
  const { whole, statusCounts, answered, p50, p99 } = await postLoadSettled(load, settleSeconds, () => (cpuBefore = readProcessCpu()));
  const cpuAfter = readProcessCpu();
  // Counts over the whole run (the oversell checks need every 201), rates and latencies over the measured seconds.
  const codes = Object.entries(whole.statusCodeStats ?? {}) as [string, { count: number }][];
  const count = (code: string) => codes.find(([c]) => c === code)?.[1].count ?? 0;
  const other = codes.filter(([code]) => code !== "201" && code !== "409").map(([code, { count }]) => `${count} × ${code}`);
  if (whole.errors > 0) other.push(`${whole.errors} errors, ${whole.timeouts} timeouts`);
  return {
    scenario,
    created: count("201"),
    refused: count("409"),
    other: other.join(", ") || "0",
    perSecond: ((statusCounts.get(201) ?? 0) + (statusCounts.get(409) ?? 0)) / seconds,
    p50,
    p99,
    wholeRunP99: whole.latency.p99,
    cpu: cpuPerRequest(cpuBefore, cpuAfter, answered),
  };
}

/**
 * Oversell checks: no physical level holds more reserved than on hand; every level's reserved equals what the
 * active reservations' allocations hold there; and for the hot SKU, what its active reservations hold.
 */
async function oversell(databaseUrl: string, hotSku: string) {
  const db = createDb(databaseUrl, 1);
  const [row] = await db.$queryRaw<
    { overReserved: number; mismatched: number; hotReserved: number; hotOnHand: number; hotActive: number; hotHeld: number }[]
  >`
    WITH held AS (
      SELECT a."locationId", a."lotId", r."itemId", SUM(a.quantity)::int AS held
      FROM "ReservationAllocation" a JOIN "Reservation" r ON r.id = a."reservationId"
      WHERE r.status = 'active' GROUP BY 1, 2, 3
    ), hot AS (SELECT id FROM "Item" WHERE sku = ${hotSku})
    SELECT
      (SELECT COUNT(*) FROM "StockLevel" WHERE NOT "isVirtual" AND reserved > "onHand")::int AS "overReserved",
      (SELECT COUNT(*) FROM "StockLevel" s FULL JOIN held h
         ON h."itemId" = s."itemId" AND h."locationId" = s."locationId" AND h."lotId" IS NOT DISTINCT FROM s."lotId"
       WHERE COALESCE(s.reserved, 0) <> COALESCE(h.held, 0))::int AS "mismatched",
      (SELECT COALESCE(SUM(reserved), 0) FROM "StockLevel" WHERE "itemId" = (SELECT id FROM hot))::int AS "hotReserved",
      (SELECT COALESCE(SUM("onHand"), 0) FROM "StockLevel" WHERE "itemId" = (SELECT id FROM hot))::int AS "hotOnHand",
      (SELECT COUNT(*) FROM "Reservation" WHERE status = 'active' AND "itemId" = (SELECT id FROM hot))::int AS "hotActive",
      (SELECT COALESCE(SUM(held), 0) FROM "Reservation" WHERE status = 'active' AND "itemId" = (SELECT id FROM hot))::int AS "hotHeld"`;
  await db.$disconnect();
  return row;
}

if (!existsSync(".next/BUILD_ID")) {
  console.error("no production build: run `npx next build` first (npm run bench:reservations does)");
  process.exit(1);
}
// Three other sessions may share this machine's cores: the load average is part of the record.
const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
const commit = (() => {
  try {
    return execSync("git rev-parse --short HEAD", { encoding: "utf8" }).trim();
  } catch {
    return "?";
  }
})();
console.log(
  `machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, ${new Date().toISOString()}, commit ${commit}; ` +
    `${CONNECTIONS} connections, ${ROUNDS} rounds of ${seconds} s per scenario, after ${warmupSeconds} s unmeasured in the first, each after ${settleSeconds} s of its 64 connections unmeasured; load average before: ${loadAverage()}`,
);
const { child, databaseUrl, stop } = await startOnFreshDatabase("server", PORT, KEY, "reservations");
let failed = false;
try {
  const hotBin = await prepareStock(databaseUrl);
  const wanted = (id: string) => !only || only.has(id);
  const pick = () => skuOf(Math.floor(Math.random() * SKUS));
  const rows: Row[] = [];
  const totals: Partial<Record<"0" | "a" | "b", { answers: number; seconds: number; created: number; refused: number; p99: number }>> = {};
  const add = (id: "0" | "a" | "b", row: Row) => {
    rows.push(row);
    const t = (totals[id] ??= { answers: 0, seconds: 0, created: 0, refused: 0, p99: 0 });
    t.answers += row.perSecond * seconds;
    t.seconds += seconds;
    t.created += row.created;
    t.refused += row.refused;
    t.p99 = Math.max(t.p99, row.p99);
  };
  const hotChecks: string[] = [];
  if (wanted("b")) await receive(databaseUrl, HOT_WARMUP_SKU, PLENTY, hotBin);
  for (let round = 1; round <= ROUNDS; round++) {
    const warm = round === 1;
    const noop = () => reservationOf(pick());
    if (wanted("0")) add("0", await run(`(0) no-op route, round ${round}`, "/api/bench/noop", noop, noop, warm));
    let spread: Row | undefined;
    if (wanted("a")) add("a", (spread = await run(`(a) 1,000 SKUs, round ${round}`, "/api/v1/reservations", noop, noop, warm)));
    if (wanted("b")) {
      // Sold out a quarter of the way through the measured run at (a)'s rate, before its end at a third of it.
      const hotSku = hotSkuOf(round);
      const hotStock = Number(args["hot-stock"] ?? Math.max(100, Math.round((spread?.created ?? 4_000) / 4)));
      await receive(databaseUrl, hotSku, hotStock, hotBin);
      const row = await run(
        `(b) one hot SKU, round ${round}`,
        "/api/v1/reservations",
        () => reservationOf(hotSku),
        () => reservationOf(HOT_WARMUP_SKU),
        warm,
      );
      add("b", row);
      // Oversold: more held than there was, or holds and levels that disagree. Sold out, every unit is held by
      // exactly one reservation and every 201 answered one of them (the refusals came after).
      const c = await oversell(databaseUrl, hotSku);
      const soldOut = c.hotReserved === hotStock;
      const bad =
        c.overReserved > 0 ||
        c.mismatched > 0 ||
        c.hotReserved > hotStock ||
        c.hotActive !== c.hotHeld ||
        c.hotHeld !== c.hotReserved ||
        (soldOut && row.created !== hotStock);
      failed ||= bad;
      hotChecks.push(
        `round ${round}: levels with reserved > on hand ${c.overReserved}, levels whose reserved ≠ their active allocations ${c.mismatched}; ` +
          `${hotSku}: stock ${hotStock}, on hand ${c.hotOnHand}, reserved ${c.hotReserved}, active reservations ${c.hotActive} holding ${c.hotHeld}, ` +
          `201s ${row.created}, 409s ${row.refused}${soldOut ? "" : " (did not sell out: give a smaller --hot-stock)"}${bad ? " — OVERSELL OR MISMATCH" : ""}`,
      );
    }
  }
  const rate = (id: "0" | "a" | "b") => (totals[id] ? totals[id].answers / totals[id].seconds : NaN);
  const percent = (part: number, whole: number) => `${((part / whole) * 100).toFixed(1)}%`;
  console.log(`\nload average after: ${loadAverage()}\n`);
  console.log(
    `| scenario | answers/s | % of (0) | p50 ms | p99 ms | p99 ms with the first ${settleSeconds} s | 201 | 409 | other | CPU ms per request: app / database / load generator |`,
  );
  console.log("|---|---|---|---|---|---|---|---|---|---|");
  const cpu = (c: CpuGroups | null) => (c ? `${c.app.toFixed(2)} / ${c.postgres.toFixed(2)} / ${c.loadGenerator.toFixed(2)}` : "–");
  for (const r of rows) {
    const ceiling = rows.find((row) => row.scenario.startsWith("(0)") && row.scenario.endsWith(r.scenario.slice(r.scenario.indexOf(", round"))));
    console.log(
      `| ${r.scenario} | ${r.perSecond.toFixed(0)} | ${ceiling ? percent(r.perSecond, ceiling.perSecond) : "–"} | ${r.p50} | ${r.p99} | ${r.wholeRunP99} | ${r.created} | ${r.refused} | ${r.other} | ${cpu(r.cpu)} |`,
    );
  }
  console.log("\n" + hotChecks.join("\n"));
  console.log(failed ? "OVERSELL OR MISMATCH: see the checks above" : "0 oversell: every check holds");
  const t = totals;
  console.log(`\nover ${ROUNDS} rounds: (0) ${rate("0").toFixed(0)}/s, (a) ${rate("a").toFixed(0)}/s, (b) ${rate("b").toFixed(0)}/s`);
  if (t.a && t["0"]) console.log(`(a) ${percent(rate("a"), rate("0"))} of (0), p99 at most ${t.a.p99} ms (aim: at least 70%, p99 under 150 ms)`);
  if (t.a && t.b) console.log(`(b) ${percent(rate("b"), rate("a"))} of (a), p99 at most ${t.b.p99} ms (aim: at least 90%)`);
} finally {
  if (!("keep" in args)) await stop();
  else {
    child.kill("SIGTERM");
    console.log(`database kept: ${databaseUrl}`);
  }
}
process.exit(failed ? 1 : 0);
