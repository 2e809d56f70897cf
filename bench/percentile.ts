/**
 * The nearest-rank percentile of values sorted ascending: the smallest value with at least `p` (0–1) of them at or
 * below it. NaN for no values.
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}
