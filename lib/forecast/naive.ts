import type { PointForecaster } from "./types";

/** Last value carried forward. */
export const naive: PointForecaster = (y, horizon) => new Array<number>(horizon).fill(y[y.length - 1]);

/** The value of the same season one cycle back; plain naive when there is less than one full cycle. */
export const seasonalNaive: PointForecaster = (y, horizon, seasonLength) => {
  if (seasonLength <= 1 || y.length < seasonLength) return naive(y, horizon, seasonLength);
  const lastCycle = y.slice(y.length - seasonLength);
  return Array.from({ length: horizon }, (_, k) => lastCycle[k % seasonLength]);
};

/** Mean of the whole history. */
export const historicMean: PointForecaster = (y, horizon) => new Array<number>(horizon).fill(mean(y));

export function mean(y: readonly number[]): number {
  let sum = 0;
  for (const v of y) sum += v;
  return y.length ? sum / y.length : 0;
}
