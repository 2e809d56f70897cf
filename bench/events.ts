/**
 * npm run bench:events [-- --seconds=10 --warmup=5 --rounds=1 --webhook=on|off --floor]
 * Events from commit to consumers under the ledger benchmark's spread load (scenario (a): single-movement POSTs
 * over 1,000 SKUs, 64 connections), against the production build on a fresh PostgreSQL database each run:
 *   (1) without consumers: the relay off (STOCKROOM_EVENT_RELAY=off), the ledger's own figure;
 *   (2) with consumers: the relay on, publishing to NATS (NATS_URL, default nats://127.0.0.1:4222) and to one
 *       webhook endpoint served by this process.
 * For each consumer: events received, events/s from the load's start to the last arrival, and the delay from the
 * change's transaction (`occurredAt`) to arrival, p50 / p99 / max. Aims (issue 14): p99 under 1 s, and (2)'s
 * movements/s within 10% of (1)'s. With --rounds=N, (1) and (2) alternate N times so that the machine's drift
 * falls on both, and the share is of their totals. Beside each rate, the CPU each movement cost in the measured
 * seconds per group of processes: on two shared cores that sets the rate; and the app's split by thread (the
 * server's JavaScript thread, its worker threads where the relay runs, V8's and libuv's helpers).
 * With --floor, (2) is instead the relay off and bench/event-floor-sender.ts beside the load, sending one signed
 * POST and one JetStream publish per event at 90% of (1)'s rate (the aim's edge), with no database work: the
 * most any relay keeping these deliveries could leave the ledger on this machine.
 */
import { fork } from "node:child_process";
import os from "node:os";
import { SYSTEM_ACTOR } from "../lib/auth/actor";
import { createDb } from "../lib/db/client";
import { postMovements } from "../lib/ledger/post-movement";
import { startOnFreshDatabase } from "./bench-server";
import { postLoad } from "./post-load";
import { appThreadsPerRequest, cpuPerRequest, readAppThreadCpu, readProcessCpu, type AppThreads, type CpuGroups } from "./process-cpu";

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, "").split("=")) as [string, string][]);
const seconds = Number(args.seconds ?? 10);
const rounds = Number(args.rounds ?? 1);
const warmupSeconds = Number(args.warmup ?? 5);
const withWebhook = (args.webhook ?? "on") === "on";
const withNats = (args.nats ?? "on") === "on";
const floorOnly = "floor" in args;
/** The share of (1)'s rate the floor sender keeps up: the aim's edge. */
const FLOOR_SHARE = 0.9;
const NATS_URL = process.env.NATS_URL ?? "nats://127.0.0.1:4222";
const CONNECTIONS = 64;
const SKUS = 1_000;
const PORT = 3210;
const RECEIVER_PORT = 3211;
const KEY = "bench-admin-key-0123456789abcdef";
const base = `http://localhost:${PORT}`;

type Arrivals = { delays: number[]; lastAt: number };

async function prepareStock(databaseUrl: string) {
  const db = createDb(databaseUrl, 2);
  const bins = await db.location.findMany({
    where: { site: { code: "WH1" }, type: "bin", tempMinC: null, hazardClasses: { isEmpty: true } },
    orderBy: { code: "asc" },
  });
  const skus = Array.from({ length: SKUS }, (_, i) => `BENCH-${String(i).padStart(4, "0")}`);
  await db.item.createMany({ data: skus.map((sku) => ({ sku, skuKey: sku.toLowerCase(), name: sku })), skipDuplicates: true });
  const placement = skus.map((sku, i) => ({ sku, bin: bins[i % bins.length].code }));
  await postMovements(
    db,
    SYSTEM_ACTOR,
    placement.map((p) => ({ kind: "receive", sku: p.sku, quantity: 10_000_000, to: p.bin, reason: "received" })),
  );
  await db.$disconnect();
  return placement;
}

type Consumers = {
  pid: number | undefined;
  start: (at: number) => void;
  report: () => Promise<Record<"nats" | "webhook", Arrivals>>;
  stop: () => void;
};

