import { z } from "zod";
import { defineOperation } from "../contract/operation";
import { countQuery, countScansInput, countStartInput, countSubmission, countSubmitInput, countSummary, countView } from "./schemas";

const countId = z.object({ id: z.string().describe("The count's id") });

export const startCountOp = defineOperation({
  id: "startCount",
  method: "POST",
  path: "/api/v1/counts",
  tag: "Counting",
  permission: "stock.count",
  status: 201,
  summary: "Start counting a bin, or every bin under a zone",
  description: "409 when the location already has an open count; the problem's `countId` names it.",
  body: countStartInput,
  response: countView,
  problems: ["count_already_open"],
});

export const listCountsOp = defineOperation({
  id: "listCounts",
  method: "GET",
  path: "/api/v1/counts",
  tag: "Counting",
  permission: "stock.view",
  summary: "Counts at the caller's sites, newest first",
  query: countQuery,
  response: z.object({ data: z.array(countSummary) }),
});

export const getCountOp = defineOperation({
  id: "getCount",
  method: "GET",
  path: "/api/v1/counts/{id}",
  tag: "Counting",
  permission: "stock.view",
  summary: "A count: expected (the ledger now) against counted (its scans) per bin, item and lot, with what is missing and unexpected",
  params: countId,
  response: countView,
  problems: ["not_found"],
});

export const addCountScansOp = defineOperation({
  id: "addCountScans",
  method: "POST",
  path: "/api/v1/counts/{id}/scans",
  tag: "Counting",
  permission: "stock.count",
  summary: "Add scans to an open count; a serial already counted is not counted again",
  description: "All or none: a refused scan is named as `scans.N.field` (422).",
  params: countId,
  body: countScansInput,
  response: countView,
  problems: ["not_found", "count_not_open"],
});

export const submitCountOp = defineOperation({
  id: "submitCount",
  method: "POST",
  path: "/api/v1/counts/{id}/submit",
  tag: "Counting",
  permission: "stock.count",
  idempotency: "in-transaction",
  summary: "Add the last scans and post a count movement for every bin, item and lot whose count differs",
  description: "Atomic: when the posting is refused nothing changes and the count stays open.",
  params: countId,
  body: countSubmitInput,
  response: countSubmission,
  problems: ["not_found", "count_not_open", "count_changed", "insufficient_stock"],
});

export const cancelCountOp = defineOperation({
  id: "cancelCount",
  method: "POST",
  path: "/api/v1/counts/{id}/cancel",
  tag: "Counting",
  permission: "stock.count",
  summary: "Abandon an open count; nothing is posted",
  params: countId,
  response: countView,
  problems: ["not_found", "count_not_open"],
});
