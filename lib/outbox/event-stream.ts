/**
 * The live-updates feed as a server-sent event stream: the outbox hints of ./event-feed.ts at the actor's sites,
 * a comment every 15 s so proxies keep an idle stream open, and at each of those beats a check that the person
 * or key may still read stock (deactivated, signed out everywhere, revoked: the stream ends).
 */
import type { Actor } from "../auth/actor";
import type { Db } from "../db/client";
import { subscribeToEvents, type FeedEvent } from "./event-feed";

/** Read per stream, so a test can shorten it. */
const heartbeatMs = () => Number(process.env.STOCKROOM_EVENTS_HEARTBEAT_MS ?? 15_000);

export type EventStreamOptions = {
  /** Ends the stream: the client went away. */
  signal: AbortSignal;
  /** Asked at every heartbeat; false ends the stream. */
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
      const unsubscribe = subscribeToEvents(db, (events) => {
        for (const event of events.filter(visible)) send(`id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
      });
      const heartbeat = setInterval(() => {
        void options.isStillAllowed().then(
          (allowed) => (allowed ? send(": keep-alive\n\n") : close()),
          () => close(),
        );
      }, heartbeatMs());
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
