import { z } from "zod";
import { defineOperation } from "../contract/operation";
import { cancelAnswer, orderInput, orderQuery, orderView, returnInput, shipOrderInput } from "./schemas";

const orderId = z.object({ id: z.string().describe("The order's id") });

export const createOrderOp = defineOperation({
  id: "createOrder",
  method: "POST",
  path: "/api/v1/orders",
  tag: "Orders",
  permission: "stock.move",
  idempotency: "in-transaction",
  status: 201,
  summary:
    "Take a customer's order and allocate it: first expiring first, one site when one can ship it all, else split when allowed; the rest is backordered",
  description:
    "`reference` is unique per `channel`: sending the same order again answers the first (with `Idempotent-Replayed`). Backordered units are allocated by the app as stock arrives, oldest promised date first, and the order moves to `allocated` by itself. 422 names the line whose SKU is unknown.",
  body: orderInput,
  response: orderView,
});

export const listOrdersOp = defineOperation({
  id: "listOrders",
  method: "GET",
  path: "/api/v1/orders",
  tag: "Orders",
  permission: "stock.view",
  summary: "Orders at the caller's sites, newest first; `late=true` for those past their promised ship date",
  query: orderQuery,
  response: z.object({ data: z.array(orderView), next: z.string().nullable() }),
});

export const getOrderOp = defineOperation({
  id: "getOrder",
  method: "GET",
  path: "/api/v1/orders/{id}",
  tag: "Orders",
  permission: "stock.view",
  summary: "One order: lines (allocated, backordered, picked, packed, shipped), where its units are held, and its history",
  params: orderId,
  response: orderView,
  problems: ["not_found"],
});

export const cancelOrderOp = defineOperation({
  id: "cancelOrder",
  method: "POST",
  path: "/api/v1/orders/{id}/cancel",
  tag: "Orders",
  permission: "stock.move",
  idempotency: "in-transaction",
  summary: "Cancel an order before it ships: its units are released and `putBack` lists picked units waiting in staging",
  params: orderId,
  response: cancelAnswer,
  problems: ["not_found", "order_step_refused"],
});

export const shipOrderOp = defineOperation({
  id: "shipOrder",
  method: "POST",
  path: "/api/v1/orders/{id}/ship",
  tag: "Orders",
  permission: "stock.move",
  idempotency: "in-transaction",
  summary: "Ship an order whose units are all held: issues them to the customer from staging (or their bins) and keeps carrier and tracking number",
  description: "409 while units are backordered, while its pick list is open, or when the order is shipped or cancelled.",
  params: orderId,
  body: shipOrderInput,
  response: orderView,
  problems: ["not_found", "order_step_refused", "insufficient_stock", "serial_not_here"],
});

export const returnOrderOp = defineOperation({
  id: "returnOrder",
  method: "POST",
  path: "/api/v1/orders/{id}/returns",
  tag: "Orders",
  permission: "stock.move",
  idempotency: "in-transaction",
  status: 201,
  summary: "Record a return of shipped units: restock into a bin, hold in quarantine, or write off as damaged",
  description: "422 names the line that returns more than was shipped, an unknown SKU, or a restock bin that is not at the order's site.",
  params: orderId,
  body: returnInput,
  response: orderView,
  problems: ["not_found", "order_step_refused"],
});

// Kept beside its operation, at the end: lib/orders is being changed by others at the same time.
import { onTimeAnswer, onTimeQuery } from "./measure-on-time";

export const measureOnTimeOp = defineOperation({
  id: "measureOnTime",
  method: "GET",
  path: "/api/v1/orders/on-time",
  tag: "Orders",
  permission: "stock.view",
  summary: "On-time shipping per site and ISO week: the share of orders shipped by their promised ship date",
  description:
    "Each order with a promised ship date counts once, in the week it was due: shipped on or before that day is on time; shipped later, or not shipped once the day has passed, is late. Orders not yet due, cancelled, or without a promised date are left out.",
  query: onTimeQuery,
  response: onTimeAnswer,
});
