import { onTimeAnswer, onTimeQuery } from "./measure-on-time";
import { z } from "zod";
import { defineOperation } from "../contract/operation";
import { routedPickList } from "../picking/schemas";
import {
  cancelAnswer,
  closePackageInput,
  orderInput,
  orderQuery,
  orderView,
  packageItemInput,
  packingAnswer,
  returnInput,
  shipOrderInput,
} from "./schemas";

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

const packageParams = z.object({
  id: z.string().describe("The order's id"),
  n: z.coerce.number().int().min(1).max(10_000).describe("The package's number within the order (1, 2, 3…)"),
});
const pdfFile = z.string().describe("The document as application/pdf");

export const openOrderPickListOp = defineOperation({
  id: "openOrderPickList",
  method: "POST",
  path: "/api/v1/orders/{id}/pick-list",
  tag: "Orders",
  permission: "stock.move",
  idempotency: "in-transaction",
  status: 201,
  summary: "Open the routed pick list of an allocated order: its lines are the order's held units, in walking order",
  description:
    "Nothing is held again: each line picks one of the order's allocations. Confirming a line (`/api/v1/pick-lists/{id}/confirm` or `/picks`, also from the scan screen) moves the units and their hold to the site's staging location; the order becomes `picking`, then `picked` when every unit is in staging. 409 for an order that is not `allocated` (backordered, already picking, shipped, cancelled) or held at several sites; 403 for an order of a site the caller may not pick at.",
  params: orderId,
  response: routedPickList,
  problems: ["not_found", "order_step_refused"],
});

export const openPackageOp = defineOperation({
  id: "openPackage",
  method: "POST",
  path: "/api/v1/orders/{id}/packages",
  tag: "Orders",
  permission: "stock.move",
  idempotency: "in-transaction",
  status: 201,
  summary: "Open the next package of a picked order, to scan units into",
  params: orderId,
  response: packingAnswer,
  problems: ["not_found", "order_step_refused"],
});

export const addToPackageOp = defineOperation({
  id: "addToPackage",
  method: "POST",
  path: "/api/v1/orders/{id}/packages/{n}/items",
  tag: "Orders",
  permission: "stock.move",
  idempotency: "in-transaction",
  summary: "Put scanned units into an open package (one scan, one unit unless `quantity` says more)",
  description:
    "`code` is resolved as the scan screen resolves it (GTIN or GS1 code, SKU, alias barcode, serial). 422 with `code` `wrong_item` when the item is not on the order, `too_many` when more would be packed than was picked, `unknown_code` when the scan names no item — `errors` names the field. Send an Idempotency-Key per scan: a retried scan is then not packed twice.",
  params: packageParams,
  body: packageItemInput,
  response: packingAnswer,
  problems: ["not_found", "order_step_refused", "package_not_open"],
});

export const closePackageOp = defineOperation({
  id: "closePackage",
  method: "POST",
  path: "/api/v1/orders/{id}/packages/{n}/close",
  tag: "Orders",
  permission: "stock.move",
  idempotency: "in-transaction",
  summary: "Close a package with its weight and dimensions; the order becomes `packed` when every unit is in a closed package",
  params: packageParams,
  body: closePackageInput,
  response: packingAnswer,
  problems: ["not_found", "order_step_refused", "package_not_open"],
});

export const printPackingSlipOp = defineOperation({
  id: "printPackingSlip",
  method: "GET",
  path: "/api/v1/orders/{id}/packing-slip.pdf",
  tag: "Orders",
  permission: "stock.view",
  summary: "The order's packing slip (A4 PDF): ship-from, ship-to, lines and what each package holds",
  params: orderId,
  response: pdfFile,
  fileTypes: ["application/pdf"],
  problems: ["not_found"],
});

export const printShippingLabelOp = defineOperation({
  id: "printShippingLabel",
  method: "GET",
  path: "/api/v1/orders/{id}/packages/{n}/label.pdf",
  tag: "Orders",
  permission: "stock.view",
  summary: "A closed package's shipping label (4×6 in PDF) with a Code 128 of `<order>-<n>`",
  description: "409 while the package is open: it has no weight yet.",
  params: packageParams,
  response: pdfFile,
  fileTypes: ["application/pdf"],
  problems: ["not_found", "package_not_open"],
});

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
