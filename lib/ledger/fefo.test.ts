import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocateFefo, type LotStock } from "./fefo";

const lot = (lotNumber: string, expires: string | null, available: number): LotStock => ({
  lotId: `id-${lotNumber}`,
  lotNumber,
  expiresOn: expires ? new Date(expires) : null,
  available,
});

describe("allocateFefo", () => {
  it("takes the soonest-expiring lot first and spills into the next", () => {
    const lots = [lot("B", "2027-06-01", 5), lot("A", "2027-01-01", 3), lot("C", null, 10)];
    expect(allocateFefo(lots, 6)).toEqual([
      { lotId: "id-A", lotNumber: "A", quantity: 3 },
      { lotId: "id-B", lotNumber: "B", quantity: 3 },
    ]);
  });

  it("uses lots without expiry last and skips empty lots", () => {
    expect(allocateFefo([lot("N", null, 4), lot("E", "2027-01-01", 0), lot("X", "2028-01-01", 1)], 3)).toEqual([
      { lotId: "id-X", lotNumber: "X", quantity: 1 },
      { lotId: "id-N", lotNumber: "N", quantity: 2 },
    ]);
  });

  it("answers null when the lots hold too little", () => {
    expect(allocateFefo([lot("A", "2027-01-01", 2)], 3)).toBeNull();
  });

  it("always takes exactly the quantity, never more than a lot holds, expiring lots first", () => {
    const lotArb = fc.record({
      lotNumber: fc.string({ minLength: 1, maxLength: 4 }),
      expiresOn: fc.option(fc.date({ min: new Date("2026-01-01"), max: new Date("2030-01-01"), noInvalidDate: true })),
      available: fc.nat(50),
    });
    fc.assert(
      fc.property(fc.uniqueArray(lotArb, { selector: (l) => l.lotNumber, maxLength: 8 }), fc.integer({ min: 1, max: 200 }), (raw, quantity) => {
        const lots = raw.map((l) => ({ ...l, lotId: `id-${l.lotNumber}` }));
        const total = lots.reduce((sum, l) => sum + l.available, 0);
        const takes = allocateFefo(lots, quantity);
        if (total < quantity) {
          expect(takes).toBeNull();
          return;
        }
        expect(takes!.reduce((sum, t) => sum + t.quantity, 0)).toBe(quantity);
        for (const take of takes!) expect(take.quantity).toBeLessThanOrEqual(lots.find((l) => l.lotId === take.lotId)!.available);
        // Every lot left untouched expires no sooner than every lot fully used.
        const fullyUsed = takes!.slice(0, -1).map((t) => lots.find((l) => l.lotId === t.lotId)!);
        const untouched = lots.filter((l) => l.available > 0 && !takes!.some((t) => t.lotId === l.lotId));
        for (const used of fullyUsed)
          for (const other of untouched) {
            expect(used.expiresOn?.getTime() ?? Infinity).toBeLessThanOrEqual(other.expiresOn?.getTime() ?? Infinity);
          }
      }),
    );
  });
});
