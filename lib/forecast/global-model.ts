import { predict, trainMlp, type Mlp } from "./mlp";
import { theta } from "./theta";

/**
 * A model learnt across many series at once ("cross-learning"): what happened after similar stretches of other
 * series tells a series' own future, which its short history alone cannot. Each window of a history is scaled by
 * its last year's mean and logged, so series of any size share one model; Theta's forecast from the same point is
 * an input too, so the network learns how to correct it rather than start from nothing. Used only for monthly
 * series with demand in every month (the logs need it) and only in calls with many of them: measured on the M3
 * monthly series (docs/BENCHMARKS.md), the mean of this and the series' own chosen method beat either alone.
 */
export type GlobalModel = { forecast: (history: readonly number[]) => number[] };

export const GLOBAL_MODEL = {
  seasonLength: 12,
  /** Months of history a window reads: two years. Three did no better on the validation months (within 0.01), one worse. */
  lookback: 24,
  /** Fewest eligible series before a model is learnt: below it, one series' quirks would be the model. */
  minimumSeries: 100,
  /** Networks averaged: each seed's errors differ, and their mean is steadier than any. */
  seeds: 3,
  hidden: [32, 32],
  epochs: 15,
  /** Most training windows, taken evenly across them: bounds the learning time of a large call. */
  maximumWindows: 120_000,
} as const;

/** Whether the model can serve this history: monthly, no gaps, demand in every month, enough months to read. */
export function eligibleForGlobalModel(values: readonly (number | null)[], seasonLength: number): values is number[] {
  return seasonLength === GLOBAL_MODEL.seasonLength && values.length >= GLOBAL_MODEL.lookback + 6 && values.every((v) => v !== null && v > 0);
}

const MAXIMUM_LOG_RATIO = 5;

/** The scaled window ending before `end` and Theta's forecast from there: the network's input. */
function windowInput(y: readonly number[], end: number, horizon: number): { input: Float64Array; scale: number } {
  const { lookback, seasonLength } = GLOBAL_MODEL;
  let scale = 0;
  for (let t = end - seasonLength; t < end; t++) scale += y[t] / seasonLength;
  const input = new Float64Array(lookback + horizon);
  for (let i = 0; i < lookback; i++) input[i] = Math.log(y[end - lookback + i] / scale);
  const thetaForecast = theta(y.slice(0, end), horizon, seasonLength);
  for (let k = 0; k < horizon; k++) input[lookback + k] = Math.log(Math.max(thetaForecast[k], 1e-6 * scale) / scale);
  return { input, scale };
}

/**
 * Learns one model from every window of the histories (each window's targets are the months after it that the
 * history holds), or answers null when there are too few. Never sees anything after a history's end. Takes, and
 * forecasts, only histories that eligibleForGlobalModel accepts: a shorter one has no full window to read.
 */
export function fitGlobalModel(histories: readonly (readonly number[])[], horizon: number): GlobalModel | null {
  const { lookback, minimumSeries, maximumWindows, seeds, hidden, epochs } = GLOBAL_MODEL;
  if (histories.length < minimumSeries) return null;
  const ends = histories.flatMap((y, s) => Array.from({ length: y.length - lookback }, (_, i) => [s, lookback + i] as const));
  const stride = Math.max(1, ends.length / maximumWindows);
  const inputs: Float64Array[] = [];
  const targets: Float64Array[] = [];
  for (let w = 0; w < ends.length; w += stride) {
    const [s, end] = ends[Math.floor(w)];
    const y = histories[s];
    const { input, scale } = windowInput(y, end, horizon);
    inputs.push(input);
    targets.push(Float64Array.from({ length: horizon }, (_, k) => (end + k < y.length ? Math.log(y[end + k] / scale) : NaN)));
  }
  const networks: Mlp[] = Array.from({ length: seeds }, (_, i) => trainMlp(inputs, targets, { hidden, epochs, seed: 1_000 + 7_919 * i }));
  return {
    forecast(history) {
      const { input, scale } = windowInput(history, history.length, horizon);
      const mean = new Float64Array(horizon);
      for (const network of networks) predict(network, input).forEach((v, k) => (mean[k] += v / networks.length));
      // A history unlike any the model learnt from could send it anywhere: no forecast beyond e⁵ (about 150) times,
      // or below 1/150 of, the last year's mean.
      return Array.from(mean, (v) => scale * Math.exp(Math.min(MAXIMUM_LOG_RATIO, Math.max(-MAXIMUM_LOG_RATIO, v))));
    },
  };
}
