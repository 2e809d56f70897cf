import { ForecastInputInvalid } from "./errors";
import { forecastSeries, MAXIMUM_FITTED, type SeriesForecast } from "./forecast-series";
import { eligibleForGlobalModel, fitGlobalModel } from "./global-model";
import { DEFAULT_SEASON_LENGTH, MAX_HORIZON, MIN_OBSERVED, type ForecastAnswer, type ForecastInput } from "./schemas";
import type { FieldIssue } from "../domain-error";

type SeriesInput = ForecastInput["series"][number];

/** What is wrong with one series, if anything: the first fault found, named with the series' id. */
function faultOf(series: SeriesInput, index: number, horizon: number): FieldIssue | null {
  const name = `Series "${series.id}"`;
  const negative = series.values.findIndex((v) => v !== null && v < 0);
  if (negative >= 0)
    return { field: `series.${index}.values.${negative}`, message: `${name}: demand cannot be negative (${series.values[negative]})` };
  const observed = series.values.filter((v) => v !== null).length;
  if (observed < MIN_OBSERVED)
    return { field: `series.${index}.values`, message: `${name}: too short, ${observed} observed periods; at least ${MIN_OBSERVED} are needed` };
  if (horizon > MAX_HORIZON[series.period])
    return {
      field: "horizon",
      message: `${name}: horizon ${horizon} is out of range; at most ${MAX_HORIZON[series.period]} ${series.period}s ahead`,
    };
  return null;
}

export type BatchSeries = { values: readonly (number | null)[]; seasonLength: number };

/**
 * Forecasts each series by its own chosen method and, where enough of them are monthly with demand in every month,
 * averages that with a model learnt across those series (./global-model.ts). Nothing is kept between calls.
 */
export function forecastBatch(series: readonly BatchSeries[], horizon: number, levels: readonly number[] = [80, 95]): SeriesForecast[] {
  // The history the model reads, for each series it can serve; null for the others.
  const histories = series.map(({ values, seasonLength }) => (eligibleForGlobalModel(values, seasonLength) ? values.slice(-MAXIMUM_FITTED) : null));
  const model = fitGlobalModel(
    histories.filter((history) => history !== null),
    horizon,
  );
  return series.map((s, i) => {
    const history = histories[i];
    const crossLearned = model && history ? model.forecast(history) : null;
    return forecastSeries(s.values, { horizon, seasonLength: s.seasonLength, levels, crossLearned });
  });
}

/** Throws ForecastInputInvalid listing every faulty series: a bad call costs no forecasting, and names all faults. */
export function checkForecastInput(input: ForecastInput): void {
  const issues = input.series.map((s, i) => faultOf(s, i, input.horizon)).filter((issue): issue is FieldIssue => issue !== null);
  if (issues.length) throw new ForecastInputInvalid(issues);
}

/** Forecasts every series of a call, checked first (no state is kept between calls). */
export function forecastMany(input: ForecastInput): ForecastAnswer {
  checkForecastInput(input);
  return forecastChecked(input);
}

/** forecastMany after checkForecastInput: what lib/forecast/forecast-thread.ts runs off the server's thread. */
export function forecastChecked(input: ForecastInput): ForecastAnswer {
  const levels = input.level ?? [80, 95];
  const batch = input.series.map((s) => ({ values: s.values, seasonLength: s.seasonLength ?? DEFAULT_SEASON_LENGTH[s.period] }));
  const data = forecastBatch(batch, input.horizon, levels).map((result, i) => ({
    id: input.series[i].id,
    method: result.method,
    class: result.class,
    forecast: result.forecast,
    lower: result.lower,
    upper: result.upper,
  }));
  return { data };
}
