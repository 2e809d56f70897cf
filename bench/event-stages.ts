/**
 * npx tsx bench/event-stages.ts [-- --events=5000 --batch=100 --warmup=2000]
 * The CPU each stage of the event relay spends per event, on a backlog rather than under load, so that the
 * figure does not move with the machine's other work. A fresh database; `--warmup` postings run through every
 * stage unmeasured (the code compiled and the connections open, as in a running server); then `--events`
 * single-movement postings made with the relay stopped, and each stage run alone over them until it has caught
 * up: the relay (outbox → event log, with its hooks), NATS JetStream (a stream of its own) and one webhook
 * endpoint served by bench/event-consumers.ts in another process. For each: wall time, this process's CPU (the
 * app's share), PostgreSQL's, the NATS server's and the receiving process's, per event.
 *
 * Last, the floor of any webhook sender that keeps one signed POST per event (Standard Webhooks): the same events
 * sent by `sendWebhook` alone, 64 at a time, with no database work around it. On a machine that also hosts the
 * receiver and the NATS server, that is CPU the ledger cannot have, whatever the relay is made of.
 */
import { fork } from "node:child_process";
import os from "node:os";
import pLimit from "p-limit";
import { SYSTEM_ACTOR } from "../lib/auth/actor";
import { createDb, type Db } from "../lib/db/client";
import { createTestDatabase, dropTestDatabaseTemplate, prepareTestDatabaseServer } from "../lib/db/test-database";
import { toPublishedEvent, type PublishedEvent } from "../lib/events/event-envelope";
import { relayOutboxOnce } from "../lib/events/relay-outbox";
import { closeNats, publishToNats, type NatsTarget } from "../lib/events/publish-to-nats";
import { postMovement, postMovements } from "../lib/ledger/post-movement";
import { updateInstallationSettings } from "../lib/settings/installation-settings";
import { afterEventsWritten } from "../lib/system/after-events-written";
import { createWebhook } from "../lib/webhooks/create-webhook";
import { deliverDueWebhooks } from "../lib/webhooks/deliver-webhooks";
import { newWebhookSecret } from "../lib/webhooks/signing";
import { sendWebhook } from "../lib/webhooks/send-webhook";
import { buildWarehouse } from "../tests/factories/stock";
import { cpuPerRequest, readProcessCpu } from "./process-cpu";

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, "").split("=")) as [string, string][]);
const EVENTS = Number(args.events ?? 5_000);
const BATCH = Number(args.batch ?? 100);
const WARMUP = Number(args.warmup ?? 2_000);
const SKUS = 200;
const RECEIVER_PORT = 3213;

type Stock = { skus: string[]; from: string };

async function stockToIssue(db: Db): Promise<Stock> {
  const { site, bins } = await buildWarehouse(db);
  const skus = Array.from({ length: SKUS }, (_, i) => `${site.code}-B${i}`);
  await db.item.createMany({ data: skus.map((sku) => ({ sku, skuKey: sku.toLowerCase(), name: sku })) });
  await postMovements(
    db,
    SYSTEM_ACTOR,
    skus.map((sku) => ({ kind: "receive", sku, quantity: 1_000_000, to: bins.a1.code, reason: "received" })),
  );
  return { skus, from: bins.a1.code };
}

/** `count` single-movement postings, each making one stock.changed. */
async function backlog(db: Db, { skus, from }: Stock, count: number) {
  const limit = pLimit(8);
  await Promise.all(
    Array.from({ length: count }, (_, i) =>
      limit(() => postMovement(db, SYSTEM_ACTOR, { kind: "issue", sku: skus[i % SKUS], quantity: 1, from, reason: "sold" })),
    ),
  );
}

type Measured = { stage: string; events: number; wallMs: number; appUs: number; postgresUs: number; natsUs: number; receiverUs: number };

/** CPU per event in µs: the app's (this process) and, from /proc's 10 ms ticks, the other processes'. */
async function measure(stage: string, run: () => Promise<number>): Promise<Measured> {
  const cpuBefore = readProcessCpu(undefined, consumers.pid);
  const appBefore = process.cpuUsage(); // this process's own, finer than /proc's 10 ms ticks
  const startedAt = performance.now();
  const events = await run();
  const wallMs = performance.now() - startedAt;
  const app = process.cpuUsage(appBefore);
  const others = cpuPerRequest(cpuBefore, readProcessCpu(undefined, consumers.pid), events);
  const us = (ms: number | undefined) => (ms ?? NaN) * 1_000;
  return {
    stage,
    events,
    wallMs,
    appUs: (app.user + app.system) / events,
    postgresUs: us(others?.postgres),
    natsUs: us(others?.nats),
    receiverUs: us(others?.consumers),
  };
}

