import { candidatesFor, combine, type CandidateSet } from "./candidates";
import { classifyDemand } from "./classify";
import { prepareHistory } from "./history";
import { empiricalBands } from "./intervals";
import { evaluateRollingOrigin, holdoutWindow, scoreHoldout, type HoldoutScore } from "./rolling-origin";
import type { DemandClass } from "./types";

export type ForecastOptions = {
  horizon: number;
  seasonLength: number;
  levels?: readonly number[];
  /** A planner's choice: used instead of the best-scored contender when it is one of the contenders. */
  pinned?: string | null;
  /**
   * A forecast of the same periods from a model learnt across many series (./global-model.ts): averaged with the
   * chosen method's, and the intervals set around that mean.
   */
  crossLearned?: readonly number[] | null;
};

export type SeriesForecast = {
  method: string;
  class: DemandClass;
  forecast: number[];
  lower: Record<string, number[]>;
  upper: Record<string, number[]>;
  /** The contenders' holdout errors, best first: why the method was chosen. */
  holdout: HoldoutScore[];
};

/** Fewest fitted points before a holdout origin: below it the methods' first forecasts are guesses. */
const MINIMUM_TRAINING = 6;
/**
 * Longest history fitted (or ten seasonal cycles when longer): every holdout origin refits every method, so cost
 * grows with length, and demand several years back says little about next month. Two years of days took 220 ms
 * a series without the cap. No car parts or M3 series is longer.
 */
export const MAXIMUM_FITTED = 200;
/**
 * Origins whose errors set the intervals. Every origin is scored on the same last values of the history, so the
 * errors are only as many independent draws as there are origins: with 12, the 80% band covered 69% of simulated
 * future values. With 24, and the quantiles corrected for 24 draws (./intervals.ts), 81% on a noisy level and
 * 75% on intermittent demand.
 */
const INTERVAL_ORIGINS = 24;
/** Most origins, whatever the horizon: each costs a refit of every method (a 90-day horizon took 106 ms a series). */
const MAXIMUM_ORIGINS = 36;

/**
 * Classifies the history, scores the candidate methods by rolling-origin holdout inside the history, refits the
 * winner on all of it and sets intervals from the holdout errors. `null` values are missing periods. Needs at
 * least one observed value.
 */
export function forecastSeries(values: readonly (number | null)[], options: ForecastOptions): SeriesForecast {
  const { horizon, seasonLength, levels = [80, 95] } = options;
  const prepared = prepareHistory(values);
  const { trailingMissing } = prepared;
  const y = prepared.y.slice(-Math.max(MAXIMUM_FITTED, 10 * seasonLength));
  if (!y.length) throw new RangeError("A forecast needs at least one observed value");
  const demandClass = classifyDemand(y).class;
  const set = candidatesFor(demandClass);
  const window = holdoutWindow(y.length, Math.min(Math.max(horizon, INTERVAL_ORIGINS), MAXIMUM_ORIGINS), MINIMUM_TRAINING);
  const errors = window >= 2 ? evaluateRollingOrigin(y, set, horizon, seasonLength, window) : [];
  const contenders = errors.filter((e) => set.contenders.includes(e.name));
  const holdout = scoreHoldout(contenders, horizon).sort((a, b) => a.score - b.score);
  const pinned = options.pinned && holdout.some((h) => h.name === options.pinned) ? options.pinned : null;
  const chosen = pinned ?? holdout[0]?.name ?? (y.length >= 2 ? "ses" : "theta");
  const own = fullForecast(y, chosen, set, horizon + trailingMissing, seasonLength).slice(trailingMissing);
  const crossLearned = !pinned && options.crossLearned?.length === horizon ? options.crossLearned : null;
  const method = crossLearned ? `mean(${chosen},global)` : chosen;
  const forecast = crossLearned ? own.map((f, k) => (f + crossLearned[k]) / 2) : own;
  // All candidates' errors, not the winner's alone: the winner's are the smallest partly by luck, and intervals
  // from them alone covered about 67% instead of 80% on the car parts training data.
  const pooledErrors = errors.flatMap((e) => e.byOrigin.flat());
  return {
    method,
    class: demandClass,
    forecast,
    ...empiricalBands(
      forecast,
      pooledErrors.length ? pooledErrors : naiveChanges(y),
      levels,
      pooledErrors.length ? window : Math.max(1, y.length - 1),
    ),
    holdout,
  };
}

function fullForecast(y: readonly number[], method: string, set: CandidateSet, steps: number, seasonLength: number): number[] {
  const one = (name: string) => {
    const candidate = set.methods.find((m) => m.name === name)!;
    return candidate
      .prepare(y, seasonLength)(y, steps, seasonLength)
      .map((v) => Math.max(0, v));
  };
  const combination = set.combinations.find((c) => c.name === method);
  return combination ? combine(combination.members.map(one), combination.combine) : one(method);
}

/**
 * Changes between neighbouring periods, both ways round: the interval of last resort for a history too short to
 * hold out, as for a random walk, whose steps are as likely up as down.
 */
function naiveChanges(y: readonly number[]): number[] {
  const changes = y.slice(1).flatMap((v, t) => [v - y[t], y[t] - v]);
  return changes.length ? changes : [0];
}
