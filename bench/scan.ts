/**
 * npm run bench:scan [-- --only=inprocess,api,rfid --db=server|embedded --seconds=10 --connections=16]
 * Scanning speed:
 *   (a) in-process: GS1 parses per second (parseGs1Data) over bracketed, ]C1 raw with GS, and Digital Link inputs, ~3 s;
 *   (b) through the API of the production build: POST /api/v1/gs1/parse (parses/s) and POST /api/v1/scans/resolve
 *       (requests/s, latency p50/p99), with autocannon;
 *   (c) a 1,000-read RFID batch through POST /api/v1/rfid/reads: one that moves 1,000 serialized units (a few rounds,
 *       alternating between two readers) and the same batch again, all duplicates.
 * (b) and (c) need an existing `.next` build (this script does not build; `npx next build` does) and start it on a
 * fresh database as bench/ledger.ts does. `--only=inprocess` runs (a) alone, without a server.
 */
import { existsSync } from "node:fs";
import os from "node:os";
import autocannon from "autocannon";
import { SYSTEM_ACTOR } from "../lib/auth/actor";
import { createDb } from "../lib/db/client";
import { gs1CheckDigit } from "../lib/gs1/check-digit";
import { parseGs1Data } from "../lib/gs1/parse-gs1-data";
import { postMovements } from "../lib/ledger/post-movement";
import { encodeSgtin96 } from "../lib/rfid/encode-sgtin";
import { startOnFreshDatabase } from "./bench-server";

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, "").split("=")) as [string, string][]);
const parts = new Set((args.only ?? "inprocess,api,rfid").split(","));
const mode = args.db ?? "server";
const seconds = Number(args.seconds ?? 10);
const CONNECTIONS = Number(args.connections ?? 16);
const IN_PROCESS_MS = 3_000;
const READS = 1_000;
const RFID_ROUNDS = 3;
const PORT = 3201;
const KEY = "bench-admin-key-0123456789abcdef";
const base = `http://localhost:${PORT}`;

// A GTIN of our own (company prefix 7612345), so the bench item cannot collide with the demo catalogue.
const GTIN_BODY = "0761234599001";
const GTIN = `${GTIN_BODY}${gs1CheckDigit(GTIN_BODY)}`;
const GS = "\u001d";
const INPUTS = {
  bracketed: `(01)${GTIN}(17)271231(10)LOT-4711(21)SN1001`,
  "]C1 raw with GS": `]C101${GTIN}1727123110LOT-4711${GS}21SN1001`,
  "Digital Link URI": `https://id.gs1.org/01/${GTIN}/10/LOT-4711/21/SN1001?17=271231`,
};
const MIX = Object.values(INPUTS);

type Row = { measure: string; value: string; detail: string };
const rows: Row[] = [];
const format = (n: number) => Math.round(n).toLocaleString("en-US");

function benchInProcess() {
  for (const input of MIX) parseGs1Data(input); // fail loudly on a bad input before timing
  const timed = (inputs: string[]) => {
    let parses = 0;
    const started = performance.now();
    while (performance.now() - started < IN_PROCESS_MS / 4) {
      for (let i = 0; i < 1_000; i++) parseGs1Data(inputs[(parses + i) % inputs.length]);
      parses += 1_000;
    }
    return parses / ((performance.now() - started) / 1_000);
  };
  for (const [kind, input] of Object.entries(INPUTS))
    rows.push({ measure: `(a) parseGs1Data, ${kind}`, value: `${format(timed([input]))} parses/s`, detail: "in-process, one core" });
  rows.push({ measure: "(a) parseGs1Data, mix of the three", value: `${format(timed(MIX))} parses/s`, detail: "in-process, one core" });
}

async function api(method: string, path: string, body?: unknown) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { "content-type": "application/json", authorization: `Bearer ${KEY}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${JSON.stringify(json)}`);
  return json;
}

/** A serial-tracked item carrying GTIN, with READS units received into one ambient bin of WH1; two more bins for readers. */
async function prepareUnits(databaseUrl: string) {
  const db = createDb(databaseUrl, 2);
  const bins = await db.location.findMany({
    where: { site: { code: "WH1" }, type: "bin", tempMinC: null, hazardClasses: { isEmpty: true } },
    orderBy: { code: "asc" },
    take: 3,
  });
  if (bins.length < 3) throw new Error("the demo warehouse WH1 has fewer than three ambient bins");
  const item = await db.item.create({ data: { sku: "BENCH-RFID", skuKey: "bench-rfid", name: "Bench RFID unit", tracking: "serial" } });
  await db.barcode.create({ data: { itemId: item.id, kind: "gtin", code: GTIN } });
  const serials = Array.from({ length: READS }, (_, i) => String(1_000_001 + i));
  await postMovements(db, SYSTEM_ACTOR, [
    { kind: "receive", sku: item.sku, quantity: serials.length, serials, to: bins[0].code, reason: "received" },
  ]);
  await db.$disconnect();
  return { bins: bins.map((b) => b.code), epcs: serials.map((serial) => encodeSgtin96({ gtin: GTIN, serial, companyPrefixLength: 7 }).epc) };
}

