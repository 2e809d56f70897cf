import { can } from "@/lib/auth/can";
import { reloadActor } from "@/lib/auth/load-actor";
import { apiRoute } from "@/lib/http/api-route";
import { eventStreamAnswer } from "@/lib/http/edge-answers";
import { eventsOp } from "@/lib/outbox/operations";
import { openEventStream } from "@/lib/outbox/event-stream";

// Server-sent events: live hints that stock changed, at the actor's sites (eventsOp documents it).
export const dynamic = "force-dynamic";

export const GET = apiRoute(eventsOp, async ({ db, actor, request }) =>
  eventStreamAnswer(
    openEventStream(db, actor, {
      signal: request.signal,
      // One primary-key read: a deactivated person, an ended session or a revoked key stops hearing.
      isStillAllowed: async () => can(await reloadActor(db, actor), "stock.view"),
    }),
  ),
);
