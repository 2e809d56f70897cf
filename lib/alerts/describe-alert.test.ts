import { describe, expect, it } from "vitest";
import { describeAlert } from "./describe-alert";

describe("describeAlert", () => {
  it("says each kind in words with its figures", () => {
    expect(describeAlert({ kind: "low_stock", lot: null, location: null, detail: { available: 4, reorderPoint: 10, onHand: 6 } })).toBe(
      "Available 4 ≤ reorder point 10 (on hand 6)",
    );
    expect(describeAlert({ kind: "stockout", lot: null, location: null, detail: { available: 0, onHand: 3 } })).toContain("on hand 3");
    expect(describeAlert({ kind: "stockout", lot: null, location: null, detail: { available: 0, onHand: 0 } })).toBe("None on hand or available");
    expect(describeAlert({ kind: "expiring", lot: "L7", location: null, detail: { expiresOn: "2026-12-14", daysLeft: 1, onHand: 4 } })).toBe(
      "Lot L7 expires 2026-12-14 (in 1 day), 4 on hand",
    );
    expect(describeAlert({ kind: "count_overdue", lot: null, location: null, detail: { bins: 3, cycleDays: 90 } })).toBe(
      "3 bins with stock not counted in 90 days",
    );
    expect(describeAlert({ kind: "bin_over_capacity", lot: null, location: "A-01", detail: { onHand: 9, capacity: 8 } })).toBe(
      "9 units in A-01 for a capacity of 8",
    );
  });
});
