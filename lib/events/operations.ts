import { defineOperation } from "../contract/operation";
import { eventFeedPage, eventFeedQuery } from "./schemas";

export const listEventsOp = defineOperation({
  id: "listEvents",
  method: "GET",
  path: "/api/v1/events",
  tag: "Events",
  permission: "stock.view",
  summary: "The event feed for pollers: what happened after a cursor, oldest first, kept 30 days",
  description:
    "Poll with `after` = the `next` of the previous answer. Each event has an `id`, a `type` from the catalogue (/api/events/schema.json), `occurredAt`, and a `sequence` per `subject` (e.g. every stock.changed of one SKU): drop an id or sequence you have seen, and a sequence that skips means a missed event. The same events reach webhooks and NATS with the same ids.",
  query: eventFeedQuery,
  response: eventFeedPage,
});
