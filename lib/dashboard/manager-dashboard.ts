import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import { countActiveAlerts } from "../alerts/list-alerts";
import { ALERT_KINDS } from "../alerts/alert-kinds";
import type { Db } from "../db/client";
import { ValidationFailed } from "../domain-error";
import { abcXyzReport, abcXyzTotals } from "../reports/abc-xyz";
import { runWholeReport, sitesOf } from "../reports/run-report";
import { abcXyzCells, deadStock, expiring, shrinkage, topMovers, unitsIssued } from "./report-tiles";
import { managerDashboardFilters, type ManagerDashboard } from "./schemas";
import { averageValue, fillRate, onHandByDay, round, stockoutsRaised, valueByDay } from "./stock-figures";

/** Lots expiring within this many days of the period's end make the expiring tile (the expiring report's default). */
const EXPIRING_WITHIN_DAYS = 30;
const PERMISSION = "reports.view";

export type ManagerDashboardQuery = { site?: string; from?: string; to?: string };

/**
 * The manager's dashboard: every tile's numbers for the actor's sites (or the one site asked for) over a period.
 * The tiles a report answers come from that report (lib/reports, through runWholeReport, so its rules and its site
 * checks hold here too; ABC × XYZ from the report's own query summed, over the sites checked here as runReport
 * checks them); the rest are one grouped statement each, all run together. Turnover is in units and in
 * value (cost of goods sold ÷ the mean of the day-end values of `inventoryValue`).
 * `today` stands in for the current day in tests (what is overdue for the fill rate).
 */
export async function getManagerDashboard(
  db: Db,
  actor: Actor,
  query: ManagerDashboardQuery,
  options: { today?: string } = {},
): Promise<ManagerDashboard> {
  authorize(actor, PERMISSION);
  const parsed = managerDashboardFilters.safeParse(query);
  if (!parsed.success) throw new ValidationFailed(parsed.error.issues.map((i) => ({ field: i.path.join("."), message: i.message })));
  const filters = parsed.data;
  const sites = await sitesOf(db, actor, PERMISSION, filters.site);
  // The alert counts are the actor's own function, run as the actor narrowed to the sites in view.
  const inView: Actor = sites === "all" ? actor : { ...actor, sites };
  const reportQuery = { from: filters.from, to: filters.to, ...(filters.site ? { site: filters.site } : {}) };
  const today = options.today ?? new Date().toISOString().slice(0, 10);

  const [abcXyz, dead, shrunk, expiringLots, onHand, value, fill, stockouts, alerts] = await Promise.all([
    // ABC × XYZ summed in its own query: its 400,000 lines over the benchmark's catalogue stay in PostgreSQL.
    abcXyzTotals(db, abcXyzReport.filters.parse(reportQuery), sites),
    // Every row, also of a report that answers a page at a time elsewhere: the tiles add them all up.
    runWholeReport(db, actor, "dead-stock", reportQuery),
    runWholeReport(db, actor, "shrinkage", reportQuery),
    runWholeReport(db, actor, "expiring", { ...reportQuery, withinDays: String(EXPIRING_WITHIN_DAYS) }),
    onHandByDay(db, filters, sites),
    valueByDay(db, filters, sites),
    fillRate(db, filters, sites, today),
    stockoutsRaised(db, filters, sites),
    countActiveAlerts(db, inView),
  ]);

  const issued = unitsIssued(abcXyz.cells);
  const averageOnHand = onHand.length === 0 ? 0 : onHand.reduce((sum, d) => sum + d.units, 0) / onHand.length;
  const turns = averageOnHand > 0 ? issued / averageOnHand : null;
  const meanValue = averageValue(value.series);
  const valueTurns = Number(meanValue) > 0 ? round(Number(value.cogs) / Number(meanValue), 2) : null;
  return {
    filters: { from: filters.from, to: filters.to, ...(filters.site ? { site: filters.site } : {}) },
    days: onHand.length,
    onHand,
    inventoryValue: value.series,
    turnover: {
      unitsIssued: issued,
      averageOnHand: round(averageOnHand, 2),
      turns: turns === null ? null : round(turns, 2),
      daysOfInventory: turns ? round(onHand.length / turns, 1) : null,
      cogs: value.cogs,
      averageValue: meanValue,
      valueTurns,
    },
    stockouts: { ...stockouts, open: alerts.byKind.stockout ?? 0 },
    fillRate: fill,
    topMovers: topMovers(abcXyz.topItems),
    deadStock: deadStock(dead.data),
    shrinkage: shrinkage(shrunk.data),
    expiring: expiring(
      expiringLots.data,
      EXPIRING_WITHIN_DAYS,
      expiringLots.columns.map((c) => c.key),
    ),
    abcXyz: abcXyzCells(abcXyz.cells),
    alerts: {
      total: alerts.total,
      byKind: ALERT_KINDS.filter((kind) => alerts.byKind[kind]).map((kind) => ({ kind, count: alerts.byKind[kind] ?? 0 })),
    },
  };
}
