import { describe, expect, it } from "vitest";
import { fitSes, runSes, sesWithAlpha } from "./simple-exponential-smoothing";

describe("simple exponential smoothing", () => {
  it("follows the recursion by hand with alpha 0.5", () => {
    // level 10 → 10 (error 0) → 11 (error 2) → 9.5 (error −3)
    const fit = runSes([10, 12, 8], 0.5);
    expect(fit.level).toBeCloseTo(9.5, 12);
    expect(fit.sse).toBeCloseTo(13, 12);
    expect(sesWithAlpha(0.5)([10, 12, 8], 3, 1)).toEqual([9.5, 9.5, 9.5]);
  });

  it("weights only the first value with alpha near zero and the last with alpha one", () => {
    expect(runSes([4, 8, 6], 1).level).toBe(6);
    expect(runSes([4, 8, 6], 0).level).toBe(4);
  });

  it("fits no worse than a fixed alpha and returns a constant series' value", () => {
    const y = [12, 15, 11, 14, 18, 13, 16, 17, 12, 15];
    expect(fitSes(y).sse).toBeLessThanOrEqual(runSes(y, 0.5).sse + 1e-9);
    expect(fitSes([5, 5, 5, 5]).level).toBeCloseTo(5, 6);
  });
});
