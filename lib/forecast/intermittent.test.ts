import { describe, expect, it } from "vitest";
import { croston, crostonEstimates, sba, tsb, tsbEstimates } from "./intermittent";

describe("Croston, SBA and TSB", () => {
  // Demand 4 after 2 periods, then 2 after 3 more. α = 0.1: size 4 → 3.8, interval 2 → 2.1.
  const y = [0, 4, 0, 0, 2];

  it("smooths size and interval only when demand occurs", () => {
    const e = crostonEstimates(y, 0.1)!;
    expect(e.size).toBeCloseTo(3.8, 12);
    expect(e.interval).toBeCloseTo(2.1, 12);
    expect(croston(0.1)(y, 2, 1)[1]).toBeCloseTo(3.8 / 2.1, 12);
  });

  it("corrects Croston's bias by 1 − α/2 in SBA", () => {
    expect(sba(0.1)(y, 1, 1)[0]).toBeCloseTo((0.95 * 3.8) / 2.1, 12);
  });

  it("forecasts zero when nothing was ever demanded", () => {
    expect(croston()([0, 0, 0], 2, 1)).toEqual([0, 0]);
    expect(tsb()([0, 0, 0], 2, 1)).toEqual([0, 0]);
  });

  it("updates TSB's probability every period and its size on demand", () => {
    // p: 0.5 → 0.25 → 0.625 → 0.3125 → 0.65625; size: 4 → 4 → 3
    const e = tsbEstimates([0, 4, 0, 2], 0.5, 0.5);
    expect(e.probability).toBeCloseTo(0.65625, 12);
    expect(e.size).toBeCloseTo(3, 12);
    expect(tsb(0.5, 0.5)([0, 4, 0, 2], 1, 1)[0]).toBeCloseTo(1.96875, 12);
  });

  it("lets TSB decay during a run of zeros while Croston stays put", () => {
    const dying = [3, 0, 3, 0, 3, 0, 0, 0, 0, 0, 0, 0];
    expect(tsb(0.1, 0.2)(dying, 1, 1)[0]).toBeLessThan(croston(0.1)(dying, 1, 1)[0] / 2);
  });
});
