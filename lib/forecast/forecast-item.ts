import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db } from "../db/client";
import { abcClassOf } from "./abc-class";
import { NotFound } from "../domain-error";
import { demandHistory, demandSeries, type DemandBucket, type DemandPeriod } from "./demand-history";
import { forecastSeries } from "./forecast-series";
import type { DemandOverride } from "./plan-forecast";
import { PERIOD_DAYS, suggestReorderPoint, type AbcClass, type ReorderPointSuggestion } from "./reorder-point";
import { DEFAULT_SEASON_LENGTH } from "./schemas";
import { readSiteThresholds } from "../thresholds/read-thresholds";

/** When no supplier of the item states a lead time. */
export const DEFAULT_LEAD_TIME_DAYS = 14;

/** A period as the forecast read it: a planner's correction replaces what the ledger says (kept as `recorded`). */
export type PlannedBucket = DemandBucket & { recorded?: number; note?: string };

export type ItemForecast = {
  sku: string;
  site: string;
  period: DemandPeriod;
  history: PlannedBucket[];
  /** The method a planner pinned, or null for automatic. */
  pinnedMethod: string | null;
  method: string;
  class: string;
  forecast: number[];
  lower: Record<string, number[]>;
  upper: Record<string, number[]>;
  /** Every contender's holdout errors, best first: why the method was chosen. */
  holdout: { name: string; mae: number; rmse: number; score: number }[];
  reorder: (ReorderPointSuggestion & { current: number | null; leadTimeFrom: "supplier" | "default" }) | null;
};

/**
 * The forecast of an item's demand at a site, from its own history (lib/forecast/demand-history.ts), with the
 * reorder point it suggests beside the one in force. Needs three observed periods; fewer answers the history
 * with no forecast. `options.abcClass` finds the item's ABC class (the service level of its reorder point): a
 * caller forecasting many items reads the classes of a site once (lib/forecast/abc-class.ts).
 */
export async function forecastItem(
  db: Db,
  actor: Actor,
  args: { sku: string; site: string; period: DemandPeriod; horizon: number; now?: Date },
  options: { abcClass?: (itemId: string, siteId: string) => Promise<AbcClass> } = {},
): Promise<ItemForecast> {
  const [item, site] = await Promise.all([
    db.item.findUnique({
      where: { skuKey: args.sku.toLowerCase() },
      select: { id: true, sku: true, suppliers: { select: { leadTimeDays: true, preferred: true } } },
    }),
    db.site.findUnique({ where: { code: args.site }, select: { id: true, code: true } }),
  ]);
  if (!item) throw new NotFound("Item", args.sku);
  if (!site) throw new NotFound("Site", args.site);
  authorize(actor, "stock.view", { siteId: site.id });
  const [recorded, plan, [inForce]] = await Promise.all([
    demandHistory(db, { itemId: item.id, siteId: site.id, period: args.period, now: args.now }),
    db.forecastPlan.findUnique({ where: { itemId_siteId_period: { itemId: item.id, siteId: site.id, period: args.period } } }),
    readSiteThresholds(db, item, [site.id]),
  ]);
  const history = withOverrides(recorded, (plan?.overrides ?? []) as DemandOverride[]);
  const pinnedMethod = plan?.pinnedMethod ?? null;
  const values = demandSeries(history);
  const current = inForce?.reorderPoint ?? null;
  const empty = { method: "none", class: "unknown", forecast: [], lower: {}, upper: {}, holdout: [], reorder: null };
  if (values.filter((v) => v !== null).length < 3) return { sku: item.sku, site: site.code, period: args.period, history, pinnedMethod, ...empty };

  const result = forecastSeries(values, { horizon: args.horizon, seasonLength: DEFAULT_SEASON_LENGTH[args.period], pinned: pinnedMethod });
  const supplierLead = [...item.suppliers].sort((a, b) => Number(b.preferred) - Number(a.preferred)).find((s) => s.leadTimeDays)?.leadTimeDays;
  const suggestion = suggestReorderPoint({
    forecast: result.forecast,
    errorPerPeriod: result.holdout[0]?.rmse ?? 0,
    leadTimeDays: supplierLead ?? DEFAULT_LEAD_TIME_DAYS,
    periodDays: PERIOD_DAYS[args.period],
    abcClass: options.abcClass ? await options.abcClass(item.id, site.id) : await abcClassOf(db, item.id, site.id, args.now),
  });
  return {
    sku: item.sku,
    site: site.code,
    period: args.period,
    history,
    pinnedMethod,
    method: result.method,
    class: result.class,
    forecast: result.forecast,
    lower: result.lower,
    upper: result.upper,
    holdout: result.holdout,
    reorder: { ...suggestion, current, leadTimeFrom: supplierLead ? "supplier" : "default" },
  };
}

function withOverrides(history: readonly DemandBucket[], overrides: readonly DemandOverride[]): PlannedBucket[] {
  const byStart = new Map(overrides.map((o) => [o.start, o]));
  return history.map((bucket) => {
    const override = byStart.get(bucket.start);
    return override ? { start: bucket.start, demand: override.demand, stockout: false, recorded: bucket.demand, note: override.note } : bucket;
  });
}
