import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { connect, type NatsConnection } from "@nats-io/transport-node";
import { jetstream, jetstreamManager } from "@nats-io/jetstream";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildWarehouse } from "../../factories/stock";
import { SYSTEM_ACTOR } from "../../../lib/auth/actor";
import { getDb } from "../../../lib/db/client";
import { closeNats, publishToNats, type NatsTarget } from "../../../lib/events/publish-to-nats";
import { startEventRelay } from "../../../lib/events/event-relay";
import { relayOutboxOnce } from "../../../lib/events/relay-outbox";
import { postMovement } from "../../../lib/ledger/post-movement";

// Needs the NATS server with JetStream that runs beside PostgreSQL on these machines (and in CI).
const NATS_URL = process.env.NATS_URL ?? "nats://127.0.0.1:4222";
const db = getDb();
let nats: NatsConnection;
const streams: string[] = [];

/** A stream of this test's own, so that parallel test files and a running app do not mix their messages. */
function isolatedTarget(): NatsTarget {
  const tag = randomUUID().replaceAll("-", "").slice(0, 12);
  streams.push(`TEST_${tag}`);
  return { url: NATS_URL, stream: `TEST_${tag}`, prefix: `test${tag}` };
}

type Received = { id: string; sequence: number; data: { sku: string; onHand: number } };

/** Every stock.changed message the stream holds, in stream order. */
async function streamMessages(target: NatsTarget): Promise<Received[]> {
  const manager = await jetstreamManager(nats);
  const count = (await manager.streams.info(target.stream)).state.messages;
  if (count === 0) return [];
  const consumer = await jetstream(nats).consumers.get(target.stream); // ordered; the server here predates subject filters on it
  const messages: Received[] = [];
  const batch = await consumer.fetch({ max_messages: count, expires: 2_000 });
  for await (const message of batch) {
    if (message.subject === `${target.prefix}.stock.changed`) messages.push(message.json<Received>());
    if (message.info.pending === 0) break;
  }
  return messages;
}

beforeAll(async () => {
  nats = await connect({ servers: NATS_URL });
});

afterAll(async () => {
  const manager = await jetstreamManager(nats);
  await Promise.all(streams.map((stream) => manager.streams.delete(stream).catch(() => undefined)));
  await closeNats();
  await nats.drain();
});

describe("events to NATS JetStream", () => {
  it("delivers every movement of a 1,000-movement burst exactly once per id, in order per SKU", async () => {
    const w = await buildWarehouse(db);
    const target = isolatedTarget();
    const stop = startEventRelay(db, { nats: target });
    try {
      const sku = w.items.plain.sku;
      const workers = Array.from({ length: 8 }, async (_, worker) => {
        for (let i = worker; i < 1_000; i += 8) {
          await postMovement(db, SYSTEM_ACTOR, { kind: "receive", sku, quantity: 1, to: w.bins.a1.code, reason: "received" });
        }
      });
      await Promise.all(workers);
      await vi.waitFor(async () => expect((await streamMessages(target)).filter((m) => m.data.sku === sku)).toHaveLength(1_000), {
        timeout: 20_000,
        interval: 200,
      });
      const mine = (await streamMessages(target)).filter((m) => m.data.sku === sku);
      expect(new Set(mine.map((m) => m.id)).size).toBe(1_000);
      expect(mine.map((m) => m.sequence)).toEqual(Array.from({ length: 1_000 }, (_, i) => i + 1));
      expect(mine.map((m) => m.data.onHand)).toEqual(Array.from({ length: 1_000 }, (_, i) => i + 1));
      // Publishing again (as after a crash before the cursor moved) adds nothing: JetStream drops the ids it has.
      await db.eventCursor.deleteMany({ where: { name: `nats:${target.stream}` } });
      await publishToNats(db, target);
      expect((await streamMessages(target)).filter((m) => m.data.sku === sku)).toHaveLength(1_000);
    } finally {
      await stop();
    }
  }, 60_000);

  it("moves its cursor only past what JetStream stored: a batch it refused goes again once the stream is back", async () => {
    const w = await buildWarehouse(db);
    const target = isolatedTarget();
    const cursor = async () => (await db.eventCursor.findUnique({ where: { name: `nats:${target.stream}` } }))?.position;
    const sku = w.items.plain.sku;
    const receive = () => postMovement(db, SYSTEM_ACTOR, { kind: "receive", sku, quantity: 1, to: w.bins.a1.code, reason: "received" });
    await receive();
    await relayOutboxOnce(db);
    while (await publishToNats(db, target)); // opens the publisher, makes the stream, publishes the log so far
    const stored = await cursor();
    expect(stored).toBeDefined();

    await (await jetstreamManager(nats)).streams.delete(target.stream); // nothing listens on the subjects now
    await receive();
    await relayOutboxOnce(db);
    await expect(publishToNats(db, target)).rejects.toThrow(/JetStream did not store/);
    expect(await cursor()).toBe(stored);

    while (await publishToNats(db, target)); // a new publisher makes the stream again
    expect(await cursor()).toBeGreaterThan(stored!);
    expect((await streamMessages(target)).filter((m) => m.data.sku === sku).map((m) => m.data.onHand)).toEqual([2]);
  }, 30_000);

  it("still delivers every committed movement's event after the app is killed mid-burst and started again", async () => {
    const w = await buildWarehouse(db);
    const target = isolatedTarget();
    const sku = w.items.plain.sku;
    const committed = () => db.stockMovement.count({ where: { itemId: w.items.plain.id } });

    const burst = startApp(target, "burst", sku, w.bins.a1.code);
    await vi.waitFor(async () => expect(await committed()).toBeGreaterThanOrEqual(300), { timeout: 30_000, interval: 50 });
    burst.kill("SIGKILL");
    await new Promise((resolve) => burst.once("exit", resolve));
    const total = await committed();

    const restarted = startApp(target, "relay");
    try {
      await vi.waitFor(async () => expect((await streamMessages(target)).filter((m) => m.data.sku === sku)).toHaveLength(total), {
        timeout: 30_000,
        interval: 250,
      });
      const mine = (await streamMessages(target)).filter((m) => m.data.sku === sku);
      expect(new Set(mine.map((m) => m.id)).size).toBe(total);
      expect(mine.map((m) => m.sequence)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    } finally {
      restarted.kill("SIGKILL");
    }
  }, 90_000);
});

function startApp(target: NatsTarget, mode: "burst" | "relay", ...args: string[]): ChildProcess {
  // node itself (with tsx as a loader), not npx: a SIGKILL must reach the process that writes.
  return spawn(process.execPath, ["--import", "tsx", "tests/integration/events/app-process.ts", mode, ...args], {
    env: { ...process.env, NATS_URL: target.url, TEST_NATS_STREAM: target.stream, TEST_NATS_PREFIX: target.prefix },
    stdio: ["ignore", "ignore", "inherit"],
  });
}