/** Each event sent once as a signed POST, 64 at a time, nothing else: what one POST per event costs at least. */
async function postsAlone(events: readonly PublishedEvent[]): Promise<number> {
  const endpoint = { url: `http://127.0.0.1:${RECEIVER_PORT}/hook`, secret: newWebhookSecret() };
  const limit = pLimit(64);
  const outcomes = await Promise.all(
    events.map((event) => limit(() => sendWebhook(endpoint, event, { allowPrivate: true, timeoutMs: 10_000, urlJustChecked: true }))),
  );
  const failed = outcomes.filter((o) => !o.delivered);
  if (failed.length > 0) throw new Error(`${failed.length} posts failed: ${failed[0].error}`);
  return outcomes.length;
}

const server = await prepareTestDatabaseServer();
const database = await createTestDatabase(server);
const db = createDb(database.url, 4);
const consumers = fork("bench/event-consumers.ts", [], {
  execArgv: ["--import", "tsx"],
  env: { ...process.env, RECEIVER_PORT: String(RECEIVER_PORT) },
});
await new Promise((resolve) => consumers.once("message", resolve));
const target: NatsTarget = {
  url: process.env.NATS_URL ?? "nats://127.0.0.1:4222",
  stream: `BENCH_STAGES_${Date.now()}`,
  prefix: `bench${Date.now()}`,
};
/** Each stage run until it has caught up; each answers how many events it handled. */
const stages = {
  relay: async () => {
    let events = 0;
    for (;;) {
      const pass = await relayOutboxOnce(db, afterEventsWritten, BATCH);
      if (pass.locked) throw new Error("another relay holds the lock");
      events += pass.events;
      if (pass.rows === 0) return events;
    }
  },
  nats: async () => {
    let events = 0;
    for (;;) {
      const published = await publishToNats(db, target);
      if (!published) return events;
      events += published;
    }
  },
  webhook: async () => {
    let events = 0;
    for (;;) {
      const { attempted } = await deliverDueWebhooks(db);
      if (attempted === 0) return events;
      events += attempted;
    }
  },
};
try {
  const stock = await stockToIssue(db);
  await updateInstallationSettings(db, SYSTEM_ACTOR, { allowPrivateUrls: true });
  await createWebhook(db, SYSTEM_ACTOR, { url: `http://127.0.0.1:${RECEIVER_PORT}/hook`, types: ["stock.changed"] });
  // Unmeasured: compiled, connected and warm, as in a server that has been running.
  await backlog(db, stock, WARMUP);
  for (const run of Object.values(stages)) await run();
  await backlog(db, stock, EVENTS);
  const results = [
    await measure("relay (outbox → event log, webhook queue, alerts)", stages.relay),
    await measure("NATS JetStream", stages.nats),
    await measure("webhook", stages.webhook),
  ];
  const sent = await db.event.findMany({ where: { type: "stock.changed" }, orderBy: { position: "desc" }, take: EVENTS });
  results.push(await measure("floor: one signed POST per event, nothing else", () => postsAlone(sent.map(toPublishedEvent))));
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, node ${process.version}, ${new Date().toISOString()}; ${EVENTS} events`);
  console.log("\n| stage | events | wall ms | CPU µs per event: app / PostgreSQL / NATS server / receiving process |");
  console.log("|---|---|---|---|");
  const rounded = (n: number) => n.toFixed(0);
  for (const r of results) {
    console.log(
      `| ${r.stage} | ${r.events} | ${r.wallMs.toFixed(0)} | ${rounded(r.appUs)} / ${rounded(r.postgresUs)} / ${rounded(r.natsUs)} / ${rounded(r.receiverUs)} |`,
    );
  }
} finally {
  consumers.kill();
  await closeNats();
  await db.$disconnect();
  await database.drop();
  await dropTestDatabaseTemplate(server);
}
