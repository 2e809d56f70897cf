import { apiRoute } from "@/lib/http/api-route";
import { listEvents } from "@/lib/events/list-events";
import { listEventsOp } from "@/lib/events/operations";

export const GET = apiRoute(listEventsOp, ({ db, actor, query }) => listEvents(db, actor, query));
