/** A lot of one item still in transit on a transfer (lotId null for items without lots). */
export type LotInTransit = { lotId: string | null; lotNumber: string | null; expiresOn: Date | null; quantity: number };

export type LotTake = { lotId: string | null; lotNumber: string | null; quantity: number };

export type ReceiptPlan = {
  /** Damaged units, taken out of transit first. */
  damaged: LotTake[];
  /** Good units that were in transit. */
  good: LotTake[];
  /** Good units beyond what was in transit: an over-receipt. */
  over: number;
};

/**
 * Splits what arrived of one item over the lots in transit, first-expiring-first (lots without an expiry last,
 * ties by lot number). Damaged units are matched to transit first, so that anything beyond what was shipped is
 * always a good unit that can be put away and recorded as over; damaged units beyond what is in transit cannot
 * be told apart from a miscount and are refused (null).
 */
export function planReceipt(inTransit: readonly LotInTransit[], quantity: number, damaged: number): ReceiptPlan | null {
  const lots = inTransit
    .filter((lot) => lot.quantity > 0)
    .sort((a, b) => {
      const byExpiry = (a.expiresOn?.getTime() ?? Infinity) - (b.expiresOn?.getTime() ?? Infinity);
      return byExpiry !== 0 ? byExpiry : (a.lotNumber ?? "").localeCompare(b.lotNumber ?? "");
    })
    .map((lot) => ({ ...lot }));
  const takeUpTo = (wanted: number): LotTake[] => {
    const takes: LotTake[] = [];
    for (const lot of lots) {
      if (wanted === 0) break;
      const take = Math.min(lot.quantity, wanted);
      if (take === 0) continue;
      takes.push({ lotId: lot.lotId, lotNumber: lot.lotNumber, quantity: take });
      lot.quantity -= take;
      wanted -= take;
    }
    return takes;
  };
  const total = lots.reduce((sum, lot) => sum + lot.quantity, 0);
  if (damaged > total) return null;
  const damagedTakes = takeUpTo(damaged);
  const good = takeUpTo(quantity);
  const goodInTransit = good.reduce((sum, take) => sum + take.quantity, 0);
  return { damaged: damagedTakes, good, over: quantity - goodInTransit };
}
