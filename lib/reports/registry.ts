import type { Actor } from "../auth/actor";
import { can } from "../auth/can";
import type { Report, ReportFilters } from "./report";
import { abcXyzReport } from "./abc-xyz";
import { ageingReport } from "./ageing";
import { countAccuracyReport } from "./count-accuracy";
import { deadStockReport } from "./dead-stock";
import { expiringReport } from "./expiring";
import { movementsReport } from "./movements";
import { shrinkageReport } from "./shrinkage";
import { stockOnHandReport } from "./stock-on-hand";
import { supplierPerformanceReport } from "./supplier-performance";
import { transferDiscrepanciesReport } from "./transfer-discrepancies";
import { turnoverReport } from "./turnover";
import { valuationReport } from "./valuation";

/** Every report, by the name in its URL (/api/v1/reports/{name}, /reports/{name}). A new report is added here. */
export const REPORTS: readonly Report<ReportFilters>[] = [
  stockOnHandReport,
  movementsReport,
  supplierPerformanceReport,
  shrinkageReport,
  deadStockReport,
  transferDiscrepanciesReport,
  countAccuracyReport,
  expiringReport,
  abcXyzReport,
  valuationReport,
  ageingReport,
  turnoverReport,
];

export function findReport(name: string): Report<ReportFilters> | undefined {
  return REPORTS.find((r) => r.name === name);
}

/** The reports the actor may run. */
export function reportsFor(actor: Actor): Report<ReportFilters>[] {
  return REPORTS.filter((r) => can(actor, r.permission));
}
