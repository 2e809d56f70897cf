import { z } from "zod";
import { defineOperation } from "../contract/operation";
import {
  confirmInput,
  draftScheduleInput,
  draftScheduleView,
  purchaseOrderInput,
  purchaseOrderQuery,
  purchaseOrderSummary,
  purchaseOrderView,
  purchaseReceiptInput,
  sendPurchaseOrderInput,
  shippingNoticeInput,
  stepNote,
  suggestionsQuery,
  suggestionsView,
} from "./schemas";

const orderId = z.object({ id: z.string().describe("The purchase order's id") });
const HIDDEN = "404 for an order the caller may not see: another site's, or for a supplier's key another supplier's or one not sent yet.";

export const createPurchaseOrderOp = defineOperation({
  id: "createPurchaseOrder",
  method: "POST",
  path: "/api/v1/purchase-orders",
  tag: "Purchasing",
  permission: "purchasing.manage",
  status: 201,
  summary: "Draft a purchase order to a supplier for one site (purchasing.manage at the site)",
  description:
    "One line per SKU, quantities in the item's unit. Each line must be an item the supplier supplies (422 naming the line). A line without `unitCost` takes the supplier's price break for its quantity (the highest `minQty` reached), else the supplier's unit cost for the item. The total is exact, in the supplier's currency.",
  body: purchaseOrderInput,
  response: purchaseOrderView,
});

export const listPurchaseOrdersOp = defineOperation({
  id: "listPurchaseOrders",
  method: "GET",
  path: "/api/v1/purchase-orders",
  tag: "Purchasing",
  permission: "purchasing.view",
  summary: "Purchase orders the caller may see, newest first",
  description: "A supplier's key sees its own supplier's orders once they were sent, nothing else. `sscc` finds the order a pallet belongs to.",
  query: purchaseOrderQuery,
  response: z.object({ data: z.array(purchaseOrderSummary) }),
});

export const getPurchaseOrderOp = defineOperation({
  id: "getPurchaseOrder",
  method: "GET",
  path: "/api/v1/purchase-orders/{id}",
  tag: "Purchasing",
  permission: "purchasing.view",
  summary: "A purchase order: lines (ordered, received, damaged, outstanding, confirmed), history and shipping notices",
  description: HIDDEN,
  params: orderId,
  response: purchaseOrderView,
  problems: ["not_found"],
});

export const downloadPurchaseOrderCsvOp = defineOperation({
  id: "downloadPurchaseOrderCsv",
  method: "GET",
  path: "/api/v1/purchase-orders/{id}/order.csv",
  tag: "Purchasing",
  permission: "purchasing.view",
  summary: "The purchase order as CSV, one row per line, to send to the supplier",
  description: HIDDEN,
  params: orderId,
  response: z.string().describe("The order as text/csv"),
  contentType: "text/csv",
  problems: ["not_found"],
});

export const printPurchaseOrderOp = defineOperation({
  id: "printPurchaseOrder",
  method: "GET",
  path: "/api/v1/purchase-orders/{id}/order.pdf",
  tag: "Purchasing",
  permission: "purchasing.view",
  summary: "The purchase order as a printable A4 PDF, to send to the supplier",
  description: HIDDEN,
  params: orderId,
  response: z.string().describe("The document as application/pdf"),
  fileTypes: ["application/pdf"],
  problems: ["not_found"],
});

const step = <Body extends z.ZodType = typeof stepNote>(
  id: string,
  path: string,
  summary: string,
  description: string,
  permission: "purchasing.manage" | "purchasing.supply" = "purchasing.manage",
  body?: Body,
) =>
  defineOperation({
    id,
    method: "POST",
    path: `/api/v1/purchase-orders/{id}/${path}`,
    tag: "Purchasing",
    permission,
    idempotency: "in-transaction",
    summary,
    description: `${description} ${HIDDEN}`,
    params: orderId,
    body: (body ?? stepNote) as Body,
    response: purchaseOrderView,
    problems: ["not_found", "purchase_order_wrong_status"],
  });

export const approvePurchaseOrderOp = step(
  "approvePurchaseOrder",
  "approve",
  "Approve a draft purchase order (managers; above the approval limit, admins only)",
  "An order worth more than the installation's purchase approval limit (default 10,000, in the order's currency) needs an admin: a manager gets 403. 409 unless a draft.",
);
export const sendPurchaseOrderOp = step(
  "sendPurchaseOrder",
  "send",
  "Send an approved purchase order to the supplier: by e-mail (its PDF), to the supplier's order webhook (JSON), or only mark it sent",
  "`via: \"email\"` mails the printable PDF (order.pdf) to `to` or the supplier's e-mail (422 on `via` when mail is not set up, SMTP_URL; on `to` when there is no address). `via: \"webhook\"` POSTs the order, as GET /purchase-orders/{id} answers it (history without who or notes), to the supplier's `orderWebhookUrl`, signed with its `orderWebhookSecret` like webhooks (Standard Webhooks: webhook-id is the order's id); 422 on `via` when it has none; 10 s timeout, redirects not followed. `via: \"manual\"` only marks it sent: you send the PDF, the CSV (order.csv) or the JSON yourself. Left out, `via` is email when `to` is given, or when the supplier has an e-mail address and mail is set up; else manual (as before `via` existed). When the mail server or the webhook refuses (non-2xx) or does not answer: 502 `purchase_order_not_delivered` and the order stays approved. The history entry's detail says how: `{ via, to }` (the address, or the webhook URL's host). From now on the supplier's key sees it and webhooks hear purchaseOrder.sent. 409 unless approved.",
  "purchasing.manage",
  sendPurchaseOrderInput,
);
export const cancelPurchaseOrderOp = step(
  "cancelPurchaseOrder",
  "cancel",
  "Cancel a purchase order nothing was received against (draft, approved or sent)",
  "Once goods arrived, close it instead. 409 otherwise.",
);
export const closePurchaseOrderOp = step(
  "closePurchaseOrder",
  "close",
  "Close a sent or (partly) received purchase order: what is outstanding will not come",
  "The history records what was short. 409 from draft, approved, cancelled or closed.",
);

