import { autoEts } from "./ets-auto";
import { croston, sba, tsb } from "./intermittent";
import { naive, seasonalNaive } from "./naive";
import { ses } from "./simple-exponential-smoothing";
import { theta } from "./theta";
import type { Candidate, DemandClass, PointForecaster } from "./types";

const fixed = (name: string, method: PointForecaster): Candidate => ({ name, prepare: () => method });

/** A forecast made from other candidates' forecasts, element by element. */
export type Combination = { name: string; members: string[]; combine: "mean" | "median" };

export type CandidateSet = { methods: Candidate[]; combinations: Combination[] };

/**
 * Which methods compete for a series. Smooth and erratic series get the smoothing family; intermittent and lumpy
 * ones the Croston family as well, since ETS and Theta read their zeros as level changes. Seasonal naive only
 * enters with two full cycles.
 */
export function candidatesFor(demandClass: DemandClass, length: number, seasonLength: number): CandidateSet {
  const methods: Candidate[] = [fixed("naive", naive), fixed("ses", ses), fixed("theta", theta), autoEts];
  if (seasonLength > 1 && length >= 2 * seasonLength) methods.push(fixed("seasonal-naive", seasonalNaive));
  const combinations: Combination[] = [{ name: "mean(ses,theta,ets)", members: ["ses", "theta", "ets"], combine: "mean" }];
  if (demandClass === "intermittent" || demandClass === "lumpy") {
    methods.push(fixed("croston", croston()), fixed("sba", sba()), fixed("tsb", tsb()));
    combinations.push({ name: "mean(ses,sba,tsb)", members: ["ses", "sba", "tsb"], combine: "mean" });
  }
  return { methods, combinations };
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
