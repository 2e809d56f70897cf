/**
 * How much to order of one item for one site, from its figures: enough that projected available (available +
 * on order) covers the demand expected during the supplier's lead time and still stands above the reorder point
 * when the goods arrive — at least the reorder quantity when one is set — then rounded up to whole packs and to
 * at least the minimum order quantity (itself in whole packs). Nothing when projected available is above the
 * reorder point.
 */
export type SuggestionFigures = {
  available: number;
  onOrder: number;
  reorderPoint: number;
  reorderQuantity: number | null;
  leadTimeDemand: number;
  packSize: number;
  minOrderQty: number | null;
};

export function suggestedQuantity(f: SuggestionFigures): number {
  const projected = f.available + f.onOrder;
  if (projected > f.reorderPoint) return 0;
  const needed = Math.max(f.reorderPoint + 1 + Math.ceil(f.leadTimeDemand) - projected, f.reorderQuantity ?? 0, 1);
  const pack = Math.max(f.packSize, 1);
  const atLeast = Math.max(needed, f.minOrderQty ?? 0);
  return Math.ceil(atLeast / pack) * pack;
}

/** The reason in a buyer's words: "available 4 + on order 0 ≤ reorder point 10; 3 weeks' demand (21) over a 9-day lead time". */
export function suggestionReason(f: SuggestionFigures & { leadTimeDays: number; dailyDemand: number; fromForecast?: boolean }): string {
  const onOrder = f.onOrder > 0 ? ` + on order ${f.onOrder}` : "";
  const demand = f.fromForecast
    ? `${Math.ceil(f.leadTimeDemand)} expected over a ${f.leadTimeDays}-day lead time (forecast)`
    : f.dailyDemand > 0
      ? `${Math.ceil(f.leadTimeDemand)} expected over a ${f.leadTimeDays}-day lead time (${formatRate(f.dailyDemand)} a day over the last 90 days)`
      : `no sales in the last 90 days; ${f.leadTimeDays}-day lead time`;
  const rounding = f.packSize > 1 ? `; packs of ${f.packSize}` : "";
  const moq = f.minOrderQty ? `; at least ${f.minOrderQty}` : "";
  return `available ${f.available}${onOrder} ≤ reorder point ${f.reorderPoint}; ${demand}${rounding}${moq}`;
}

const formatRate = (perDay: number) => (perDay >= 10 ? perDay.toFixed(0) : perDay.toFixed(1));
