/**
 * The consumers of bench/events.ts in a process of their own, as they would be on another machine: the load
 * generator's busy event loop must not delay when an arrival is noticed. Subscribes to NATS and serves the
 * webhook endpoint; on "report" (IPC) answers each consumer's arrival delays (ms after the event's occurredAt)
 * for events of BENCH SKUs since the "start" message.
 */
import { createServer } from "node:http";
import { connect } from "@nats-io/transport-node";

type Event = { type: string; occurredAt: string; data: { sku?: string } };
type Arrivals = { delays: number[]; lastAt: number };

const natsUrl = process.env.NATS_URL ?? "nats://127.0.0.1:4222";
const port = Number(process.env.RECEIVER_PORT);
let since = Number.POSITIVE_INFINITY;
const arrivals: Record<"nats" | "webhook", Arrivals> = { nats: { delays: [], lastAt: 0 }, webhook: { delays: [], lastAt: 0 } };

function record(to: Arrivals, event: Event) {
  const now = Date.now();
  const occurredAt = Date.parse(event.occurredAt);
  if (event.type !== "stock.changed" || !event.data.sku?.startsWith("BENCH-") || occurredAt < since) return;
  to.delays.push(now - occurredAt);
  to.lastAt = now;
}

const connection = await connect({ servers: natsUrl });
connection.subscribe("stockroom.stock.changed", { callback: (_error, message) => record(arrivals.nats, message.json<Event>()) });
const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    record(arrivals.webhook, JSON.parse(Buffer.concat(chunks).toString("utf8")) as Event);
    response.writeHead(204).end();
  });
});
server.listen(port, "127.0.0.1", () => process.send!({ ready: true }));

process.on("message", (message: { start?: number; report?: boolean }) => {
  if (message.start) since = message.start;
  if (message.report) process.send!({ arrivals });
});
