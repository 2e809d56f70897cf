/**
 * The app's own publisher, started once per server process (instrumentation.ts): outbox → event log → NATS and
 * webhooks, with no extra process to start.
 *
 * Woken, not polling: every write transaction this process commits wakes it (lib/db/commit-signal.ts: the unit
 * of work and the grouped SQL calls signal), a burst of wake-ups is one pass, and a pass runs until the outbox is empty. When another
 * process holds the relay lock, this one looks again shortly after, so its own write is never left behind. A slow
 * sweep catches writes made outside any app process (scripts, a process killed between commit and nudge), and
 * the pass at start publishes whatever a killed process committed but never published.
 *
 * Each stage (relay, NATS, webhooks, shop channels) runs on its own, woken by the one before it, so a batch is being published
 * while the next one is relayed.
 */
import type { Db } from "../db/client";
import { onCommit } from "../db/commit-signal";
import { NATS_BATCH, publishToNats, type NatsTarget } from "./publish-to-nats";
import { relayOutboxOnce, RELAY_BATCH, type AfterEventsWritten } from "./relay-outbox";

export type DeliverWebhooks = (db: Db) => Promise<{ attempted: number; nextDueAt: Date | null }>;

/** Shop channels' stock push: answers when it wants to run again (a shop's retry time), or null. */
export type PushChannels = (db: Db) => Promise<{ nextDueAt: Date | null }>;

export type RelayOptions = {
  afterEventsWritten?: AfterEventsWritten;
  deliverWebhooks?: DeliverWebhooks;
  pushChannels?: PushChannels;
  nats?: NatsTarget | null;
  sweepMs?: number;
  /** Under a stream of writes a stage runs again at most this often (default MIN_GAP_MS). */
  minGapMs?: number;
};

const SWEEP_MS = 30_000;
/** How soon to look again when another process holds the relay lock. */
const LOCKED_RETRY_MS = 100;
const ERROR_RETRY_MS = 2_000;
/**
 * Under a stream of writes a stage runs again at most this often, so that each pass takes what has gathered
 * meanwhile: fewer, larger batches cost the database and the app far less than one pass per write.
 */
const MIN_GAP_MS = 50;

type Relay = { stop: () => Promise<void> };

const processWide = globalThis as unknown as { stockroomRelay?: Relay };

/**
 * Work that runs when woken, never twice at once: a wake during a run makes one more run afterwards. The work
 * answers when it wants to run again by itself (ms from now), or null.
 */
function stage(name: string, work: () => Promise<number | null>, isStopped: () => boolean, minGapMs: number) {
  let running: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  const wakeIn = (ms: number) => {
    if (isStopped()) return;
    clearTimeout(timer);
    timer = setTimeout(wake, Math.max(ms, 0));
    timer.unref();
  };
  function wake() {
    if (isStopped()) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        const startedAt = Date.now();
        try {
          const next = await work();
          if (next !== null) wakeIn(next);
        } catch (error) {
          console.error(`event ${name} failed; retrying`, error);
          wakeIn(ERROR_RETRY_MS);
        }
        const gap = minGapMs - (Date.now() - startedAt);
        if (again && gap > 0) await new Promise((resolve) => setTimeout(resolve, gap));
      } while (again && !isStopped());
      running = null;
    })();
  }
  /** Stops its timer and answers when a pass under way has ended. */
  const stop = async () => {
    clearTimeout(timer);
    await running;
  };
  return { wake, stop };
}

/** Starts the stages; answers a function that stops them and resolves once passes under way have ended. */
export function startEventRelay(db: Db, options: RelayOptions = {}): () => Promise<void> {
  void processWide.stockroomRelay?.stop();
  let stopped = false;
  const isStopped = () => stopped;
  const minGapMs = options.minGapMs ?? MIN_GAP_MS;

  const nats = options.nats
    ? stage(
        "publishing to NATS",
        async () => {
          for (;;) {
            const published = await publishToNats(db, options.nats);
            if (published === null) return LOCKED_RETRY_MS; // another process is publishing: look again soon
            // At the log's end (no empty pass to find out): events relayed meanwhile wake this stage again.
            if (published < NATS_BATCH) return null;
          }
        },
        isStopped,
        minGapMs,
      )
    : null;
  const deliver = options.deliverWebhooks;
  const webhooks = deliver
    ? stage(
        "webhook delivery",
        async () => {
          const { nextDueAt } = await deliver(db);
          return nextDueAt ? nextDueAt.getTime() - Date.now() : null;
        },
        isStopped,
        minGapMs,
      )
    : null;
  const push = options.pushChannels;
  const channels = push
    ? stage(
        "channel push",
        async () => {
          const { nextDueAt } = await push(db);
          return nextDueAt ? nextDueAt.getTime() - Date.now() : null;
        },
        isStopped,
        minGapMs,
      )
    : null;
  const relay = stage(
    "relay",
    async () => {
      for (;;) {
        const result = await relayOutboxOnce(db, options.afterEventsWritten);
        if (result.locked) return LOCKED_RETRY_MS;
        if (result.events > 0) {
          nats?.wake();
          webhooks?.wake();
          channels?.wake();
        }
        if (result.rows < RELAY_BATCH) return null;
      }
    },
    isStopped,
    minGapMs,
  );

  const sweep = setInterval(() => {
    relay.wake();
    nats?.wake(); // another process may have relayed what this one publishes
    webhooks?.wake();
    channels?.wake();
  }, options.sweepMs ?? SWEEP_MS);
  sweep.unref();
  const handle: Relay = {
    stop: async () => {
      stopped = true;
      stopListening();
      clearInterval(sweep);
      await Promise.all([relay, nats, webhooks, channels].map((s) => s?.stop()));
    },
  };
  processWide.stockroomRelay = handle;
  const stopListening = onCommit(relay.wake);
  relay.wake(); // what a killed process committed but never published
  nats?.wake();
  webhooks?.wake();
  channels?.wake();
  return handle.stop;
}
