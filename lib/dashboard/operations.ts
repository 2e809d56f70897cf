import { defineOperation } from "../contract/operation";
import { managerDashboard, managerDashboardQuery } from "./schemas";

export const getManagerDashboardOp = defineOperation({
  id: "getManagerDashboard",
  method: "GET",
  path: "/api/v1/dashboard",
  tag: "Reports",
  permission: "reports.view",
  summary: "The manager's dashboard: turnover, stockouts and fill rate, movers, dead stock, shrinkage, expiring lots, ABC × XYZ, alerts",
  description:
    "The numbers behind each tile of /dashboard, for the caller's sites or the one site asked for, over a period of UTC days (90 up to today by default). " +
    "Turnover is in units: units issued to customers ÷ the mean of the units on hand at the end of each day; days of inventory = days ÷ turns. " +
    "Fill rate: units shipped on orders that left by their promised ship date ÷ units on the orders due in the period. " +
    "The tiles a report also answers (dead-stock, shrinkage, expiring, abc-xyz) carry that report's numbers.",
  query: managerDashboardQuery,
  response: managerDashboard,
});
