/**
 * Publishes the event log to NATS JetStream when NATS_URL is set: stream STOCKROOM, subject
 * `stockroom.<type>`, `Nats-Msg-Id` = the event id, so a republish (after a crash between publish and cursor
 * update) is dropped by JetStream within its duplicate window and a consumer sees each id once.
 *
 * One publisher at a time (a transaction advisory lock); the cursor moves only after JetStream has acknowledged
 * every message up to it, in the same transaction, so what was published in order stays in order.
 */
import { connect, nanos, type NatsConnection } from "@nats-io/transport-node";
import { jetstream, jetstreamManager, type JetStreamClient } from "@nats-io/jetstream";
import type { Db } from "../db/client";
import { unitOfWork } from "../db/unit-of-work";
import { toPublishedEvent } from "./event-envelope";

export const NATS_STREAM = "STOCKROOM";
const NATS_CURSOR = "nats";
const PUBLISHER_LOCK = 7_301_002;
/** Events per publishing transaction; a pass that took fewer has reached the log's end. */
export const NATS_BATCH = 1_000;
/** How long JetStream remembers message ids to drop duplicates. */
const DUPLICATE_WINDOW_MS = 10 * 60_000;
/** How long the stream keeps messages, like the event log: consumers that are away longer re-read from the API. */
const STREAM_MAX_AGE_MS = 30 * 24 * 3_600_000;

/** Where events go: the stream and its subject prefix are STOCKROOM and "stockroom" unless a test isolates its own. */
export type NatsTarget = { url: string; stream: string; prefix: string };

export function natsTargetFromEnv(): NatsTarget | null {
  const url = process.env.NATS_URL;
  return url ? { url, stream: NATS_STREAM, prefix: "stockroom" } : null;
}

export function natsSubjectOf(target: Pick<NatsTarget, "prefix">, type: string) {
  return `${target.prefix}.${type}`;
}

type Publisher = { connection: NatsConnection; js: JetStreamClient };

const processWide = globalThis as unknown as { stockroomNats?: Map<string, Promise<Publisher>>; stockroomNatsStatus?: NatsStatus };
const publishers = (processWide.stockroomNats ??= new Map());

export type NatsStatus = { configured: boolean; connected: boolean; lastPublishedAt: string | null; lastError: string | null };

function status(): NatsStatus {
  return (processWide.stockroomNatsStatus ??= {
    configured: Boolean(process.env.NATS_URL),
    connected: false,
    lastPublishedAt: null,
    lastError: null,
  });
}

/** This process's view of its NATS link, for the system page. */
export function natsStatus(): NatsStatus {
  return { ...status(), configured: Boolean(process.env.NATS_URL) };
}

/** Takes the view of the thread that publishes (lib/system/event-relay-thread.ts) as this thread's own. */
export function adoptNatsStatus(seen: NatsStatus): void {
  processWide.stockroomNatsStatus = { ...seen };
}

async function openPublisher(target: NatsTarget): Promise<Publisher> {
  // noAsyncTraces: otherwise every publish builds two Error objects (with stacks) in case its acknowledgement
  // fails or times out: a third of the publisher's CPU per event (docs/BENCHMARKS.md). A failure still says what
  // went wrong; only its stack stops at the client.
  const connection = await connect({ servers: target.url, name: "stockroom", maxReconnectAttempts: -1, noAsyncTraces: true });
  const manager = await jetstreamManager(connection);
  const config = { subjects: [natsSubjectOf(target, ">")], duplicate_window: nanos(DUPLICATE_WINDOW_MS), max_age: nanos(STREAM_MAX_AGE_MS) };
  try {
    await manager.streams.info(target.stream);
  } catch {
    await manager.streams.add({ name: target.stream, ...config });
  }
  void (async () => {
    for await (const s of connection.status()) status().connected = s.type !== "disconnect" && s.type !== "error";
  })();
  status().connected = true;
  return { connection, js: jetstream(connection) };
}

function publisher(target: NatsTarget): Promise<Publisher> {
  const key = `${target.url} ${target.stream}`;
  let open = publishers.get(key);
  if (!open) {
    open = openPublisher(target).catch((error) => {
      publishers.delete(key); // try again on the next pass
      throw error;
    });
    publishers.set(key, open);
  }
  return open;
}

/**
 * Publishes what the log holds beyond the cursor, a batch at a time; answers how many were published, or null
 * when another process holds the publisher lock.
 */
export async function publishToNats(db: Db, target: NatsTarget | null = natsTargetFromEnv()): Promise<number | null> {
  if (!target) return 0;
  const { js } = await publisher(target);
  const cursorName = `${NATS_CURSOR}:${target.stream}`;
  try {
    const published = await unitOfWork(db, async (tx) => {
      const [{ locked }] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${PUBLISHER_LOCK}) AS locked`;
      if (!locked) return null;
      const cursor = await tx.eventCursor.findUnique({ where: { name: cursorName } });
      const events = await tx.event.findMany({ where: { position: { gt: cursor?.position ?? 0n } }, orderBy: { position: "asc" }, take: NATS_BATCH });
      if (events.length === 0) return 0;
      // Sent in order on one connection, so JetStream stores them in order; all acknowledged before the cursor moves.
      await Promise.all(
        events.map((event) => js.publish(natsSubjectOf(target, event.type), JSON.stringify(toPublishedEvent(event)), { msgID: event.id })),
      );
      const position = events[events.length - 1].position;
      await tx.eventCursor.upsert({ where: { name: cursorName }, create: { name: cursorName, position }, update: { position } });
      return events.length;
    });
    if (published) status().lastPublishedAt = new Date().toISOString();
    status().lastError = null;
    return published;
  } catch (error) {
    status().lastError = error instanceof Error ? error.message : String(error);
    throw error;
  }
}

/** Closes this process's NATS connection (tests, shutdown). */
export async function closeNats() {
  const open = [...publishers.values()];
  publishers.clear();
  await Promise.all(open.map(async (p) => (await p).connection.close()));
}