/** bench/event-consumers.ts in a process of its own, so that the load generator does not delay arrivals. */
async function startConsumers(): Promise<Consumers> {
  const child = fork("bench/event-consumers.ts", [], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, NATS_URL, RECEIVER_PORT: String(RECEIVER_PORT) },
  });
  await new Promise((resolve) => child.once("message", resolve));
  return {
    pid: child.pid,
    start: (at) => child.send({ start: at }),
    report: () =>
      new Promise((resolve) => {
        child.once("message", (message) => resolve((message as { arrivals: Record<"nats" | "webhook", Arrivals> }).arrivals));
        child.send({ report: true });
      }),
    stop: () => child.kill(),
  };
}

async function api(method: string, path: string, body: unknown) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${KEY}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
}

async function load(placement: { sku: string; bin: string }[], consumersPid?: number, onMeasuredStart: () => void = () => undefined) {
  const issue = () => {
    const p = placement[Math.floor(Math.random() * placement.length)];
    return { kind: "issue", sku: p.sku, quantity: 1, from: p.bin, reason: "sold" };
  };
  if (warmupSeconds > 0) await postLoad({ url: base, key: KEY, path: "/api/v1/movements", body: issue, duration: warmupSeconds, connections: 4 });
  const startedAt = Date.now();
  onMeasuredStart();
  const cpuBefore = readProcessCpu(undefined, consumersPid);
  const threadsBefore = readAppThreadCpu();
  const result = await postLoad({ url: base, key: KEY, path: "/api/v1/movements", body: issue, duration: seconds, connections: CONNECTIONS });
  const cpu = cpuPerRequest(cpuBefore, readProcessCpu(undefined, consumersPid), result["2xx"]);
  const appThreads = appThreadsPerRequest(threadsBefore, readAppThreadCpu(), result["2xx"]);
  return { startedAt, ok: result["2xx"], perSecond: result["2xx"] / result.duration, p99: result.latency.p99, cpu, appThreads };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
};

async function withoutConsumers() {
  const app = await startOnFreshDatabase("server", PORT, KEY, "events0", { STOCKROOM_EVENT_RELAY: "off" });
  try {
    return await load(await prepareStock(app.databaseUrl));
  } finally {
    await app.stop();
  }
}

type FloorReport = { rate: number; sent: number; failed: number; cpuMs: number };

/** (2) with --floor: the relay off, the deliveries' least work beside the load (bench/event-floor-sender.ts). */
async function withFloorSender(rate: number) {
  const consumers = await startConsumers();
  const sender = fork("bench/event-floor-sender.ts", [], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, NATS_URL, RECEIVER_PORT: String(RECEIVER_PORT) },
  });
  await new Promise((resolve) => sender.once("message", resolve));
  const app = await startOnFreshDatabase("server", PORT, KEY, "events1", { STOCKROOM_EVENT_RELAY: "off" });
  try {
    // A sender that dies (a JetStream batch refused, say) fails the round instead of leaving it waiting.
    const report = new Promise<Omit<FloorReport, "rate">>((resolve, reject) => {
      sender.once("message", (m) => resolve(m as FloorReport));
      sender.once("exit", (code) => reject(new Error(`the floor sender ended (exit code ${code})`)));
    });
    const result = await load(await prepareStock(app.databaseUrl), consumers.pid, () => sender.send({ start: { rate, seconds } }));
    const floor = { ...(await report), rate };
    if (floor.failed > 0) throw new Error(`the floor sender's posts failed: ${floor.failed} of ${floor.sent}`);
    return { result, floor, consumers: [] as [string, Arrivals][] };
  } finally {
    sender.kill();
    consumers.stop();
    await app.stop();
  }
}

async function withConsumers() {
  const consumers = await startConsumers();
  const app = await startOnFreshDatabase("server", PORT, KEY, "events1", withNats ? { NATS_URL } : {});
  try {
    const placement = await prepareStock(app.databaseUrl);
    if (withWebhook) {
      await api("PATCH", "/api/v1/settings", { allowPrivateUrls: true });
      await api("POST", "/api/v1/webhooks", { url: `http://127.0.0.1:${RECEIVER_PORT}/hook`, types: ["stock.changed"] });
    }
    const result = await load(placement, consumers.pid, () => consumers.start(Date.now())); // the measured run's events only
    let arrivals = await consumers.report();
    // Until no event has arrived for two seconds: the consumers have caught up.
    for (;;) {
      await new Promise((r) => setTimeout(r, 1_000));
      arrivals = await consumers.report();
      const last = Math.max(arrivals.nats.lastAt, arrivals.webhook.lastAt);
      if (Date.now() - last > 2_000) break;
    }
    const used: [string, Arrivals][] = [];
    if (withNats) used.push(["NATS", arrivals.nats]);
    if (withWebhook) used.push(["webhook", arrivals.webhook]);
    return { result, consumers: used, floor: null };
  } finally {
    consumers.stop();
    await app.stop();
  }
}

