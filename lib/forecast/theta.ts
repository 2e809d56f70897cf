import { fitSes } from "./simple-exponential-smoothing";
import { isSeasonal, seasonalIndices } from "./seasonality";
import type { PointForecaster } from "./types";

/**
 * The Theta method of the M3 competition in Hyndman & Billah's (2003) form: SES on the seasonally adjusted series
 * plus half the slope of its linear trend as drift. Seasonality is removed by classical multiplicative decomposition
 * when the 90% autocorrelation test finds it (and only for positive data, where ratios mean something).
 */
export const theta: PointForecaster = (y, horizon, seasonLength) => {
  const seasonal = y.every((v) => v > 0) && isSeasonal(y, seasonLength);
  const indices = seasonal ? seasonalIndices(y, seasonLength, "multiplicative") : [];
  const adjusted = seasonal ? y.map((v, t) => v / indices[t % seasonLength]) : [...y];
  const n = adjusted.length;
  const slope = linearSlope(adjusted);
  const { alpha, level } = fitSes(adjusted);
  const drift = (1 - (1 - alpha) ** n) / alpha;
  return Array.from({ length: horizon }, (_, k) => {
    const point = level + 0.5 * slope * (k + drift);
    return seasonal ? point * indices[(n + k) % seasonLength] : point;
  });
};

/** Least-squares slope of y against time 0..n−1. */
export function linearSlope(y: readonly number[]): number {
  const n = y.length;
  if (n < 2) return 0;
  const meanT = (n - 1) / 2;
  let meanY = 0;
  for (const v of y) meanY += v / n;
  let covariance = 0;
  let variance = 0;
  for (let t = 0; t < n; t++) {
    covariance += (t - meanT) * (y[t] - meanY);
    variance += (t - meanT) ** 2;
  }
  return covariance / variance;
}
