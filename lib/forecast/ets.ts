import { bounded, minimize } from "./nelder-mead";
import { mean } from "./naive";
import { seasonalIndices } from "./seasonality";
import { linearSlope } from "./theta";

/** An ETS form (Hyndman et al. 2008): error, trend (none or damped) and season (none, additive, multiplicative). */
export type EtsForm = { error: "A" | "M"; trend: "N" | "Ad"; season: "N" | "A" | "M" };
export type EtsParameters = { alpha: number; beta: number; gamma: number; phi: number };
type States = { level: number; trend: number; seasons: number[] };
export type EtsFit = { form: EtsForm; parameters: EtsParameters; final: States; steps: number; fitCriterion: number; aicc: number };

/**
 * One pass of the state-space recursion. Written with the raw error y − μ, the updates of the additive and
 * multiplicative error forms coincide (their α, β, γ differ only by a scaling); the error type changes the
 * likelihood alone.
 */
function filter(y: readonly number[], form: EtsForm, p: EtsParameters, initial: States): { final: States; criterion: number } {
  const m = initial.seasons.length;
  const seasons = [...initial.seasons];
  let { level, trend } = initial;
  let sumSquares = 0;
  let sumLogMu = 0;
  for (let t = 0; t < y.length; t++) {
    const base = level + p.phi * trend;
    const s = m ? seasons[t % m] : form.season === "M" ? 1 : 0;
    const mu = form.season === "M" ? base * s : base + s;
    const error = y[t] - mu;
    if (form.error === "M") {
      if (mu <= 0) return { final: { level, trend, seasons }, criterion: Infinity };
      sumSquares += (error / mu) ** 2;
      sumLogMu += Math.log(mu);
    } else sumSquares += error * error;
    const divisor = form.season === "M" ? s : 1;
    level = base + (p.alpha * error) / divisor;
    trend = p.phi * trend + (p.beta * error) / divisor;
    if (m) seasons[t % m] = s + (form.season === "M" ? (p.gamma * error) / base : p.gamma * error);
  }
  const n = y.length;
  const criterion = n * Math.log(Math.max(sumSquares, 1e-300)) + 2 * sumLogMu;
  return { final: { level, trend, seasons }, criterion };
}

function initialStates(y: readonly number[], form: EtsForm, seasonLength: number): States {
  const m = form.season === "N" ? 0 : seasonLength;
  const seasons = m ? seasonalIndices(y.slice(0, Math.min(y.length, 4 * m)), m, form.season === "M" ? "multiplicative" : "additive") : [];
  const deseason = (v: number, t: number) => (!m ? v : form.season === "M" ? v / seasons[t % m] : v - seasons[t % m]);
  if (form.trend === "N") return { level: mean(y.slice(0, Math.max(m, Math.min(4, y.length))).map(deseason)), trend: 0, seasons };
  // A line through the first ten points (or the first cycle): two points alone made the start's trend noise.
  const first = y.slice(0, Math.max(m, Math.min(10, y.length))).map(deseason);
  const trend = linearSlope(first);
  return { level: mean(first) - trend * ((first.length - 1) / 2 + 1), trend, seasons };
}

function decode(x: number[], form: EtsForm): EtsParameters {
  const alpha = bounded(x[0], 1e-4, 0.9999);
  const beta = form.trend === "N" ? 0 : bounded(x[1], 1e-4, 1) * alpha;
  const gamma = form.season === "N" ? 0 : bounded(x[2], 1e-4, 1) * (1 - alpha);
  const phi = form.trend === "N" ? 1 : bounded(x[3], 0.8, 0.98);
  return { alpha, beta, gamma, phi };
}

/** Fits α, β, γ, φ and the initial level (and trend) by maximum likelihood, from a heuristic start. */
export function fitEts(y: readonly number[], form: EtsForm, seasonLength: number): EtsFit {
  const start = initialStates(y, form, seasonLength);
  const scale = Math.max(1e-9, mean(y.map(Math.abs)));
  // Only the parameters the form uses are searched; the others stay at their neutral start.
  const active = [0, 4, ...(form.trend === "N" ? [] : [1, 3, 5]), ...(form.season === "N" ? [] : [2])];
  const defaults = [-1.5, -1, -1, 1, 0, 0];
  const full = (a: number[]) => {
    const x = [...defaults];
    active.forEach((index, i) => (x[index] = a[i]));
    return x;
  };
  const run = (a: number[]) => {
    const x = full(a);
    const initial = { level: start.level + x[4] * scale, trend: start.trend + x[5] * scale * 0.1, seasons: start.seasons };
    return filter(y, form, decode(x, form), initial);
  };
  const best = minimize(
    (a) => run(a).criterion,
    active.map((i) => defaults[i]),
    { maxEvaluations: 100 * active.length, step: 0.6 },
  );
  const parameters = decode(full(best.x), form);
  const { final, criterion } = run(best.x);
  const k = 3 + (form.trend === "N" ? 0 : 3) + (form.season === "N" ? 0 : 1 + seasonLength - 1);
  const n = y.length;
  const aicc = criterion + 2 * k + (n - k - 1 > 0 ? (2 * k * (k + 1)) / (n - k - 1) : Infinity);
  return { form, parameters, final, steps: n, fitCriterion: criterion, aicc };
}

/** Point forecasts from a fitted model's final states. */
export function forecastEts(fit: EtsFit, horizon: number): number[] {
  const { form, parameters: p, final } = fit;
  const m = final.seasons.length;
  const result: number[] = [];
  let dampedSum = 0;
  for (let k = 1; k <= horizon; k++) {
    dampedSum += p.phi ** k;
    const base = final.level + (form.trend === "N" ? 0 : dampedSum * final.trend);
    const s = m ? final.seasons[(fit.steps + k - 1) % m] : 0;
    result.push(form.season === "M" ? base * s : base + s);
  }
  return result;
}
