import type { BinStock } from "../availability/plan-hold";

export type { BinStock };

export type BinTake = { stock: BinStock; quantity: number };

/**
 * Chooses where to pick `quantity` from. Lot-tracked items go first-expiring-first (lots without an expiry
 * last, ties by lot number), and within a lot the bin holding most; anything else comes from the bins holding
 * most, so a line is split over as few bins as possible. Ties by bin code keep the choice repeatable.
 * Returns null when the bins together hold too little.
 */
export function allocatePick(stock: readonly BinStock[], quantity: number, isLotTracked: boolean): BinTake[] | null {
  const ordered = stock
    .filter((s) => s.available > 0)
    .sort((a, b) => {
      if (isLotTracked) {
        const byExpiry = (a.expiresOn?.getTime() ?? Infinity) - (b.expiresOn?.getTime() ?? Infinity);
        if (byExpiry !== 0) return byExpiry;
        const byLot = (a.lotNumber ?? "").localeCompare(b.lotNumber ?? "");
        if (byLot !== 0) return byLot;
      }
      return b.available - a.available || a.locationCode.localeCompare(b.locationCode);
    });
  const takes: BinTake[] = [];
  let remaining = quantity;
  for (const s of ordered) {
    if (remaining === 0) break;
    const take = Math.min(s.available, remaining);
    takes.push({ stock: s, quantity: take });
    remaining -= take;
  }
  return remaining === 0 ? takes : null;
}

/** One line of a pick list as the planner sees it: its item, how many, and the stock it may be picked from. */
export type PickDemand = { itemId: string; quantity: number; isLotTracked: boolean; stock: readonly BinStock[] };

/** Where a line's units come from, or null takes when the stock left for it (`available`) is too little. */
export type PickPlan = { takes: BinTake[] | null; available: number };

/**
 * Plans the lines of one pick list in order over one reading of the stock: units planned for a line are not
 * offered again to a later line. What is planned is counted per item, bin and lot: a bin holds several items,
 * and untracked ones all have no lot, so bin and lot alone would take one item's units from another's stock.
 */
export function allocatePickLines(demands: readonly PickDemand[]): PickPlan[] {
  const promised = new Map<string, number>();
  const keyOf = (itemId: string, s: BinStock) => `${itemId}|${s.locationId}|${s.lotId ?? ""}`;
  return demands.map((demand) => {
    const left = demand.stock.map((s) => ({ ...s, available: s.available - (promised.get(keyOf(demand.itemId, s)) ?? 0) }));
    const takes = allocatePick(left, demand.quantity, demand.isLotTracked);
    for (const take of takes ?? []) {
      const key = keyOf(demand.itemId, take.stock);
      promised.set(key, (promised.get(key) ?? 0) + take.quantity);
    }
    return { takes, available: left.reduce((sum, s) => sum + Math.max(0, s.available), 0) };
  });
}
