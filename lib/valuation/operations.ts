import { defineOperation } from "../contract/operation";
import { landedCostInput, landedCostView } from "./add-landed-cost";
import { closedPeriods, closePeriodInput, reconciliationAnswer, reconciliationQuery, valuationAnswer, valuationQuery } from "./schemas";

export const getValuationOp = defineOperation({
  id: "getValuation",
  method: "GET",
  path: "/api/v1/valuation",
  tag: "Valuation",
  permission: "reports.view",
  summary: "What the stock was worth at any instant, per item × site, from the values the ledger recorded",
  description:
    "Movements count by when they happened (occurredAt). Values are exact decimals with 4 places; rounding and methods are in docs/valuation.md. Rows from the caller's sites only.",
  query: valuationQuery,
  response: valuationAnswer,
});

export const getValuationReconciliationOp = defineOperation({
  id: "getValuationReconciliation",
  method: "GET",
  path: "/api/v1/valuation/reconciliation",
  tag: "Valuation",
  permission: "reports.view",
  summary: "Opening value + receipts − cost of goods sold + adjustments + transfers = closing value, over a period",
  query: reconciliationQuery,
  response: reconciliationAnswer,
});

export const listClosedPeriodsOp = defineOperation({
  id: "listClosedPeriods",
  method: "GET",
  path: "/api/v1/valuation/periods",
  tag: "Valuation",
  permission: "reports.view",
  summary: "The months closed for posting",
  response: closedPeriods,
});

export const closePeriodOp = defineOperation({
  id: "closePeriod",
  method: "POST",
  path: "/api/v1/valuation/periods",
  tag: "Valuation",
  permission: "valuation.close",
  status: 200,
  summary: "Close a month: afterwards no movement may be posted with an occurredAt in it or before it",
  description: "Managers and admins. Closing an already closed month changes nothing. A month that has not ended is 422.",
  body: closePeriodInput,
  response: closedPeriods,
});

export const addLandedCostOp = defineOperation({
  id: "addLandedCost",
  method: "POST",
  path: "/api/v1/landed-costs",
  tag: "Valuation",
  permission: "purchasing.manage",
  status: 201,
  idempotency: "in-transaction",
  summary: "Add freight, duty or handling to a receipt, also after its goods came (or went): split over its lines by value, quantity or weight",
  description:
    "Each line's share goes into the cost layer that line made: the part for its units still on hand into stock, the rest to cost of goods sold; at standard cost the whole share is a purchase price variance. 404 for no such receipt; 422 for a posting that received nothing from a supplier.",
  body: landedCostInput,
  response: landedCostView,
  problems: ["not_found"],
});
