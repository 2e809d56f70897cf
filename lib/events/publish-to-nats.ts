/**
 * Publishes the event log to NATS JetStream when NATS_URL is set: stream STOCKROOM, subject
 * `stockroom.<type>`, `Nats-Msg-Id` = the event id, so a republish (after a crash between publish and cursor
 * update) is dropped by JetStream within its duplicate window and a consumer sees each id once.
 *
 * One publisher at a time (a transaction advisory lock); the cursor moves only after JetStream has acknowledged
 * every message up to it, in the same transaction, so what was published in order stays in order.
 */
import { connect, createInbox, headers, nanos, type Msg, type NatsConnection } from "@nats-io/transport-node";
import { jetstreamManager } from "@nats-io/jetstream";
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
/** How long a pass waits for JetStream to acknowledge its batch before it gives up (and publishes it again later). */
const ACK_TIMEOUT_MS = 10_000;
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

type Publisher = { connection: NatsConnection };

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
  const connection = await connect({ servers: target.url, name: "stockroom", maxReconnectAttempts: -1 });
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
  return { connection };
}

const publisherKey = (target: NatsTarget) => `${target.url} ${target.stream}`;

/** This process's connection to the target, its stream made sure of (bench/event-floor-sender.ts uses it too). */
export function publisher(target: NatsTarget): Promise<Publisher> {
  const key = publisherKey(target);
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
  const { connection } = await publisher(target);
  const cursorName = `${NATS_CURSOR}:${target.stream}`;
  try {
    const published = await unitOfWork(db, async (tx) => {
      const [{ locked }] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${PUBLISHER_LOCK}) AS locked`;
      if (!locked) return null;
      const cursor = await tx.eventCursor.findUnique({ where: { name: cursorName } });
      const events = await tx.event.findMany({ where: { position: { gt: cursor?.position ?? 0n } }, orderBy: { position: "asc" }, take: NATS_BATCH });
      if (events.length === 0) return 0;
      // Sent in order on one connection, so JetStream stores them in order; all acknowledged before the cursor moves.
      await publishAcknowledged(
        connection,
        events.map((event) => ({ subject: natsSubjectOf(target, event.type), payload: JSON.stringify(toPublishedEvent(event)), id: event.id })),
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
    await forgetPublisher(target);
    throw error;
  }
}

/** After a failed pass the next one connects afresh and makes sure of the stream (someone may have deleted it). */
async function forgetPublisher(target: NatsTarget) {
  const key = publisherKey(target);
  const open = publishers.get(key);
  publishers.delete(key);
  const failed = await open?.catch(() => undefined);
  await failed?.connection.close().catch(() => undefined);
}

type Message = { subject: string; payload: string; id: string };

/**
 * Publishes a batch to JetStream and resolves once every message is acknowledged as stored (or a duplicate of
 * one stored), rejecting on the first refusal or after ACK_TIMEOUT_MS. Each message is a plain publish whose
 * reply subject lies under one inbox of the batch, where JetStream sends its acknowledgement. The client's
 * `js.publish` is a request per message, with a timer, an entry in the request table and an Error built each time
 * one settles: 28 µs of CPU per message against 11 this way (docs/BENCHMARKS.md).
 */
export function publishAcknowledged(connection: NatsConnection, messages: readonly Message[]): Promise<void> {
  if (messages.length === 0) return Promise.resolve(); // no acknowledgement would come to settle it
  return new Promise((resolve, reject) => {
    const inbox = createInbox();
    let waiting = messages.length;
    const settle = (error?: Error) => {
      clearTimeout(timer);
      subscription.unsubscribe();
      if (error) reject(error);
      else resolve();
    };
    const subscription = connection.subscribe(`${inbox}.*`, {
      callback: (error, ack) => {
        const refusal = error?.message ?? refusalOf(ack);
        if (refusal) settle(new Error(`JetStream did not store message ${ack?.subject.slice(inbox.length + 1) ?? "?"} of the batch: ${refusal}`));
        else if (--waiting === 0) settle();
      },
    });
    const timer = setTimeout(
      () => settle(new Error(`JetStream acknowledged ${messages.length - waiting} of ${messages.length} in ${ACK_TIMEOUT_MS} ms`)),
      ACK_TIMEOUT_MS,
    );
    try {
      messages.forEach((message, i) => {
        const id = headers();
        id.set("Nats-Msg-Id", message.id); // JetStream drops a message whose id it has seen within its duplicate window
        connection.publish(message.subject, message.payload, { reply: `${inbox}.${i}`, headers: id });
      });
    } catch (error) {
      // A publish refused at once (connection closed, message over the server's size limit): the inbox and the
      // timer go now, not when the timeout fires.
      settle(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

/** Why an acknowledgement is not one: no stream listens on the subject (status 503), or JetStream's error. Exported for its unit test. */
export function refusalOf(ack: Pick<Msg, "headers" | "json">): string | null {
  if (ack.headers?.hasError) return `${ack.headers.code} ${ack.headers.description}`.trim();
  let answer: { stream?: string; error?: { code: number; description: string } };
  try {
    answer = ack.json();
  } catch {
    return "not an acknowledgement"; // a throw here would leave the batch waiting for its timeout
  }
  if (answer.error) return `${answer.error.code} ${answer.error.description}`;
  return answer.stream ? null : "not an acknowledgement";
}

/** Closes this process's NATS connection (tests, shutdown). */
export async function closeNats() {
  const open = [...publishers.values()];
  publishers.clear();
  await Promise.all(open.map(async (p) => (await p).connection.close()));
}
