import { z } from "zod";
import { ALERT_KINDS } from "../alerts/alert-kinds";
import { isoDay, periodFilters, siteFilterField } from "../reports/report";

/** The manager's dashboard takes the reports' own period and site filters, defaults included (90 days up to today). */
export const managerDashboardFilters = periodFilters({ site: siteFilterField });
export type ManagerDashboardFilters = z.output<typeof managerDashboardFilters>;

export const managerDashboardQuery = z.object({
  from: isoDay.optional().describe("First day counted (UTC, YYYY-MM-DD); 90 days up to `to` when left out"),
  to: isoDay.optional().describe("Last day counted (UTC, YYYY-MM-DD); today when left out"),
  site: siteFilterField.describe("Only this site (its code); every site of the caller when left out. A site outside the caller's scope is 403"),
});

const count = z.number().int();
const ratio = (description: string) => z.number().nullable().describe(description);
const topItem = { sku: z.string(), name: z.string() };

export const managerDashboard = z
  .object({
    filters: z.object({ from: z.string(), to: z.string(), site: z.string().optional() }).describe("The filters used, defaults filled in"),
    days: count.describe("Days in the period, both ends included"),
    onHand: z.array(z.object({ day: z.string(), units: count })).describe("Units on hand in physical stock at the end of each day of the period"),
    inventoryValue: z
      .array(z.object({ day: z.string(), value: z.string().describe("Exact decimal") }))
      .nullable()
      .describe("Value on hand at the end of each day (valuation as of that day: MovementValue and revaluations by when they happened)"),
    turnover: z.object({
      unitsIssued: count.describe("Units that left to customers in the period, less reversals (the ABC × XYZ report's demand)"),
      averageOnHand: z.number().describe("Mean of `onHand` over the period's days"),
      turns: ratio("unitsIssued ÷ averageOnHand, 2 decimals; null when nothing was on hand"),
      daysOfInventory: ratio("days ÷ turns, 1 decimal; null when nothing was issued"),
      cogs: z.string().describe("Cost of goods sold in the period, exact decimal (the turnover report's)"),
      averageValue: z.string().describe("Mean of `inventoryValue` over the period's days, exact decimal to 4 places"),
      valueTurns: ratio("cogs ÷ averageValue, 2 decimals; null when nothing was worth anything on hand"),
    }),
    stockouts: z.object({
      raised: count.describe("Stockout alerts raised in the period"),
      items: count.describe("Distinct item × site pairs among them"),
      open: count.describe("Stockout alerts active now (open or acknowledged)"),
    }),
    fillRate: z.object({
      orders: count.describe("Orders with a promised ship date in the period, shipped or past that date, not cancelled"),
      ordersFilled: count.describe("Of those, shipped complete on or before the promised date"),
      unitsOrdered: count,
      unitsFilled: count.describe("Units shipped on orders that left on or before their promised date"),
      rate: ratio("unitsFilled ÷ unitsOrdered, 0..1; null when no order was due"),
    }),
    topMovers: z.array(z.object({ ...topItem, units: count })).describe("The 10 items most issued to customers in the period"),
    deadStock: z.object({
      dead: count.describe("Item × site rows with stock that nothing left to customers in the period"),
      slow: count,
      deadUnits: count,
      top: z.array(z.object({ ...topItem, site: z.string(), onHand: count, lastIssuedAt: z.string().nullable() })),
    }),
    shrinkage: z.object({
      netUnits: count,
      byReason: z.array(z.object({ reason: z.string(), label: z.string(), unitsOut: count, unitsBack: count, netUnits: count })),
    }),
    expiring: z.object({
      withinDays: count.describe("Lots expiring within this many days of `to`, or expired already"),
      lots: count,
      units: count,
      expiredUnits: count,
      value: z.string().nullable().describe("Their value, when the expiring report carries one; null until then"),
      top: z.array(z.object({ ...topItem, site: z.string(), lot: z.string(), expiresOn: z.string(), daysLeft: count, onHand: count })),
    }),
    abcXyz: z.object({
      items: count,
      cells: z.array(z.object({ abc: z.enum(["A", "B", "C"]), xyz: z.enum(["X", "Y", "Z"]), items: count })).describe("All nine cells, AX first"),
    }),
    alerts: z.object({
      total: count.describe("Active alerts (open or acknowledged)"),
      byKind: z.array(z.object({ kind: z.enum(ALERT_KINDS), count })),
    }),
  })
  .meta({ id: "ManagerDashboard" });

export type ManagerDashboard = z.infer<typeof managerDashboard>;
