import { describe, expect, it } from "vitest";
import { empiricalBands, quantile } from "./intervals";

describe("empirical intervals", () => {
  it("interpolates quantiles linearly", () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0.1)).toBeCloseTo(1.3, 12);
  });

  it("adds the error quantiles to the forecast and never goes below zero", () => {
    const errors = Array.from({ length: 11 }, (_, i) => i - 5); // −5 … 5
    const bands = empiricalBands([3, 10], errors, [80]);
    expect(bands.lower["80"]).toEqual([0, 6]);
    expect(bands.upper["80"]).toEqual([7, 14]);
  });
});
