import { describe, expect, it } from "vitest";
import { allocatePick, type BinStock } from "./allocate-pick";

const stock = (locationCode: string, available: number, lot?: { number: string; expiresOn?: string }): BinStock => ({
  locationId: `id-${locationCode}`, locationCode, available,
  lotId: lot ? `lot-${lot.number}` : null, lotNumber: lot?.number ?? null, expiresOn: lot?.expiresOn ? new Date(lot.expiresOn) : null,
});

const picked = (takes: ReturnType<typeof allocatePick>) => takes?.map((t) => [t.stock.locationCode, t.stock.lotNumber, t.quantity]);

describe("allocatePick", () => {
  it("takes an untracked item from the bin holding most, then the next", () => {
    expect(picked(allocatePick([stock("A1", 3), stock("A2", 8), stock("A3", 5)], 10, false))).toEqual([["A2", null, 8], ["A3", null, 2]]);
  });

  it("takes a lot-tracked item first-expiring-first, whatever the bin holds", () => {
    const lots = [stock("A1", 9, { number: "LATE", expiresOn: "2028-01-01" }), stock("A2", 2, { number: "EARLY", expiresOn: "2027-01-01" }), stock("A3", 9, { number: "NONE" })];
    expect(picked(allocatePick(lots, 4, true))).toEqual([["A2", "EARLY", 2], ["A1", "LATE", 2]]);
  });

  it("ignores empty or negative bins and answers null when the site holds too little", () => {
    expect(allocatePick([stock("A1", 2), stock("A2", 0), stock("A3", -1)], 3, false)).toBeNull();
    expect(picked(allocatePick([stock("A1", 2), stock("A2", 0)], 2, false))).toEqual([["A1", null, 2]]);
  });

  it("breaks ties by bin code so the same request plans the same lines", () => {
    expect(picked(allocatePick([stock("B", 5), stock("A", 5)], 6, false))).toEqual([["A", null, 5], ["B", null, 1]]);
  });
});
