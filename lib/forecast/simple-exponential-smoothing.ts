import { bounded, minimize, unbounded } from "./nelder-mead";
import type { PointForecaster } from "./types";

export type SesFit = { alpha: number; initialLevel: number; level: number; sse: number };

/** Runs SES from `initialLevel`; returns the final level and the one-step squared error sum. */
export function runSes(y: readonly number[], alpha: number, initialLevel = y[0]): SesFit {
  let level = initialLevel;
  let sse = 0;
  for (const v of y) {
    const error = v - level;
    sse += error * error;
    level += alpha * error;
  }
  return { alpha, initialLevel, level, sse };
}

/** SES with alpha and the initial level chosen by least squares (ETS(A,N,N)'s point forecasts). */
export function fitSes(y: readonly number[]): SesFit {
  const scale = Math.max(1e-9, Math.abs(y[0]) + spread(y));
  const start = [unbounded(0.2, 1e-4, 0.9999), 0];
  const toFit = (p: number[]) => runSes(y, bounded(p[0], 1e-4, 0.9999), y[0] + p[1] * scale);
  const best = minimize((p) => toFit(p).sse, start, { maxEvaluations: 200 });
  return toFit(best.x);
}

function spread(y: readonly number[]): number {
  let low = Infinity;
  let high = -Infinity;
  for (const v of y) {
    low = Math.min(low, v);
    high = Math.max(high, v);
  }
  return (high - low) / 2;
}

/** SES with a fixed alpha and the first value as the initial level (the textbook recursion). */
export function sesWithAlpha(alpha: number): PointForecaster {
  return (y, horizon) => new Array<number>(horizon).fill(runSes(y, alpha).level);
}

export const ses: PointForecaster = (y, horizon) => new Array<number>(horizon).fill(fitSes(y).level);
