/** Units of one item (and lot) at one location: what the ledger holds, or what a count found. */
export type CountKey = { locationId: string; itemId: string; lotId: string | null };
export type Tally = CountKey & { quantity: number };
export type Comparison = CountKey & { expected: number; counted: number; difference: number };

const keyOf = (k: CountKey) => `${k.locationId}|${k.itemId}|${k.lotId ?? ""}`;

/**
 * Lines of a count: every location × item × lot that the ledger holds or the scans found, with both figures.
 * Tallies of the same key are added up; keys where both are zero are left out.
 */
export function compareCount(expected: readonly Tally[], counted: readonly Tally[]): Comparison[] {
  const lines = new Map<string, Comparison>();
  const line = (k: CountKey) => {
    const key = keyOf(k);
    if (!lines.has(key)) lines.set(key, { locationId: k.locationId, itemId: k.itemId, lotId: k.lotId, expected: 0, counted: 0, difference: 0 });
    return lines.get(key)!;
  };
  for (const t of expected) line(t).expected += t.quantity;
  for (const t of counted) line(t).counted += t.quantity;
  return [...lines.values()].map((l) => ({ ...l, difference: l.counted - l.expected })).filter((l) => l.expected !== 0 || l.counted !== 0);
}

export const isMissing = (line: { expected: number; counted: number }) => line.expected > 0 && line.counted === 0;
export const isUnexpected = (line: { expected: number; counted: number }) => line.expected === 0 && line.counted > 0;