export const confirmPurchaseOrderOp = defineOperation({
  id: "confirmPurchaseOrder",
  method: "POST",
  path: "/api/v1/purchase-orders/{id}/confirm",
  tag: "Purchasing",
  permission: "purchasing.supply",
  idempotency: "in-transaction",
  summary: "The supplier confirms, per line, the quantity it will deliver and when",
  description: `For a supplier's key (or a buyer recording the supplier's answer). Lines must be on the order (422). 409 unless sent or partly received. ${HIDDEN}`,
  params: orderId,
  body: confirmInput,
  response: purchaseOrderView,
  problems: ["not_found", "purchase_order_wrong_status"],
});

export const recordShippingNoticeOp = defineOperation({
  id: "recordShippingNotice",
  method: "POST",
  path: "/api/v1/purchase-orders/{id}/asn",
  tag: "Purchasing",
  permission: "purchasing.supply",
  idempotency: "in-transaction",
  summary: "The supplier's advance shipping notice: what it shipped, on which pallet (SSCC)",
  description: `Receiving by the SSCC then receives everything on the notice at once. The SSCC must have a valid check digit (422) and be on no other notice (409). 409 unless sent or partly received. ${HIDDEN}`,
  params: orderId,
  body: shippingNoticeInput,
  response: purchaseOrderView,
  problems: ["not_found", "purchase_order_wrong_status", "shipment_conflict"],
});

export const receivePurchaseOrderOp = defineOperation({
  id: "receivePurchaseOrder",
  method: "POST",
  path: "/api/v1/purchase-orders/{id}/receive",
  tag: "Purchasing",
  permission: "stock.move",
  idempotency: "in-transaction",
  summary: "Receive goods against a purchase order, by line or by the SSCC of a shipping notice",
  description: `Good units are posted as ledger receipts into \`to\` at the line's unit cost; \`damaged\` units go to the site's quarantine location. Serial-tracked lines list every unit's serial, good units first. More than a line still owes needs purchasing.overReceive (managers, admins): otherwise 422 with the quantities. The order becomes partially_received or received by itself. Needs stock.move at the order's site; 409 unless sent or (partly) received, or when the SSCC's shipment was received already. ${HIDDEN}`,
  params: orderId,
  body: purchaseReceiptInput,
  response: purchaseOrderView,
  problems: ["not_found", "purchase_order_wrong_status", "shipment_conflict", "insufficient_stock"],
});

export const suggestPurchasesOp = defineOperation({
  id: "suggestPurchases",
  method: "GET",
  path: "/api/v1/purchase-orders/suggestions",
  tag: "Purchasing",
  permission: "purchasing.manage",
  summary: "What to order for a site, per supplier: items at or below their reorder point, in whole packs and at least the MOQ",
  description:
    "An item is suggested when available + on order (open purchase orders, drafts included) ≤ its reorder point at the site. The quantity brings it back above the reorder point plus the demand expected over the lead time (the forecast's, where the forecast set the site's reorder point: its reorder point less its safety stock; else the last 90 days' sales per day × lead time), at least the reorder quantity, rounded up to whole packs and to the minimum order quantity. `reason` says so in words. Turn a supplier's lines into a draft with POST /api/v1/purchase-orders.",
  query: suggestionsQuery,
  response: suggestionsView,
});

export const getDraftScheduleOp = defineOperation({
  id: "getPurchaseDraftSchedule",
  method: "GET",
  path: "/api/v1/purchase-orders/suggestions/schedule",
  tag: "Purchasing",
  permission: "purchasing.view",
  summary: "Whether a site's purchase suggestions become draft orders by themselves, and what the last run drafted",
  query: suggestionsQuery,
  response: draftScheduleView,
});

export const setDraftScheduleOp = defineOperation({
  id: "setPurchaseDraftSchedule",
  method: "PUT",
  path: "/api/v1/purchase-orders/suggestions/schedule",
  tag: "Purchasing",
  permission: "purchasing.manage",
  summary: "Turn on (daily or weekly) or off the drafting of a site's purchase suggestions by themselves",
  description:
    "Daily: every day once it is 06:00 in the site's time zone; weekly: once per ISO week from Monday 06:00. Each run drafts one order per supplier of GET …/suggestions, named `purchase schedule` in its history, for a buyer to approve; open drafts count as on order, so a later run adds only what is still missing. One run per site and period however many app processes serve.",
  body: draftScheduleInput,
  response: draftScheduleView,
});
