import { describe, expect, it } from "vitest";
import { smape } from "./accuracy";
import { forecastBatch } from "./forecast-many";
import { eligibleForGlobalModel, fitGlobalModel } from "./global-model";
import { seededRandom } from "./mlp";
import { theta } from "./theta";

/** Months that share one yearly shape (a winter peak) under noise, each series at its own level. */
function sharedSeasonSeries(count: number, months: number, seed: number) {
  const random = seededRandom(seed);
  const shape = [0.7, 0.7, 0.8, 0.9, 1, 1, 0.9, 0.9, 1, 1.1, 1.6, 1.8];
  return Array.from({ length: count }, () => {
    const level = 10 + 990 * random();
    const noisy = (t: number) => level * shape[t % 12] * Math.exp(0.3 * (random() + random() + random() - 1.5));
    return {
      history: Array.from({ length: months }, (_, t) => noisy(t)),
      expected: Array.from({ length: 12 }, (_, k) => level * shape[(months + k) % 12]),
    };
  });
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

describe("the model learnt across series", () => {
  it("serves monthly histories with demand in every month and at least 30 months", () => {
    const months = Array.from({ length: 30 }, (_, t) => 5 + t);
    expect(eligibleForGlobalModel(months, 12)).toBe(true);
    expect(eligibleForGlobalModel(months, 52)).toBe(false);
    expect(eligibleForGlobalModel(months.slice(1), 12)).toBe(false);
    expect(eligibleForGlobalModel([...months, 0], 12)).toBe(false);
    expect(eligibleForGlobalModel([...months, null], 12)).toBe(false);
  });

  it("is not learnt from fewer than 100 series", () => {
    expect(
      fitGlobalModel(
        sharedSeasonSeries(99, 36, 1).map((s) => s.history),
        12,
      ),
    ).toBeNull();
  });

  // Two and a half years each: too short for Theta to tell the season from the noise in most of them. (With three
  // years Theta's decomposition reads this clean shape better than the model: 9.7 against 13.8.)
  it("reads a season that short, noisy histories share better than Theta reads it from each alone", () => {
    const training = sharedSeasonSeries(150, 30, 2);
    const model = fitGlobalModel(
      training.map((s) => s.history),
      12,
    )!;
    const global = mean(training.map((s) => smape(s.expected, model.forecast(s.history))));
    const own = mean(training.map((s) => smape(s.expected, theta(s.history, 12, 12))));
    expect(global).toBeLessThan(own); // 21.7 against 25.1
  });

  it("keeps a forecast for a history unlike any it learnt from within 150 times its last year's mean", () => {
    const model = fitGlobalModel(
      sharedSeasonSeries(120, 36, 4).map((s) => s.history),
      12,
    )!;
    const wild = Array.from({ length: 36 }, (_, t) => (t % 2 ? 1e-6 : 1e6) * (t + 1));
    const lastYearMean = wild.slice(-12).reduce((a, b) => a + b, 0) / 12;
    for (const f of model.forecast(wild)) {
      expect(f).toBeLessThanOrEqual(lastYearMean * Math.exp(5) * (1 + 1e-9));
      expect(f).toBeGreaterThanOrEqual(lastYearMean * Math.exp(-5) * (1 - 1e-9));
    }
  });

  it("joins each eligible series' own forecast in a call with enough of them, and no other", () => {
    const monthly = sharedSeasonSeries(100, 30, 3).map((s) => ({ values: s.history, seasonLength: 12 }));
    const withZero = { values: [0, ...monthly[0].values], seasonLength: 12 };
    const weekly = { values: monthly[1].values, seasonLength: 52 };
    const results = forecastBatch([...monthly, withZero, weekly], 12);
    expect(results.slice(0, 100).every((r) => /^mean\(.+,global\)$/.test(r.method))).toBe(true);
    expect(results.slice(100).some((r) => r.method.includes("global"))).toBe(false);
    const fewer = forecastBatch(monthly.slice(0, 99), 12);
    expect(fewer.some((r) => r.method.includes("global"))).toBe(false);
  });
});
