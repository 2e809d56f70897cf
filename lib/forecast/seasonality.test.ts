import { describe, expect, it } from "vitest";
import { autocorrelations, isSeasonal, seasonalIndices } from "./seasonality";

const pattern = [3, 1, -1, -3];
const seasonal = Array.from({ length: 24 }, (_, t) => 20 + pattern[t % 4]);

describe("seasonality", () => {
  it("computes autocorrelations by hand", () => {
    // deviations −1.5, −0.5, 0.5, 1.5: lag-1 products 0.75 − 0.25 + 0.75 = 1.25 over 5
    expect(autocorrelations([1, 2, 3, 4], 1)[0]).toBeCloseTo(0.25, 12);
  });

  it("finds a strong season and not one in fewer than three cycles or in a straight line", () => {
    expect(isSeasonal(seasonal, 4)).toBe(true);
    expect(isSeasonal(seasonal.slice(0, 11), 4)).toBe(false);
    expect(
      isSeasonal(
        Array.from({ length: 24 }, (_, t) => t),
        4,
      ),
    ).toBe(false);
  });

  it("recovers additive and multiplicative indices of a clean pattern", () => {
    seasonalIndices(seasonal, 4, "additive").forEach((s, k) => expect(s).toBeCloseTo(pattern[k], 9));
    const ratios = [1.2, 1.1, 0.9, 0.8];
    const scaled = Array.from({ length: 24 }, (_, t) => 50 * ratios[t % 4]);
    seasonalIndices(scaled, 4, "multiplicative").forEach((s, k) => expect(s).toBeCloseTo(ratios[k], 9));
  });
});
