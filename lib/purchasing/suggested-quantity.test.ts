import { describe, expect, it } from "vitest";
import { suggestedQuantity, suggestionReason, type SuggestionFigures } from "./suggested-quantity";

const base: SuggestionFigures = {
  available: 4,
  onOrder: 0,
  reorderPoint: 10,
  reorderQuantity: null,
  leadTimeDemand: 0,
  packSize: 1,
  minOrderQty: null,
};

describe("suggestedQuantity", () => {
  it("orders nothing while projected available stands above the reorder point", () => {
    expect(suggestedQuantity({ ...base, available: 11 })).toBe(0);
    expect(suggestedQuantity({ ...base, available: 4, onOrder: 7 })).toBe(0); // 11 projected
  });

  it("brings projected available above the reorder point plus the lead time's demand", () => {
    expect(suggestedQuantity(base)).toBe(7); // 4 → 11
    expect(suggestedQuantity({ ...base, onOrder: 3 })).toBe(4); // 7 → 11
    expect(suggestedQuantity({ ...base, leadTimeDemand: 8.2 })).toBe(16); // 4 → 20 = 10 + 1 + 9
  });

  it("rounds up to whole packs, and to at least the minimum order quantity in whole packs", () => {
    expect(suggestedQuantity({ ...base, packSize: 12 })).toBe(12);
    expect(suggestedQuantity({ ...base, packSize: 12, leadTimeDemand: 10 })).toBe(24); // 17 → 2 packs
    expect(suggestedQuantity({ ...base, minOrderQty: 50 })).toBe(50);
    expect(suggestedQuantity({ ...base, minOrderQty: 50, packSize: 12 })).toBe(60);
  });

  it("orders at least the reorder quantity when one is set", () => {
    expect(suggestedQuantity({ ...base, reorderQuantity: 40 })).toBe(40);
    expect(suggestedQuantity({ ...base, reorderQuantity: 5 })).toBe(7);
  });

  it("says why in a buyer's words", () => {
    expect(suggestionReason({ ...base, onOrder: 2, leadTimeDemand: 21, leadTimeDays: 9, dailyDemand: 2.33, packSize: 6 })).toBe(
      "available 4 + on order 2 ≤ reorder point 10; 21 expected over a 9-day lead time (2.3 a day over the last 90 days); packs of 6",
    );
    expect(suggestionReason({ ...base, leadTimeDays: 14, dailyDemand: 0 })).toBe(
      "available 4 ≤ reorder point 10; no sales in the last 90 days; 14-day lead time",
    );
  });
});
