import { ForecastInputInvalid } from "./errors";
import { forecastSeries } from "./forecast-series";
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

/**
 * Forecasts every series independently (no state is kept). All series are checked first, so a bad call costs no
 * forecasting and the caller learns every fault at once.
 */
export function forecastMany(input: ForecastInput): ForecastAnswer {
  const levels = input.level ?? [80, 95];
  const issues = input.series.map((s, i) => faultOf(s, i, input.horizon)).filter((issue): issue is FieldIssue => issue !== null);
  if (issues.length) throw new ForecastInputInvalid(issues);
  const data = input.series.map((series) => {
    const seasonLength = series.seasonLength ?? DEFAULT_SEASON_LENGTH[series.period];
    const result = forecastSeries(series.values, { horizon: input.horizon, seasonLength, levels });
    return { id: series.id, method: result.method, class: result.class, forecast: result.forecast, lower: result.lower, upper: result.upper };
  });
  return { data };
}
