import { can } from "@/lib/auth/can";
import { reloadActor } from "@/lib/auth/load-actor";
import { getDb } from "@/lib/db/client";
import { authenticate } from "@/lib/http/api-route";
import { problemResponse, toProblem } from "@/lib/http/problem";
import { subscribeToEvents, type FeedEvent } from "@/lib/outbox/event-feed";
import { Forbidden, Unauthenticated } from "@/lib/domain-error";

// Server-sent events: live hints that stock changed, at the actor's sites (eventsOp documents it).
export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const actor = await authenticate(request).catch(() => null);
  if (!actor) return problemResponse(toProblem(new Unauthenticated(), "events"));
  if (!can(actor, "stock.view")) return problemResponse(toProblem(new Forbidden("stock.view"), "events"));
  const visible = (event: FeedEvent) => actor.sites === "all" || (event.siteId !== null && actor.sites.includes(event.siteId));
  const encoder = new TextEncoder();
  let unsubscribe = () => {};
  let heartbeat: NodeJS.Timeout | undefined;
  let isClosed = false;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => controller.enqueue(encoder.encode(text));
      const end = () => {
        isClosed = true;
        stop();
        clearInterval(heartbeat);
        try {
          controller.close();
        } catch {
          // already closed
        }
      };
      // The session or key may end while the stream is open (sign-out, deactivation, revocation): check again,
      // one primary-key read, before each batch this actor would see and on each heartbeat; end the stream if
      // it no longer holds. Checks run in order, so batches keep theirs.
      let checked = Promise.resolve();
      const whileCurrent = (then: () => void) => {
        checked = checked.then(async () => {
          if (isClosed) return;
          // A failed read is a database hiccup, not an ended session: keep the stream.
          const isCurrent = (await reloadActor(getDb(), actor).catch(() => actor)) !== null;
          if (isClosed) return;
          if (isCurrent) then();
          else end();
        });
      };
      send("retry: 2000\n\n");
      const stop = subscribeToEvents(getDb(), (events) => {
        const shown = events.filter(visible);
        if (shown.length === 0) return;
        whileCurrent(() => {
          for (const event of shown) send(`id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
        });
      });
      // A comment every 15 s keeps proxies from closing an idle stream.
      heartbeat = setInterval(() => whileCurrent(() => send(": keep-alive\n\n")), 15_000);
      unsubscribe = stop;
      request.signal.addEventListener("abort", end);
    },
    cancel() {
      isClosed = true;
      unsubscribe();
      clearInterval(heartbeat);
    },
  });
  return new Response(stream, { headers: { "content-type": "text/event-stream", "cache-control": "no-cache, no-transform", connection: "keep-alive" } });
}
