/** Type 7 (linear interpolation) sample quantile of sorted values. */
export function quantile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return 0;
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
}

export type Bands = { lower: Record<string, number[]>; upper: Record<string, number[]> };

/**
 * Prediction intervals from the empirical quantiles of the holdout errors. The holdout of a short history gives
 * only a handful of errors per step ahead, so they are pooled over all steps; demand cannot be negative, so the
 * lower bound is clipped at zero (which for a slow mover makes "no demand" part of every interval).
 */
export function empiricalBands(forecast: readonly number[], errors: readonly number[], levels: readonly number[]): Bands {
  const sorted = [...errors].sort((a, b) => a - b);
  const lower: Record<string, number[]> = {};
  const upper: Record<string, number[]> = {};
  for (const level of levels) {
    const tail = (1 - level / 100) / 2;
    const low = quantile(sorted, tail);
    const high = quantile(sorted, 1 - tail);
    lower[String(level)] = forecast.map((f) => Math.max(0, f + low));
    upper[String(level)] = forecast.map((f) => Math.max(0, f + high));
  }
  return { lower, upper };
}
