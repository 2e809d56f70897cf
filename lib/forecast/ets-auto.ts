import { fitEts, forecastEts, type EtsForm } from "./ets";
import { isSeasonal } from "./seasonality";
import type { Candidate } from "./types";

/**
 * The forms worth trying on this history: multiplicative ones only for strictly positive data, seasonal ones only
 * with three full cycles and a significant seasonal autocorrelation, trend ones only when there are enough points
 * to tell a trend from noise. A pragmatic subset of the 30 ETS forms; damping replaces the undamped trend
 * because it forecasts better out of sample (Gardner & McKenzie).
 */
export function etsForms(y: readonly number[], seasonLength: number): EtsForm[] {
  const positive = y.every((v) => v > 0);
  const errors: EtsForm["error"][] = positive ? ["A", "M"] : ["A"];
  const trends: EtsForm["trend"][] = y.length >= 10 ? ["N", "Ad"] : ["N"];
  const seasons: EtsForm["season"][] = ["N"];
  if (isSeasonal(y, seasonLength)) seasons.push(positive ? "M" : "A");
  const forms: EtsForm[] = [];
  for (const error of errors) for (const trend of trends) for (const season of seasons) forms.push({ error, trend, season });
  return forms;
}

/** Picks the form by AICc on the history (as Hyndman's `ets` does); holdout refits keep the form. */
export const autoEts: Candidate = {
  name: "ets",
  prepare: (history, seasonLength) => {
    let best = null;
    for (const form of etsForms(history, seasonLength)) {
      const fit = fitEts(history, form, seasonLength);
      if (!best || fit.aicc < best.aicc) best = fit;
    }
    const form = best!.form;
    return (y, horizon) => forecastEts(fitEts(y, form, seasonLength), horizon);
  },
};