const cpuText = (c: CpuGroups | null) =>
  c ? `${c.app.toFixed(2)} / ${c.postgres.toFixed(2)} / ${c.nats.toFixed(2)} / ${c.consumers.toFixed(2)} / ${c.loadGenerator.toFixed(2)}` : "–";
const threadsText = (t: AppThreads | null) => (t ? `${t.serverThread.toFixed(2)} / ${t.workerThreads.toFixed(2)} / ${t.helpers.toFixed(2)}` : "–");
const consumerNames = floorOnly
  ? `floor: relay off, a POST and a JetStream publish per event at ${FLOOR_SHARE * 100}% of (1)'s rate`
  : `relay${withNats ? " + NATS" : ""}${withWebhook ? " + webhook" : ""}`;

console.log(
  `machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, ${new Date().toISOString()}; ${CONNECTIONS} connections, ${seconds} s after ${warmupSeconds} s unmeasured, ${rounds} round(s)`,
);
const totals = { without: 0, with: 0 };
const tables = { runs: [] as string[], consumers: [] as string[] };
for (let round = 1; round <= rounds; round++) {
  const baseline = await withoutConsumers();
  const { result, consumers, floor } = floorOnly ? await withFloorSender(baseline.perSecond * FLOOR_SHARE) : await withConsumers();
  totals.without += baseline.perSecond;
  totals.with += result.perSecond;
  tables.runs.push(
    `| ${round} | (1) without consumers (relay off) | ${baseline.perSecond.toFixed(0)} | ${baseline.p99} | 100% | ${cpuText(baseline.cpu)} | ${threadsText(baseline.appThreads)} |`,
    `| ${round} | (2) ${consumerNames} | ${result.perSecond.toFixed(0)} | ${result.p99} | ${((result.perSecond / baseline.perSecond) * 100).toFixed(1)}% | ${cpuText(result.cpu)} | ${threadsText(result.appThreads)} |`,
  );
  if (floor) {
    tables.consumers.push(
      `| ${round} | floor sender | ${floor.sent} sent at ${floor.rate.toFixed(0)}/s, none failed | ${(floor.cpuMs / floor.sent).toFixed(3)} ms per event (${(floor.cpuMs / result.ok).toFixed(2)} per movement) |`,
    );
  }
  for (const [name, arrivals] of consumers) {
    const spanSeconds = (arrivals.lastAt - result.startedAt) / 1_000;
    tables.consumers.push(
      `| ${round} | ${name} | ${arrivals.delays.length} of ${result.ok} | ${(arrivals.delays.length / spanSeconds).toFixed(0)} | ${percentile(arrivals.delays, 50)} | ${percentile(arrivals.delays, 99)} | ${Math.max(...arrivals.delays)} |`,
    );
  }
}
console.log(
  "\n| round | run | movements/s | request p99 ms | % of without consumers | CPU ms per movement: app / database / NATS server / consumers / load generator | app's threads: server / workers (the relay) / V8 and libuv helpers |",
);
console.log("|---|---|---|---|---|---|---|");
for (const line of tables.runs) console.log(line);
console.log(`\n(2) ÷ (1) over all rounds: ${((totals.with / totals.without) * 100).toFixed(1)}%`);
console.log(
  floorOnly
    ? "\n| round | process | events | its CPU |\n|---|---|---|---|"
    : "\n| round | consumer | events received of movements posted | events/s | delay p50 ms | p99 ms | max ms |\n|---|---|---|---|---|---|---|",
);
for (const line of tables.consumers) console.log(line);
process.exit(0);
