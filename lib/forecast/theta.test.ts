import { describe, expect, it } from "vitest";
import { linearSlope, theta } from "./theta";

describe("theta", () => {
  it("computes the least-squares slope", () => {
    expect(linearSlope([5, 7, 9, 11])).toBeCloseTo(2, 12);
    expect(linearSlope([1, 3, 2])).toBeCloseTo(0.5, 12);
  });

  it("extrapolates half the trend of a straight line from about its last value", () => {
    const y = Array.from({ length: 20 }, (_, t) => 5 + 2 * t);
    const f = theta(y, 3, 1);
    // SES follows a line with α → 1, so the level is the last value 43 and the drift adds (k + 1) × slope / 2
    expect(f[0]).toBeCloseTo(44, 1);
    expect(f[1] - f[0]).toBeCloseTo(1, 9);
    expect(f[2] - f[1]).toBeCloseTo(1, 9);
  });

  it("keeps a strong monthly pattern through multiplicative decomposition", () => {
    const pattern = [1.5, 1.2, 1, 0.8, 0.6, 0.7, 0.9, 1, 1.1, 1.2, 1.0, 1.0];
    const y = Array.from({ length: 48 }, (_, t) => 100 * pattern[t % 12]);
    const f = theta(y, 12, 12);
    f.forEach((v, k) => expect(v / (100 * pattern[k])).toBeGreaterThan(0.97));
    f.forEach((v, k) => expect(v / (100 * pattern[k])).toBeLessThan(1.03));
  });
});
