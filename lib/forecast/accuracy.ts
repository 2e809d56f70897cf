/** Accuracy measures for forecasts against held-out actuals; `null` actuals (missing periods) are skipped. */

type Actuals = readonly (number | null)[];

/** Mean absolute difference between values `lag` apart, over pairs where both were observed. */
export function laggedMeanAbsoluteChange(history: Actuals, lag: number): number {
  let sum = 0;
  let count = 0;
  for (let t = lag; t < history.length; t++) {
    const a = history[t];
    const b = history[t - lag];
    if (a === null || b === null) continue;
    sum += Math.abs(a - b);
    count++;
  }
  return count ? sum / count : NaN;
}

function meanOver(actuals: Actuals, forecast: readonly number[], error: (a: number, f: number) => number): number {
  let sum = 0;
  let count = 0;
  actuals.forEach((a, k) => {
    if (a === null || !Number.isFinite(forecast[k])) return;
    sum += error(a, forecast[k]);
    count++;
  });
  return count ? sum / count : NaN;
}

/** Mean absolute scaled error (Hyndman & Koehler 2006), scaled by the in-sample seasonal naive MAE at `lag`. */
export function mase(history: Actuals, actuals: Actuals, forecast: readonly number[], lag: number): number {
  return meanOver(actuals, forecast, (a, f) => Math.abs(a - f)) / laggedMeanAbsoluteChange(history, lag);
}

/** Root mean squared scaled error of the M5 competition: scaled by the in-sample one-step naive squared error. */
export function rmsse(history: Actuals, actuals: Actuals, forecast: readonly number[]): number {
  let sum = 0;
  let count = 0;
  for (let t = 1; t < history.length; t++) {
    const a = history[t];
    const b = history[t - 1];
    if (a === null || b === null) continue;
    sum += (a - b) ** 2;
    count++;
  }
  return Math.sqrt(meanOver(actuals, forecast, (a, f) => (a - f) ** 2) / (sum / count));
}

/** Symmetric MAPE in percent as in the M3 competition (Makridakis & Hibon 2000). */
export function smape(actuals: Actuals, forecast: readonly number[]): number {
  return meanOver(actuals, forecast, (a, f) => (a === 0 && f === 0 ? 0 : (200 * Math.abs(a - f)) / (Math.abs(a) + Math.abs(f))));
}
