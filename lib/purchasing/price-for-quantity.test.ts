import { describe, expect, it } from "vitest";
import { priceForQuantity } from "./price-for-quantity";

const breaks = [
  { minQty: 100, unitCost: "1.8000" },
  { minQty: 10, unitCost: "2.2500" },
];

describe("priceForQuantity", () => {
  it("takes the highest break the quantity reaches, whatever the order of the breaks", () => {
    expect(priceForQuantity(10, "2.5000", breaks)).toBe("2.2500");
    expect(priceForQuantity(99, "2.5000", breaks)).toBe("2.2500");
    expect(priceForQuantity(100, "2.5000", breaks)).toBe("1.8000");
  });

  it("falls back to the unit cost below every break, and to null without one", () => {
    expect(priceForQuantity(9, "2.5000", breaks)).toBe("2.5000");
    expect(priceForQuantity(9, null, breaks)).toBeNull();
    expect(priceForQuantity(500, null, [])).toBeNull();
  });
});
