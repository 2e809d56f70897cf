import { querySupplierPerformance } from "../purchasing/measure-supplier-performance";
import { defineReport, periodFilters, siteFilterField } from "./report";

/**
 * Supplier performance (issue 15): one row per supplier with purchase orders sent in the period, at the site asked
 * for or the caller's sites; the figures are those of the supplier page (lib/purchasing/measure-supplier-performance.ts).
 */
export const supplierPerformanceReport = defineReport({
  name: "supplier-performance",
  title: "Supplier performance",
  description: "Per supplier, for purchase orders sent in the period: promised against actual lead time, fill rate, on-time rate and damaged units.",
  emptyText:
    "No purchase orders were sent to a supplier in this period. Choose an earlier From date or another site; orders count here once they are sent.",
  permission: "reports.view",
  filters: periodFilters({ site: siteFilterField }),
  columns: [
    { key: "supplier", label: "Supplier", type: "text" },
    { key: "name", label: "Name", type: "text" },
    { key: "orders", label: "Orders", type: "integer", description: "Sent in the period and not cancelled" },
    { key: "lines", label: "Lines", type: "integer" },
    { key: "promisedLeadTimeDays", label: "Promised lead time (days)", type: "decimal", description: "Mean, sending to the latest promised date" },
    { key: "actualLeadTimeDays", label: "Actual lead time (days)", type: "decimal", description: "Mean, sending to the last receipt" },
    { key: "fillRate", label: "Fill rate", type: "percent", description: "Good units of the units ordered, finished orders" },
    { key: "onTimeRate", label: "On-time rate", type: "percent", description: "Finished orders received by their due date" },
    { key: "damagedUnits", label: "Damaged units", type: "integer" },
    { key: "damagedRate", label: "Damaged rate", type: "percent", description: "Damaged of the units that arrived" },
  ],
  async run(db, _actor, filters, sites) {
    const rows = await querySupplierPerformance(db, { siteIds: sites, from: filters.from, to: filters.to });
    return { rows };
  },
});
