import { z } from "zod";
import { defineOperation } from "../contract/operation";
import { acknowledgedAlert, acknowledgeInput, alertQuery, alertView } from "./schemas";

export const listAlertsOp = defineOperation({
  id: "listAlerts",
  method: "GET",
  path: "/api/v1/alerts",
  tag: "Alerts",
  permission: "stock.view",
  summary: "Alerts at the caller's sites, newest first: active ones (open or acknowledged) unless `state` says otherwise",
  description:
    "Kinds: `low_stock` (available ≤ reorder point), `stockout` (none available with demand or open orders), `overstock` (on hand > max), `expiring` (a lot with stock expires within the site's horizon, 30 days by default), `expired`, `count_overdue`, `quarantine_aged`, `bin_over_capacity`. One alert is active per condition; it resolves by itself when the condition clears.",
  query: alertQuery,
  response: z.object({ data: z.array(alertView), next: z.string().nullable() }),
});

export const acknowledgeAlertOp = defineOperation({
  id: "acknowledgeAlert",
  method: "POST",
  path: "/api/v1/alerts/{id}/acknowledge",
  tag: "Alerts",
  permission: "alerts.acknowledge",
  idempotency: "in-transaction",
  summary: "Say an alert has been seen (and what is being done): it stays active until its condition clears",
  description: "409 `alert_resolved` when the alert has already resolved by itself.",
  params: z.object({ id: z.string().describe("The alert's id") }),
  body: acknowledgeInput,
  response: acknowledgedAlert,
  problems: ["not_found", "alert_resolved"],
});
