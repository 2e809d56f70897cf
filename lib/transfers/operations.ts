import { z } from "zod";
import { defineOperation } from "../contract/operation";
import { receiveInput, shipInput, transferInput, transferQuery, transferSummary, transferView } from "./schemas";

const transferId = z.object({ id: z.string().describe("The transfer's id") });

const APPROVAL =
  "A transfer whose value (Σ line quantity × the item's preferred supplier unit cost, fixed when drafted) is above STOCKROOM_TRANSFER_APPROVAL_LIMIT (default 1000) must be approved by a manager (stock.approve at the source site) before it ships; below or at the limit it may ship straight from draft.";

export const createTransferOp = defineOperation({
  id: "createTransfer",
  method: "POST",
  path: "/api/v1/transfers",
  tag: "Transfers",
  permission: "stock.move",
  status: 201,
  summary: "Draft a transfer of stock from one site to another (stock.move at the source site)",
  description: `One line per SKU; serial-tracked items list their serials. Nothing moves until it ships, but the units are held at the source site from now on (no reservation, order or issue can take them) until the transfer ships or is cancelled; 409 not_enough_available with \`available\` when a line asks for more than is available there. ${APPROVAL}`,
  body: transferInput,
  problems: ["not_enough_available"],
  response: transferView,
});

export const listTransfersOp = defineOperation({
  id: "listTransfers",
  method: "GET",
  path: "/api/v1/transfers",
  tag: "Transfers",
  permission: "stock.view",
  summary: "Transfers from or to the caller's sites, newest first",
  query: transferQuery,
  response: z.object({ data: z.array(transferSummary) }),
});

export const getTransferOp = defineOperation({
  id: "getTransfer",
  method: "GET",
  path: "/api/v1/transfers/{id}",
  tag: "Transfers",
  permission: "stock.view",
  summary: "A transfer: its lines (shipped, received, damaged, short, over), discrepancies, and every step with the movements it posted",
  params: transferId,
  response: transferView,
  problems: ["not_found"],
});

export const approveTransferOp = defineOperation({
  id: "approveTransfer",
  method: "POST",
  path: "/api/v1/transfers/{id}/approve",
  tag: "Transfers",
  permission: "stock.approve",
  idempotency: "in-transaction",
  summary: "Approve a draft transfer (managers, at the source site)",
  description: `${APPROVAL} 403 for whoever drafted it (the same user or API key): approval is a second pair of eyes. 409 unless the transfer is a draft.`,
  params: transferId,
  response: transferView,
  problems: ["not_found", "transfer_wrong_status"],
});

export const shipTransferOp = defineOperation({
  id: "shipTransfer",
  method: "POST",
  path: "/api/v1/transfers/{id}/ship",
  tag: "Transfers",
  permission: "stock.move",
  idempotency: "in-transaction",
  summary: "Ship a transfer: its units move from the source bins to the source site's in-transit location",
  description: `The units leave from the bins that held them since the transfer was drafted, and the hold ends. A bin may be named per line instead (the line's hold is given back first, so its units count there). 409 when the transfer is not approved (or a draft that needs no approval), when it still needs approval, or when a named bin holds too little. ${APPROVAL}`,
  params: transferId,
  body: shipInput,
  response: transferView,
  problems: ["not_found", "transfer_wrong_status", "transfer_needs_approval", "insufficient_stock", "serial_not_here"],
});

export const receiveTransferOp = defineOperation({
  id: "receiveTransfer",
  method: "POST",
  path: "/api/v1/transfers/{id}/receive",
  tag: "Transfers",
  permission: "stock.move",
  idempotency: "in-transaction",
  summary: "Receive (part of) a transfer at the destination; with close, post what never arrived as short",
  description:
    "`quantity` good units go from in transit into `to`; `damaged` units to the destination's damage location; good units beyond what is still in transit are recorded as over and posted from the destination's loss location (reason found). `close: true` then posts whatever is still in transit to the source's loss location as short and closes the transfer. Needs stock.move at the destination site; 409 unless shipped or receiving.",
  params: transferId,
  body: receiveInput,
  response: transferView,
  problems: ["not_found", "transfer_wrong_status", "insufficient_stock", "serial_not_here"],
});

export const cancelTransferOp = defineOperation({
  id: "cancelTransfer",
  method: "POST",
  path: "/api/v1/transfers/{id}/cancel",
  tag: "Transfers",
  permission: "stock.move",
  idempotency: "in-transaction",
  summary: "Cancel a transfer that has not shipped (draft or approved)",
  description: "The units its lines held are available again.",
  params: transferId,
  response: transferView,
  problems: ["not_found", "transfer_wrong_status"],
});