function load(path: string, bodies: unknown[], connections: number): Promise<autocannon.Result> {
  let next = 0;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: base,
        connections,
        duration: seconds,
        requests: [
          {
            method: "POST",
            path,
            headers: { "content-type": "application/json", authorization: `Bearer ${KEY}` },
            setupRequest: (req) => ({ ...req, body: JSON.stringify(bodies[next++ % bodies.length]) }),
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

async function benchApi() {
  const detail = (r: autocannon.Result) =>
    `${r.connections} connection${r.connections === 1 ? "" : "s"}, ${seconds} s; ${r["2xx"]} 2xx, ${r.non2xx} other`;
  const parse = await load(
    "/api/v1/gs1/parse",
    MIX.map((data) => ({ data })),
    CONNECTIONS,
  );
  rows.push({
    measure: "(b) POST /api/v1/gs1/parse",
    value: `${format(parse["2xx"] / parse.duration)} parses/s`,
    detail: `p50 ${parse.latency.p50} ms, p99 ${parse.latency.p99} ms; ${detail(parse)}`,
  });
  const resolveBodies = [...MIX, GTIN, `]C101${GTIN}21SN1001`].map((data) => ({ data }));
  const resolved = await load("/api/v1/scans/resolve", resolveBodies, CONNECTIONS);
  rows.push({ measure: "(b) POST /api/v1/scans/resolve, p50", value: `${resolved.latency.p50} ms`, detail: detail(resolved) });
  rows.push({
    measure: "(b) POST /api/v1/scans/resolve, p99",
    value: `${resolved.latency.p99} ms`,
    detail: `${format(resolved["2xx"] / resolved.duration)} requests/s`,
  });
  // One scanner at a time: the latency a clerk feels, without other requests queued in front.
  const alone = await load("/api/v1/scans/resolve", resolveBodies, 1);
  rows.push({
    measure: "(b) POST /api/v1/scans/resolve, one connection",
    value: `p50 ${alone.latency.p50} ms, p99 ${alone.latency.p99} ms`,
    detail: detail(alone),
  });
}

async function benchRfid(prepared: { bins: string[]; epcs: string[] }) {
  const [, binA, binB] = prepared.bins;
  await api("POST", "/api/v1/rfid/readers", { id: "BENCH-A", location: binA });
  await api("POST", "/api/v1/rfid/readers", { id: "BENCH-B", location: binB });
  await api("POST", "/api/v1/rfid/reads", { reads: [{ epc: prepared.epcs[0], reader: "NOT-REGISTERED", at: new Date().toISOString() }] }); // warm the route
  const started = Date.now();
  const timeRound = async (reader: string, at: number) => {
    const body = { reads: prepared.epcs.map((epc, i) => ({ epc, reader, antenna: 1 + (i % 4), rssi: -58, at: new Date(at).toISOString() })) };
    const t = performance.now();
    const outcome = await api("POST", "/api/v1/rfid/reads", body);
    return { ms: performance.now() - t, outcome };
  };
  const moves: number[] = [];
  const duplicates: number[] = [];
  for (let round = 0; round < RFID_ROUNDS; round++) {
    // Each round the units go to the other reader's bin, two minutes after the round before (past the window),
    // stamped in the past: a read from the future would be taken as read now.
    const reader = round % 2 === 0 ? "BENCH-A" : "BENCH-B";
    const at = started - (RFID_ROUNDS - round) * 120_000;
    const moved = await timeRound(reader, at);
    if (moved.outcome.moved.length !== READS)
      throw new Error(`expected ${READS} moves, got ${JSON.stringify({ ...moved.outcome, moved: moved.outcome.moved.length })}`);
    moves.push(moved.ms);
    const repeated = await timeRound(reader, at);
    if (repeated.outcome.duplicates !== READS) throw new Error(`expected ${READS} duplicates, got ${repeated.outcome.duplicates}`);
    duplicates.push(repeated.ms);
  }
  const summary = (list: number[]) => `${format(Math.min(...list))} ms`;
  const all = (list: number[]) => `rounds: ${list.map((ms) => format(ms)).join(", ")} ms`;
  rows.push({
    measure: `(c) RFID batch of ${format(READS)} reads, moving ${format(READS)} units`,
    value: summary(moves),
    detail: `best of ${RFID_ROUNDS}; ${all(moves)}`,
  });
  rows.push({
    measure: `(c) the same batch again: ${format(READS)} duplicates`,
    value: summary(duplicates),
    detail: `best of ${RFID_ROUNDS}; ${all(duplicates)}`,
  });
}

console.log(
  `machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, ${new Date().toISOString()}`,
);
if (parts.has("inprocess")) benchInProcess();
if (parts.has("api") || parts.has("rfid")) {
  if (!existsSync(".next/BUILD_ID")) {
    console.error("no production build: run `npx next build` first (this benchmark uses the existing build), or pass --only=inprocess");
    process.exit(1);
  }
  const { databaseUrl, stop } = await startOnFreshDatabase(mode === "embedded" ? "embedded" : "server", PORT, KEY, "scan");
  try {
    const prepared = await prepareUnits(databaseUrl);
    if (parts.has("api")) await benchApi();
    if (parts.has("rfid")) await benchRfid(prepared);
  } finally {
    await stop();
  }
}
console.log(`\n### Scanning${parts.has("api") || parts.has("rfid") ? ` (${mode === "server" ? "PostgreSQL server" : "embedded PGlite"})` : ""}\n`);
console.log("| measure | result | detail |");
console.log("|---|---|---|");
for (const row of rows) console.log(`| ${row.measure} | ${row.value} | ${row.detail} |`);
process.exit(0);
