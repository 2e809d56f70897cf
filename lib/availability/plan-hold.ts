/** Stock of one item in one bin (and lot) that can still be promised, as the pick-list and hold planners see it. */
export type BinStock = {
  locationId: string;
  locationCode: string;
  lotId: string | null;
  lotNumber: string | null;
  expiresOn: Date | null;
  available: number;
};

/** A level that can still promise stock, as the hold planner sees it. */
export type HoldableLevel = BinStock & { levelId: string };

export type PlannedHold = { level: HoldableLevel; quantity: number };

/**
 * Which levels a hold of `quantity` takes from: first expiring first (lots without an expiry last), then by lot
 * number and bin code so the choice is repeatable. Takes what there is when the levels hold less; the caller
 * decides whether a short hold is acceptable.
 */
export function planHold(levels: readonly HoldableLevel[], quantity: number): { takes: PlannedHold[]; held: number; available: number } {
  const ordered = levels
    .filter((level) => level.available > 0)
    .sort(
      (a, b) =>
        (a.expiresOn?.getTime() ?? Infinity) - (b.expiresOn?.getTime() ?? Infinity) ||
        (a.lotNumber ?? "").localeCompare(b.lotNumber ?? "") ||
        a.locationCode.localeCompare(b.locationCode),
    );
  const available = ordered.reduce((sum, level) => sum + level.available, 0);
  const takes: PlannedHold[] = [];
  let remaining = quantity;
  for (const level of ordered) {
    if (remaining === 0) break;
    const take = Math.min(level.available, remaining);
    takes.push({ level, quantity: take });
    remaining -= take;
  }
  return { takes, held: quantity - remaining, available };
}
