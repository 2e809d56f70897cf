import { describe, expect, it } from "vitest";
import { forecastSeries } from "./forecast-series";

/** Mulberry32: a small seeded generator, so the simulated series are the same on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

function coverage(simulate: (random: () => number, length: number) => number[], seed: number): Record<string, number> {
  const random = seeded(seed);
  const inside = { "80": 0, "95": 0 };
  let points = 0;
  for (let s = 0; s < 200; s++) {
    const y = simulate(random, 48);
    const result = forecastSeries(y.slice(0, 36), { horizon: 12, seasonLength: 12 });
    y.slice(36).forEach((actual, k) => {
      points++;
      for (const level of ["80", "95"] as const) if (actual >= result.lower[level][k] && actual <= result.upper[level][k]) inside[level]++;
    });
  }
  return { "80": inside["80"] / points, "95": inside["95"] / points };
}

describe("forecastSeries", () => {
  it("covers 75–85% of future values with its 80% intervals on a noisy level", () => {
    const c = coverage((random, n) => Array.from({ length: n }, () => Math.max(0, 100 + 15 * normal(random))), 17);
    expect(c["80"]).toBeGreaterThanOrEqual(0.75);
    expect(c["80"]).toBeLessThanOrEqual(0.85);
    expect(c["95"]).toBeGreaterThan(0.88);
  });

  it("covers 75–85% of future values with its 80% intervals on intermittent demand", () => {
    // demand in about one period of three, of size 1 to 6
    const c = coverage((random, n) => Array.from({ length: n }, () => (random() < 0.35 ? 1 + Math.floor(6 * random()) : 0)), 42);
    expect(c["80"]).toBeGreaterThanOrEqual(0.75);
    expect(c["80"]).toBeLessThanOrEqual(0.85);
  });

  it("classifies, names the chosen method and explains it with the holdout scores", () => {
    const result = forecastSeries([0, 3, 0, 0, 2, 0, 0, 0, 4, 0, 1, 0, 0, 5, 0, 0, 2, 0], { horizon: 3, seasonLength: 12 });
    expect(result.class).toBe("intermittent"); // ADI 3, CV² 0.27
    expect(result.forecast).toHaveLength(3);
    expect(result.holdout[0].name).toBe(result.method);
    expect(result.holdout.map((h) => h.name)).toContain("tsb");
    expect(result.lower["95"].every((v, k) => v <= result.forecast[k] + 1e-9 && v >= 0)).toBe(true);
  });

  it("skips missing periods at the end so the forecast lands on the periods asked for", () => {
    const trend = Array.from({ length: 24 }, (_, t) => 10 + t);
    const withGap = forecastSeries([...trend, null, null], { horizon: 2, seasonLength: 1 });
    const plain = forecastSeries(trend, { horizon: 4, seasonLength: 1 });
    expect(withGap.forecast[0]).toBeCloseTo(plain.forecast[2], 6);
  });

  it("bands a history too short to hold out by its period-to-period changes, both ways", () => {
    // changes +1, +1 and their mirror images −1, −1: the bands reach one unit either side of the forecast
    const result = forecastSeries([1, 2, 3], { horizon: 2, seasonLength: 12 });
    expect(result.holdout).toEqual([]);
    result.forecast.forEach((f, k) => {
      expect(result.lower["80"][k]).toBeCloseTo(f - 1, 6);
      expect(result.upper["80"][k]).toBeCloseTo(f + 1, 6);
    });
  });

  it("refuses a history without any observed value", () => {
    expect(() => forecastSeries([null, null], { horizon: 1, seasonLength: 1 })).toThrow(RangeError);
  });
});
