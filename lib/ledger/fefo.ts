/** A lot's stock at one location, as FEFO sees it. */
export type LotStock = { lotId: string; lotNumber: string; expiresOn: Date | null; available: number };

export type LotTake = { lotId: string; lotNumber: string; quantity: number };

/**
 * First expiring, first out: takes `quantity` from the lots that expire soonest (lots without an expiry last,
 * ties by lot number so the choice is repeatable). Returns null when the lots together hold too little.
 */
export function allocateFefo(lots: readonly LotStock[], quantity: number): LotTake[] | null {
  const ordered = [...lots]
    .filter((lot) => lot.available > 0)
    .sort((a, b) => {
      const byExpiry = (a.expiresOn?.getTime() ?? Infinity) - (b.expiresOn?.getTime() ?? Infinity);
      return byExpiry !== 0 ? byExpiry : a.lotNumber.localeCompare(b.lotNumber);
    });
  const takes: LotTake[] = [];
  let remaining = quantity;
  for (const lot of ordered) {
    if (remaining === 0) break;
    const take = Math.min(lot.available, remaining);
    takes.push({ lotId: lot.lotId, lotNumber: lot.lotNumber, quantity: take });
    remaining -= take;
  }
  return remaining === 0 ? takes : null;
}
