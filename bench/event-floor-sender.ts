/**
 * The least any relay must do per event, in a process of its own for bench/events.ts (`--floor`): at a given rate,
 * each event sent once as a signed webhook POST (`sendWebhook`, up to 64 at a time, as the delivery pass sends)
 * and published once to JetStream (`publishAcknowledged`, a batch every 200 ms, on the app's stream and subject), with no
 * database work at all. The ledger's throughput beside it is the most any design keeping these deliveries can
 * leave it on this machine, where the receiver and the NATS server share its cores.
 *
 * IPC: { start: { rate, seconds } } → sends for that long, then answers { sent, failed, cpuMs }.
 */
import pLimit from "p-limit";
import { v7 as uuidv7 } from "uuid";
import type { PublishedEvent } from "../lib/events/event-envelope";
import { NATS_STREAM, natsSubjectOf, publishAcknowledged, publisher, type NatsTarget } from "../lib/events/publish-to-nats";
import { newWebhookSecret } from "../lib/webhooks/signing";
import { sendWebhook } from "../lib/webhooks/send-webhook";

const TICK_MS = 20;
/** JetStream batches as the relay's thread makes them under load: a pass at most every 200 ms. */
const NATS_BATCH_MS = 200;
const target: NatsTarget = { url: process.env.NATS_URL ?? "nats://127.0.0.1:4222", stream: NATS_STREAM, prefix: "stockroom" };
const endpoint = { url: `http://127.0.0.1:${process.env.RECEIVER_PORT}/hook`, secret: newWebhookSecret() };
const { connection } = await publisher(target);

/** A stock.changed as the relay makes it, for one of the benchmark's SKUs. */
function stockChanged(n: number): PublishedEvent {
  const sku = `BENCH-${String(n % 1_000).padStart(4, "0")}`;
  return {
    id: uuidv7(),
    type: "stock.changed",
    version: 1,
    occurredAt: new Date().toISOString(),
    subject: `stock:${sku}`,
    sequence: n,
    site: "WH1",
    data: {
      sku,
      site: "WH1",
      location: "WH1-A-01-01",
      lot: null,
      onHand: 9_999_000,
      reserved: 0,
      available: 9_999_000,
      movementId: uuidv7(),
      posting: uuidv7(),
    },
  };
}

async function sendAtRate(rate: number, seconds: number) {
  const limit = pLimit(64);
  const cpuBefore = process.cpuUsage();
  const startedAt = performance.now();
  const posts: Promise<boolean>[] = [];
  const publishes: Promise<void>[] = [];
  let made = 0;
  let unpublished: PublishedEvent[] = [];
  let publishedAt = startedAt;
  const publish = () => {
    const messages = unpublished.map((e) => ({ subject: natsSubjectOf(target, e.type), payload: JSON.stringify(e), id: e.id }));
    if (messages.length > 0) publishes.push(publishAcknowledged(connection, messages));
    unpublished = [];
    publishedAt = performance.now();
  };
  while (performance.now() - startedAt < seconds * 1_000) {
    const due = Math.floor(((performance.now() - startedAt) / 1_000) * rate);
    const events = Array.from({ length: due - made }, () => stockChanged(made++));
    for (const event of events) {
      posts.push(limit(() => sendWebhook(endpoint, event, { allowPrivate: true, timeoutMs: 10_000, urlJustChecked: true }).then((o) => o.delivered)));
    }
    unpublished.push(...events);
    if (performance.now() - publishedAt >= NATS_BATCH_MS) publish();
    await new Promise((resolve) => setTimeout(resolve, TICK_MS));
  }
  publish();
  const delivered = await Promise.all(posts);
  await Promise.all(publishes);
  const cpu = process.cpuUsage(cpuBefore);
  return { sent: made, failed: delivered.filter((ok) => !ok).length, cpuMs: (cpu.user + cpu.system) / 1_000 };
}

process.on("message", (message: { start?: { rate: number; seconds: number } }) => {
  if (message.start) void sendAtRate(message.start.rate, message.start.seconds).then((report) => process.send!(report));
});
process.send!({ ready: true });
