import { describe, expect, it } from "vitest";
import { suggestReorderPoint } from "./reorder-point";

describe("suggestReorderPoint", () => {
  it("adds demand over the lead time and safety stock for the class's service level", () => {
    // 10 units a week, 14 days' lead time: 2 weeks, 20 units; σ 4 a week → 4·√2 = 5.657 over the lead time;
    // class B, 95%: z 1.6449 → 9.305; 20 + 9.305 = 29.3 → 30.
    const s = suggestReorderPoint({ forecast: [10, 10, 10], errorPerPeriod: 4, leadTimeDays: 14, periodDays: 7, abcClass: "B" });
    expect(s).toEqual({ leadTimeDays: 14, abcClass: "B", serviceLevel: 0.95, demandOverLeadTime: 20, safetyStock: 9.3, reorderPoint: 30 });
  });

  it("takes a part period in part, and a higher class keeps more safety stock", () => {
    // 10 days of a forecast 7, 14 a week: 7 + 14·3/7 = 13; σ 2·√(10/7) = 2.390; A 98%: z 2.0537 → 4.909.
    const a = suggestReorderPoint({ forecast: [7, 14], errorPerPeriod: 2, leadTimeDays: 10, periodDays: 7, abcClass: "A" });
    expect(a.demandOverLeadTime).toBe(13);
    expect(a.safetyStock).toBeCloseTo(4.91, 2);
    expect(a.reorderPoint).toBe(18);
    const c = suggestReorderPoint({ forecast: [7, 14], errorPerPeriod: 2, leadTimeDays: 10, periodDays: 7, abcClass: "C" });
    expect(c.safetyStock).toBeLessThan(a.safetyStock);
  });

  it("suggests nothing to keep for an item nobody asks for", () => {
    expect(suggestReorderPoint({ forecast: [0, 0], errorPerPeriod: 0, leadTimeDays: 30, periodDays: 30, abcClass: "C" }).reorderPoint).toBe(0);
  });
});
