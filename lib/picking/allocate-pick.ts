/** Stock of one item in one bin (and lot), as the pick list planner sees it. */
export type BinStock = {
  locationId: string;
  locationCode: string;
  lotId: string | null;
  lotNumber: string | null;
  expiresOn: Date | null;
  available: number;
};

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
