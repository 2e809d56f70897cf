import { describe, expect, it } from "vitest";
import { bounded, minimize, unbounded } from "./nelder-mead";

describe("minimize", () => {
  it("finds the minimum of a shifted quadratic bowl", () => {
    const { x, value } = minimize((p) => (p[0] - 3) ** 2 + 2 * (p[1] + 1) ** 2, [0, 0]);
    expect(x[0]).toBeCloseTo(3, 3);
    expect(x[1]).toBeCloseTo(-1, 3);
    expect(value).toBeLessThan(1e-6);
  });

  it("gets close to Rosenbrock's minimum at (1, 1)", () => {
    const { x } = minimize((p) => 100 * (p[1] - p[0] ** 2) ** 2 + (1 - p[0]) ** 2, [-1.2, 1], { maxEvaluations: 2000, tolerance: 1e-14 });
    expect(x[0]).toBeCloseTo(1, 2);
    expect(x[1]).toBeCloseTo(1, 2);
  });

  it("maps bounded parameters both ways", () => {
    expect(bounded(unbounded(0.3, 0, 1), 0, 1)).toBeCloseTo(0.3, 12);
    expect(bounded(50, 0.8, 0.98)).toBeLessThanOrEqual(0.98);
  });
});
