import { describe, expect, it } from "vitest";
import { etsForms } from "./ets-auto";
import { fitEts, forecastEts, type EtsFit } from "./ets";
import { fitSes } from "./simple-exponential-smoothing";

const fitted = (overrides: Partial<EtsFit>): EtsFit => ({
  form: { error: "A", trend: "Ad", season: "N" },
  parameters: { alpha: 0.5, beta: 0.1, gamma: 0, phi: 0.9 },
  final: { level: 10, trend: 2, seasons: [] },
  steps: 10,
  fitCriterion: 0,
  aicc: 0,
  ...overrides,
});

describe("ETS", () => {
  it("damps the trend by φ, φ + φ², … from the final states", () => {
    // 10 + 2 × 0.9 = 11.8; 10 + 2 × (0.9 + 0.81) = 13.42; 10 + 2 × (0.9 + 0.81 + 0.729) = 14.878
    const f = forecastEts(fitted({}), 3);
    expect(f[0]).toBeCloseTo(11.8, 12);
    expect(f[1]).toBeCloseTo(13.42, 12);
    expect(f[2]).toBeCloseTo(14.878, 12);
  });

  it("applies the season of the period being forecast", () => {
    const fit = fitted({ form: { error: "M", trend: "N", season: "M" }, final: { level: 10, trend: 0, seasons: [0.5, 1.5] }, steps: 3 });
    // the history held positions 0–2, so the next periods are positions 3 and 4: season indices 1 and 0
    expect(forecastEts(fit, 2)).toEqual([15, 5]);
  });

  it("fits ETS(A,N,N) as well as least-squares SES, being the same model", () => {
    const y = [12, 15, 11, 14, 18, 13, 16, 17, 12, 15, 14, 16];
    const ets = fitEts(y, { error: "A", trend: "N", season: "N" }, 1);
    const ses = fitSes(y);
    expect(Math.exp(ets.fitCriterion / y.length)).toBeLessThanOrEqual(ses.sse * 1.01);
    expect(forecastEts(ets, 1)[0]).toBeCloseTo(ses.level, 0);
  });

  it("recovers a clean multiplicative season", () => {
    const pattern = [1.3, 1.1, 0.9, 0.7];
    const y = Array.from({ length: 24 }, (_, t) => 50 * pattern[t % 4]);
    const f = forecastEts(fitEts(y, { error: "M", trend: "N", season: "M" }, 4), 4);
    f.forEach((v, k) => expect(v).toBeCloseTo(50 * pattern[k], 0));
  });

  it("offers multiplicative and seasonal forms only where the data allow", () => {
    expect(etsForms([0, 1, 2, 3], 12).every((f) => f.error === "A" && f.season === "N")).toBe(true);
    const seasonal = Array.from({ length: 36 }, (_, t) => 10 + (t % 12 === 0 ? 20 : 0));
    expect(etsForms(seasonal, 12).some((f) => f.season === "M")).toBe(true);
  });
});
