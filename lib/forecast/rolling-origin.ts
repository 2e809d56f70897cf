import { combine, type CandidateSet } from "./candidates";

/** Errors (actual − forecast) of one method over the holdout: one row per origin, oldest first; index k = k + 1 steps ahead. */
export type HoldoutErrors = { name: string; byOrigin: number[][] };

/** The holdout origins: the last `window` positions of the history, each forecasting up to `horizon` ahead. */
export function holdoutWindow(length: number, horizon: number, minimumTraining: number): number {
  return Math.max(0, Math.min(horizon, length - minimumTraining));
}

/**
 * Rolling-origin evaluation inside the history: for each origin o in the last `window` positions every method
 * is fitted on y[0..o) and scored on y[o..]. Only the history passed in is ever seen. Combinations reuse their
 * members' forecasts.
 */
export function evaluateRollingOrigin(
  y: readonly number[],
  set: CandidateSet,
  horizon: number,
  seasonLength: number,
  window: number,
): HoldoutErrors[] {
  const n = y.length;
  const prepared = set.methods.map((c) => ({ name: c.name, forecaster: c.prepare(y.slice(0, n - window), seasonLength) }));
  const results = new Map<string, HoldoutErrors>();
  for (const name of [...prepared.map((p) => p.name), ...set.combinations.map((c) => c.name)]) {
    results.set(name, { name, byOrigin: [] });
  }
  for (let origin = n - window; origin < n; origin++) {
    const steps = Math.min(horizon, n - origin);
    const training = y.slice(0, origin);
    const byName = new Map<string, number[]>();
    for (const p of prepared)
      byName.set(
        p.name,
        p.forecaster(training, steps, seasonLength).map((v) => Math.max(0, v)),
      );
    for (const c of set.combinations)
      byName.set(
        c.name,
        combine(
          c.members.map((m) => byName.get(m)!),
          c.combine,
        ),
      );
    for (const [name, forecast] of byName) {
      results.get(name)!.byOrigin.push(forecast.map((f, k) => y[origin + k] - f));
    }
  }
  return [...results.values()];
}

export type HoldoutScore = { name: string; mae: number; rmse: number; score: number };

/**
 * Each method's MAE and RMSE over the holdout errors of the last `lastOrigins` origins, and a score that weighs both relative to the best method
 * on each. A planner needs the level of demand (RMSE rewards the mean) without chasing the many zeros of a slow
 * mover (MAE rewards the median, which is often zero); neither alone makes a usable forecast.
 */
export function scoreHoldout(errors: readonly HoldoutErrors[], lastOrigins = Infinity): HoldoutScore[] {
  const raw = errors.map((e) => {
    const all = e.byOrigin.slice(-lastOrigins).flat();
    const mae = all.reduce((a, b) => a + Math.abs(b), 0) / all.length;
    const rmse = Math.sqrt(all.reduce((a, b) => a + b * b, 0) / all.length);
    return { name: e.name, mae, rmse };
  });
  const bestMae = Math.max(1e-12, Math.min(...raw.map((r) => r.mae)));
  const bestRmse = Math.max(1e-12, Math.min(...raw.map((r) => r.rmse)));
  return raw.map((r) => ({ ...r, score: r.mae / bestMae + r.rmse / bestRmse }));
}
