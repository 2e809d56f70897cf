import { z } from "zod";
import { defineOperation } from "../contract/operation";

export const eventsOp = defineOperation({
  id: "streamEvents",
  method: "GET",
  path: "/api/v1/events/stream",
  tag: "Stock",
  permission: "stock.view",
  contentType: "text/event-stream",
  summary: "Server-sent events: a hint each time stock moves at your sites",
  description:
    "Each `stock.moved` event's data is `{id, type, siteId, skus, locations}`. Hints for live screens, polled from the outbox once a second; not a delivery guarantee.",
  response: z.string().describe("An event stream (text/event-stream)"),
});
