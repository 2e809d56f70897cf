import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocatePick, allocatePickLines, type BinStock, type PickDemand } from "./allocate-pick";

const stock = (locationCode: string, available: number, lot?: { number: string; expiresOn?: string }): BinStock => ({
  locationId: `id-${locationCode}`,
  locationCode,
  available,
  lotId: lot ? `lot-${lot.number}` : null,
  lotNumber: lot?.number ?? null,
  expiresOn: lot?.expiresOn ? new Date(lot.expiresOn) : null,
});

const picked = (takes: ReturnType<typeof allocatePick>) => takes?.map((t) => [t.stock.locationCode, t.stock.lotNumber, t.quantity]);

describe("allocatePick", () => {
  it("takes an untracked item from the bin holding most, then the next", () => {
    expect(picked(allocatePick([stock("A1", 3), stock("A2", 8), stock("A3", 5)], 10, false))).toEqual([
      ["A2", null, 8],
      ["A3", null, 2],
    ]);
  });

  it("takes a lot-tracked item first-expiring-first, whatever the bin holds", () => {
    const lots = [
      stock("A1", 9, { number: "LATE", expiresOn: "2028-01-01" }),
      stock("A2", 2, { number: "EARLY", expiresOn: "2027-01-01" }),
      stock("A3", 9, { number: "NONE" }),
    ];
    expect(picked(allocatePick(lots, 4, true))).toEqual([
      ["A2", "EARLY", 2],
      ["A1", "LATE", 2],
    ]);
  });

  it("ignores empty or negative bins and answers null when the site holds too little", () => {
    expect(allocatePick([stock("A1", 2), stock("A2", 0), stock("A3", -1)], 3, false)).toBeNull();
    expect(picked(allocatePick([stock("A1", 2), stock("A2", 0)], 2, false))).toEqual([["A1", null, 2]]);
  });

  it("breaks ties by bin code so the same request plans the same lines", () => {
    expect(picked(allocatePick([stock("B", 5), stock("A", 5)], 6, false))).toEqual([
      ["A", null, 5],
      ["B", null, 1],
    ]);
  });
});

/** Stock of a few items over a few bins and lots, one row per item × bin × lot (some empty or negative). */
const siteStock = fc.uniqueArray(
  fc.record({
    item: fc.integer({ min: 0, max: 2 }),
    bin: fc.integer({ min: 0, max: 3 }),
    lot: fc.constantFrom(null, "L1", "L2"),
    available: fc.integer({ min: -2, max: 9 }),
  }),
  { selector: (row) => `${row.item}|${row.bin}|${row.lot}`, maxLength: 20 },
);
const pickLines = fc.array(
  fc.record({ item: fc.integer({ min: 0, max: 2 }), quantity: fc.integer({ min: 1, max: 15 }), bin: fc.option(fc.integer({ min: 0, max: 3 })) }),
  { minLength: 1, maxLength: 8 },
);

type StockRow = { item: number; bin: number; lot: string | null; available: number };

const binStock = (row: StockRow): BinStock => ({
  locationId: `bin-${row.bin}`,
  locationCode: `B${row.bin}`,
  lotId: row.lot && `lot-${row.lot}`,
  lotNumber: row.lot,
  expiresOn: null,
  available: row.available,
});

const heldKey = (itemId: string, s: BinStock) => `${itemId}|${s.locationId}|${s.lotId}`;

/** What createPickList offers a line: its item's stock at the site, or in the bin it names. */
function demandsOf(rows: StockRow[], lines: { item: number; quantity: number; bin?: number | null }[]): PickDemand[] {
  return lines.map((line) => ({
    itemId: `item-${line.item}`,
    quantity: line.quantity,
    isLotTracked: line.item === 2,
    stock: rows.filter((r) => r.item === line.item && (line.bin == null || r.bin === line.bin)).map(binStock),
  }));
}

describe("allocatePickLines", () => {
  it("keeps each item's stock apart when items share a bin", () => {
    const rows = [
      { item: 0, bin: 0, lot: null, available: 5 },
      { item: 1, bin: 0, lot: null, available: 3 },
    ];
    const plans = allocatePickLines(
      demandsOf(rows, [
        { item: 0, quantity: 5 },
        { item: 1, quantity: 3 },
      ]),
    );
    expect(plans.map((p) => picked(p.takes))).toEqual([[["B0", null, 5]], [["B0", null, 3]]]);
  });

  it("never plans more of an item × bin × lot than it holds, over any lines", () => {
    fc.assert(
      fc.property(siteStock, pickLines, (rows, lines) => {
        const demands = demandsOf(rows, lines);
        const planned = new Map<string, number>();
        allocatePickLines(demands).forEach(({ takes }, index) => {
          for (const take of takes ?? []) {
            expect(take.quantity).toBeGreaterThan(0);
            const key = heldKey(demands[index].itemId, take.stock);
            planned.set(key, (planned.get(key) ?? 0) + take.quantity);
          }
        });
        const held = new Map(rows.map((r) => [heldKey(`item-${r.item}`, binStock(r)), r.available]));
        for (const [key, quantity] of planned) expect(quantity, key).toBeLessThanOrEqual(held.get(key) ?? 0);
      }),
    );
  });

  it("refuses a line exactly when its item's stock left by the earlier lines is too little, and fills it otherwise", () => {
    fc.assert(
      fc.property(
        siteStock,
        pickLines.map((lines) => lines.map(({ bin: _bin, ...line }) => line)),
        (rows, lines) => {
          const plans = allocatePickLines(demandsOf(rows, lines));
          const promised = new Map<number, number>();
          lines.forEach((line, index) => {
            const held = rows.filter((r) => r.item === line.item).reduce((sum, r) => sum + Math.max(0, r.available), 0);
            const left = held - (promised.get(line.item) ?? 0);
            expect(plans[index].available).toBe(left);
            if (left < line.quantity) {
              expect(plans[index].takes).toBeNull();
            } else {
              expect(plans[index].takes!.reduce((sum, t) => sum + t.quantity, 0)).toBe(line.quantity);
              promised.set(line.item, (promised.get(line.item) ?? 0) + line.quantity);
            }
          });
        },
      ),
    );
  });
});
