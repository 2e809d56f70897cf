import { describe, expect, it } from "vitest";
import { empiricalBands, finiteSampleTail, quantile } from "./intervals";

describe("empirical intervals", () => {
  it("interpolates quantiles linearly", () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0.1)).toBeCloseTo(1.3, 12);
  });

  it("reads further into the tails the fewer the draws", () => {
    // r = 0.1 × 25 = 2.5th of 24 draws, reached at (2.5 − 1) / 23
    expect(finiteSampleTail(0.1, 24)).toBeCloseTo(1.5 / 23, 12);
    expect(finiteSampleTail(0.025, 24)).toBe(0);
    expect(finiteSampleTail(0.1, 100_000)).toBeCloseTo(0.1, 4);
  });

  it("adds the error quantiles to the forecast and turns a band reaching below zero one-sided", () => {
    const errors = Array.from({ length: 11 }, (_, i) => i - 5); // −5 … 5, 11 draws
    const bands = empiricalBands([3, 10], errors, [80]);
    // two-sided tail (0.1 × 12 − 1) / 10 = 0.02 → ±4.8; one-sided (0.2 × 12 − 1) / 10 = 0.14 → upper error 3.6
    expect(bands.lower["80"][0]).toBe(0);
    expect(bands.upper["80"][0]).toBeCloseTo(6.6, 12);
    expect(bands.lower["80"][1]).toBeCloseTo(5.2, 12);
    expect(bands.upper["80"][1]).toBeCloseTo(14.8, 12);
  });
});
