import { can } from "@/lib/auth/can";
import { apiRoute, authenticate } from "@/lib/http/api-route";
import { eventStreamAnswer } from "@/lib/http/edge-answers";
import { eventsOp } from "@/lib/outbox/operations";
import { openEventStream } from "@/lib/outbox/event-stream";

// Server-sent events: live hints that stock changed, at the actor's sites (eventsOp documents it).
export const dynamic = "force-dynamic";

export const GET = apiRoute(eventsOp, async ({ db, actor, request }) =>
  eventStreamAnswer(openEventStream(db, actor, {
    signal: request.signal,
    // The credentials are read afresh: a deactivated person or a revoked key stops hearing at the next beat.
    isStillAllowed: async () => can(await authenticate(request).catch(() => null), "stock.view"),
  })),
);
