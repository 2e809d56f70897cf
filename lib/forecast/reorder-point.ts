/**
 * A reorder point from a forecast: the demand expected over the supplier's lead time plus safety stock for a
 * cycle service level (the chance of not running out before the order arrives) that follows the item's ABC
 * class — the items that carry most of the value are the ones not to run out of.
 */
export type AbcClass = "A" | "B" | "C";

/** Cycle service level per ABC class. */
export const SERVICE_LEVEL: Record<AbcClass, number> = { A: 0.98, B: 0.95, C: 0.9 };

/** Standard normal quantiles of those levels (z such that Φ(z) = level). */
const Z: Record<number, number> = { 0.9: 1.2816, 0.95: 1.6449, 0.98: 2.0537 };

export const PERIOD_DAYS = { day: 1, week: 7, month: 365.25 / 12 } as const;

export type ReorderPointInput = {
  forecast: readonly number[];
  /** The chosen method's one-period error (holdout RMSE), in units per period. */
  errorPerPeriod: number;
  leadTimeDays: number;
  periodDays: number;
  abcClass: AbcClass;
};

export type ReorderPointSuggestion = {
  leadTimeDays: number;
  abcClass: AbcClass;
  serviceLevel: number;
  demandOverLeadTime: number;
  safetyStock: number;
  reorderPoint: number;
};

export function suggestReorderPoint(input: ReorderPointInput): ReorderPointSuggestion {
  const periods = input.leadTimeDays / input.periodDays;
  let demand = 0;
  for (let i = 0; i < Math.ceil(periods); i++) {
    const share = Math.min(1, periods - i); // the last period only in part
    demand += (input.forecast[i] ?? input.forecast[input.forecast.length - 1] ?? 0) * share;
  }
  const serviceLevel = SERVICE_LEVEL[input.abcClass];
  // Errors of successive periods taken as independent: the spread over the lead time grows with its square root.
  const safetyStock = Z[serviceLevel] * input.errorPerPeriod * Math.sqrt(periods);
  return {
    leadTimeDays: input.leadTimeDays,
    abcClass: input.abcClass,
    serviceLevel,
    demandOverLeadTime: round2(demand),
    safetyStock: round2(safetyStock),
    reorderPoint: Math.ceil(demand + safetyStock),
  };
}

const round2 = (value: number) => Math.round(value * 100) / 100;
