import type { PointForecaster } from "./types";

/** Smoothed demand size and inter-demand interval, updated only in periods with demand (Croston 1972). */
export function crostonEstimates(y: readonly number[], alpha: number): { size: number; interval: number } | null {
  let size = NaN;
  let interval = NaN;
  let sinceLast = 0;
  for (const v of y) {
    sinceLast++;
    if (v <= 0) continue;
    if (Number.isNaN(size)) {
      // Initialised on the first demand and the periods up to it, as in Croston's and Syntetos's papers.
      size = v;
      interval = sinceLast;
    } else {
      size += alpha * (v - size);
      interval += alpha * (sinceLast - interval);
    }
    sinceLast = 0;
  }
  return Number.isNaN(size) ? null : { size, interval };
}

/** Croston's demand rate: smoothed size ÷ smoothed interval; zero when nothing was ever demanded. */
export function croston(alpha = 0.1): PointForecaster {
  return (y, horizon) => {
    const e = crostonEstimates(y, alpha);
    return new Array<number>(horizon).fill(e ? e.size / e.interval : 0);
  };
}

/** Syntetos–Boylan approximation: Croston corrected for its bias by the factor 1 − α/2. */
export function sba(alpha = 0.1): PointForecaster {
  return (y, horizon) => {
    const e = crostonEstimates(y, alpha);
    return new Array<number>(horizon).fill(e ? (1 - alpha / 2) * (e.size / e.interval) : 0);
  };
}

/**
 * Teunter–Syntetos–Babai: the probability of demand is smoothed every period (so it decays while nothing sells,
 * which Croston never does for an item going obsolete), the size only when there is demand.
 */
export function tsbEstimates(y: readonly number[], alphaSize: number, alphaProbability: number): { size: number; probability: number } {
  const firstDemand = y.find((v) => v > 0);
  if (firstDemand === undefined) return { size: 0, probability: 0 };
  let size = firstDemand;
  let probability = y.filter((v) => v > 0).length / y.length;
  for (const v of y) {
    const occurred = v > 0 ? 1 : 0;
    probability += alphaProbability * (occurred - probability);
    if (occurred) size += alphaSize * (v - size);
  }
  return { size, probability };
}

export function tsb(alphaSize = 0.1, alphaProbability = 0.1): PointForecaster {
  return (y, horizon) => {
    const e = tsbEstimates(y, alphaSize, alphaProbability);
    return new Array<number>(horizon).fill(e.size * e.probability);
  };
}
