import { autoEts } from "./ets-auto";
import { croston, sba, tsb } from "./intermittent";
import { ses } from "./simple-exponential-smoothing";
import { theta } from "./theta";
import type { Candidate, DemandClass, PointForecaster } from "./types";

const fixed = (name: string, method: PointForecaster): Candidate => ({ name, prepare: () => method });

/** A forecast made from other candidates' forecasts, element by element. */
export type Combination = { name: string; members: string[]; combine: "mean" | "median" };

/** `methods` and `combinations` are all scored on the holdout (their errors set the intervals); `contenders` may win. */
export type CandidateSet = { methods: Candidate[]; combinations: Combination[]; contenders: string[] };

const smoothing: Combination = { name: "mean(ses,theta,ets)", members: ["ses", "theta", "ets"], combine: "mean" };
const intermittentMix: Combination = { name: "mean(ses,sba,tsb)", members: ["ses", "sba", "tsb"], combine: "mean" };

/**
 * Which methods compete for a series. The fewer the contenders, the less a short holdout's noise picks the winner:
 * smooth and erratic series choose between Theta and the mean of SES, Theta and ETS (the robust winners of the M3
 * and M4 competitions); intermittent and lumpy ones also get the Croston family and a faster TSB, whose decaying
 * demand probability follows parts going obsolete. Naive methods are kept out: they lost on every rolling-origin
 * run inside the car parts training data (see docs/BENCHMARKS.md).
 */
export function candidatesFor(demandClass: DemandClass): CandidateSet {
  const methods: Candidate[] = [fixed("ses", ses), fixed("theta", theta), autoEts];
  if (demandClass === "smooth" || demandClass === "erratic") return { methods, combinations: [smoothing], contenders: ["theta", smoothing.name] };
  methods.push(fixed("croston", croston()), fixed("sba", sba()), fixed("tsb", tsb()), fixed("tsb-fast", tsb(0.2, 0.2)));
  const combinations = [smoothing, intermittentMix];
  return { methods, combinations, contenders: [...methods.map((m) => m.name), ...combinations.map((c) => c.name)] };
}

export function combine(forecasts: readonly number[][], how: Combination["combine"]): number[] {
  return forecasts[0].map((_, k) => {
    const values = forecasts.map((f) => f[k]);
    if (how === "mean") return values.reduce((a, b) => a + b, 0) / values.length;
    values.sort((a, b) => a - b);
    const middle = Math.floor(values.length / 2);
    return values.length % 2 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
  });
}
