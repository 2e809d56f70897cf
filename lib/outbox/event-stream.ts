/**
 * The live-updates feed as a server-sent event stream: the outbox hints of ./event-feed.ts at the actor's sites,
 * and a comment every 15 s so proxies keep an idle stream open. The session or key may end while the stream is
 * open (sign-out, deactivation, revocation): before each batch it would send and at each heartbeat it asks
 * again, in order, and ends when the answer is no.
 */
import type { Actor } from "../auth/actor";
import type { Db } from "../db/client";
import { subscribeToEvents, type FeedEvent } from "./event-feed";

/** Read per stream, so a test can shorten it. */
const heartbeatMs = () => Number(process.env.STOCKROOM_EVENTS_HEARTBEAT_MS ?? 15_000);

export type EventStreamOptions = {
  /** Ends the stream: the client went away. */
  signal: AbortSignal;
  /** Asked before each batch and at each heartbeat; false ends the stream. */
  isStillAllowed: () => Promise<boolean>;
};

export function openEventStream(db: Db, actor: Actor, options: EventStreamOptions): ReadableStream<Uint8Array> {
  const visible = (event: FeedEvent) => actor.sites === "all" || (event.siteId !== null && actor.sites.includes(event.siteId));
  const encoder = new TextEncoder();
  let stop = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      const send = (text: string) => open && controller.enqueue(encoder.encode(text));
      const close = () => {
        if (!open) return;
        open = false;
        stop();
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      // Checks run one after another, so each batch is sent only after its own check said yes.
      let checked = Promise.resolve();
      const ifStillAllowed = (then: () => void) => {
        checked = checked.then(async () => {
          if (!open) return;
          // A failed read is a database hiccup, not an ended session: keep the stream.
          const allowed = await options.isStillAllowed().catch(() => true);
          if (allowed) then();
          else close();
        });
      };
      const unsubscribe = subscribeToEvents(db, (events) => {
        const shown = events.filter(visible);
        if (shown.length === 0) return;
        ifStillAllowed(() => {
          for (const event of shown) send(`id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
        });
      });
      const heartbeat = setInterval(() => ifStillAllowed(() => send(": keep-alive\n\n")), heartbeatMs());
      stop = () => {
        unsubscribe();
        clearInterval(heartbeat);
      };
      options.signal.addEventListener("abort", close);
      send("retry: 2000\n\n");
    },
    cancel() {
      stop();
    },
  });
}
