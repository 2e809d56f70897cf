/**
 * The app's own publisher, started once per server process (instrumentation.ts): outbox → event log → NATS and
 * webhooks, with no extra process to start.
 *
 * Woken, not polling: a write this process commits nudges it (the API edge, server actions and background jobs
 * call nudgeEventRelay), a burst of nudges is one pass, and a pass runs until the outbox is empty. When another
 * process holds the relay lock, this one looks again shortly after, so its own write is never left behind. A slow
 * sweep catches writes made outside any app process (scripts, a process killed between commit and nudge), and
 * the pass at start publishes whatever a killed process committed but never published.
 */
import type { Db } from "../db/client";
import { publishToNats, type NatsTarget } from "./publish-to-nats";
import { relayOutboxOnce, RELAY_BATCH, type AfterEventsWritten } from "./relay-outbox";

export type DeliverWebhooks = (db: Db) => Promise<{ attempted: number; nextDueAt: Date | null }>;

export type RelayOptions = {
  afterEventsWritten?: AfterEventsWritten;
  deliverWebhooks?: DeliverWebhooks;
  nats?: NatsTarget | null;
  sweepMs?: number;
};

const SWEEP_MS = 30_000;
/** How soon to look again when another process holds the relay lock. */
const LOCKED_RETRY_MS = 100;
const ERROR_RETRY_MS = 2_000;

type Relay = { wake: () => void; stop: () => void };

const processWide = globalThis as unknown as { stockroomRelay?: Relay };

/** Tells this process's relay that something may have been written to the outbox. Cheap; safe to call often. */
export function nudgeEventRelay() {
  processWide.stockroomRelay?.wake();
}

export function startEventRelay(db: Db, options: RelayOptions = {}): () => void {
  processWide.stockroomRelay?.stop();
  let running = false;
  let again = false;
  let stopped = false;
  const timers = new Map<string, NodeJS.Timeout>();

  const later = (name: string, ms: number) => {
    if (stopped) return;
    const existing = timers.get(name);
    if (existing) clearTimeout(existing);
    const timer = setTimeout(
      () => {
        timers.delete(name);
        wake();
      },
      Math.max(ms, 0),
    );
    timer.unref();
    timers.set(name, timer);
  };

  async function pass() {
    const relayed = await relayUntilEmpty();
    if (relayed === "locked") later("locked", LOCKED_RETRY_MS);
    if (options.nats) await publishAll();
    if (options.deliverWebhooks) {
      const { nextDueAt } = await options.deliverWebhooks(db);
      if (nextDueAt) later("webhooks", nextDueAt.getTime() - Date.now());
    }
  }

  async function relayUntilEmpty(): Promise<"done" | "locked"> {
    for (;;) {
      const result = await relayOutboxOnce(db, options.afterEventsWritten);
      if (result.locked) return "locked";
      if (result.rows < RELAY_BATCH) return "done";
    }
  }

  async function publishAll() {
    try {
      while (((await publishToNats(db, options.nats)) ?? 0) > 0);
    } catch (error) {
      console.error("publishing events to NATS failed; retrying", error);
      later("nats", ERROR_RETRY_MS);
    }
  }

  function wake() {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    void (async () => {
      do {
        again = false;
        try {
          await pass();
        } catch (error) {
          console.error("event relay pass failed; retrying", error);
          later("error", ERROR_RETRY_MS);
        }
      } while (again && !stopped);
      running = false;
    })();
  }

  const sweep = setInterval(wake, options.sweepMs ?? SWEEP_MS);
  sweep.unref();
  const relay: Relay = {
    wake,
    stop: () => {
      stopped = true;
      clearInterval(sweep);
      timers.forEach((timer) => clearTimeout(timer));
    },
  };
  processWide.stockroomRelay = relay;
  wake(); // what a killed process committed but never published
  return relay.stop;
}
