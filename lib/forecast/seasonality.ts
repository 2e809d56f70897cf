import { mean } from "./naive";

export function autocorrelations(y: readonly number[], maxLag: number): number[] {
  const mu = mean(y);
  let denominator = 0;
  for (const v of y) denominator += (v - mu) ** 2;
  const result: number[] = [];
  for (let lag = 1; lag <= maxLag; lag++) {
    let numerator = 0;
    for (let t = lag; t < y.length; t++) numerator += (y[t] - mu) * (y[t - lag] - mu);
    result.push(denominator > 0 ? numerator / denominator : 0);
  }
  return result;
}

/**
 * The 90% test of the M3 Theta method (Assimakopoulos & Nikolopoulos 2000): the autocorrelation at the seasonal
 * lag is significant against Bartlett's standard error. Needs three full cycles to be worth trusting.
 */
export function isSeasonal(y: readonly number[], seasonLength: number): boolean {
  if (seasonLength <= 1 || y.length < 3 * seasonLength) return false;
  const r = autocorrelations(y, seasonLength);
  let sumSquares = 0;
  for (let k = 0; k < seasonLength - 1; k++) sumSquares += r[k] ** 2;
  const limit = 1.645 * Math.sqrt((1 + 2 * sumSquares) / y.length);
  return Math.abs(r[seasonLength - 1]) > limit;
}

/**
 * Seasonal indices by classical decomposition: the ratio (or difference) of each value to a centred moving
 * average, averaged per season and normalised. Index k belongs to position k of the series modulo the season.
 */
export function seasonalIndices(y: readonly number[], seasonLength: number, kind: "additive" | "multiplicative"): number[] {
  const m = seasonLength;
  const half = Math.floor(m / 2);
  const sums = new Array<number>(m).fill(0);
  const counts = new Array<number>(m).fill(0);
  for (let t = half; t + half < y.length; t++) {
    let trend = 0;
    if (m % 2 === 0) {
      trend = (y[t - half] / 2 + y[t + half] / 2) / m;
      for (let j = t - half + 1; j < t + half; j++) trend += y[j] / m;
    } else {
      for (let j = t - half; j <= t + half; j++) trend += y[j] / m;
    }
    const detrended = kind === "multiplicative" ? (trend > 0 ? y[t] / trend : 1) : y[t] - trend;
    sums[t % m] += detrended;
    counts[t % m]++;
  }
  const raw = sums.map((s, k) => (counts[k] ? s / counts[k] : kind === "multiplicative" ? 1 : 0));
  const centre = mean(raw);
  return raw.map((v) => (kind === "multiplicative" ? (centre > 0 ? v / centre : 1) : v - centre));
}
