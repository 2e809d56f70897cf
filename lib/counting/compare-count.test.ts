import { describe, expect, it } from "vitest";
import { compareCount, isMissing, isUnexpected } from "./compare-count";

const at = (locationId: string, itemId: string, quantity: number, lotId: string | null = null) => ({ locationId, itemId, lotId, quantity });

describe("compareCount", () => {
  it("pairs ledger and scans per location, item and lot, adding repeated scans", () => {
    const lines = compareCount([at("A1", "X", 5), at("A1", "Y", 2, "L1")], [at("A1", "X", 3), at("A1", "X", 1), at("A1", "Y", 2, "L2")]);
    expect(lines).toEqual([
      { locationId: "A1", itemId: "X", lotId: null, expected: 5, counted: 4, difference: -1 },
      { locationId: "A1", itemId: "Y", lotId: "L1", expected: 2, counted: 0, difference: -2 },
      { locationId: "A1", itemId: "Y", lotId: "L2", expected: 0, counted: 2, difference: 2 },
    ]);
    expect(lines.filter(isMissing).map((l) => l.lotId)).toEqual(["L1"]);
    expect(lines.filter(isUnexpected).map((l) => l.lotId)).toEqual(["L2"]);
  });

  it("keeps the same item apart in different bins and leaves out what is zero on both sides", () => {
    const lines = compareCount([at("A1", "X", 1), at("A2", "X", 0)], [at("A2", "X", 1)]);
    expect(lines.map((l) => [l.locationId, l.expected, l.counted])).toEqual([
      ["A1", 1, 0],
      ["A2", 0, 1],
    ]);
  });
});
