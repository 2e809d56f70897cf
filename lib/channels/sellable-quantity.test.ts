import { describe, expect, it } from "vitest";
import { sellableQuantity } from "./sellable-quantity";

describe("sellableQuantity", () => {
  it("offers everything available when there is no buffer", () => {
    expect(sellableQuantity(7, { units: 0, percent: 0 })).toBe(7);
  });

  it("holds back the units and the percent together, rounding the percent up", () => {
    expect(sellableQuantity(20, { units: 2, percent: 10 })).toBe(16);
    expect(sellableQuantity(21, { units: 0, percent: 10 })).toBe(18);
  });

  it("never offers less than zero", () => {
    expect(sellableQuantity(1, { units: 5, percent: 0 })).toBe(0);
    expect(sellableQuantity(0, { units: 0, percent: 50 })).toBe(0);
  });
});
