export type MinimizeOptions = { maxEvaluations?: number; tolerance?: number; step?: number };

/**
 * Nelder–Mead simplex minimisation (standard coefficients 1, 2, 0.5, 0.5). Derivative-free, which suits the
 * smoothing likelihoods: they are cheap to evaluate, bumpy, and bounded by transforms rather than constraints.
 */
export function minimize(f: (x: number[]) => number, start: readonly number[], options: MinimizeOptions = {}): { x: number[]; value: number } {
  const { maxEvaluations = 400, tolerance = 1e-8, step = 0.5 } = options;
  const n = start.length;
  const simplex: { x: number[]; value: number }[] = [];
  const evaluate = (x: number[]) => ({ x, value: safe(f(x)) });
  simplex.push(evaluate([...start]));
  for (let i = 0; i < n; i++) {
    const x = [...start];
    x[i] += x[i] === 0 ? step : step * Math.max(1, Math.abs(x[i]));
    simplex.push(evaluate(x));
  }
  let evaluations = n + 1;
  while (evaluations < maxEvaluations) {
    simplex.sort((a, b) => a.value - b.value);
    const best = simplex[0];
    const worst = simplex[n];
    if (Math.abs(worst.value - best.value) <= tolerance * (Math.abs(best.value) + tolerance)) break;
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j] += simplex[i].x[j] / n;
    const along = (t: number) => centroid.map((c, j) => c + t * (worst.x[j] - c));
    const reflected = evaluate(along(-1));
    evaluations++;
    if (reflected.value < best.value) {
      const expanded = evaluate(along(-2));
      evaluations++;
      simplex[n] = expanded.value < reflected.value ? expanded : reflected;
    } else if (reflected.value < simplex[n - 1].value) {
      simplex[n] = reflected;
    } else {
      const contracted = evaluate(reflected.value < worst.value ? along(-0.5) : along(0.5));
      evaluations++;
      if (contracted.value < Math.min(worst.value, reflected.value)) {
        simplex[n] = contracted;
      } else {
        for (let i = 1; i <= n; i++) simplex[i] = evaluate(simplex[i].x.map((v, j) => best.x[j] + 0.5 * (v - best.x[j])));
        evaluations += n;
      }
    }
  }
  simplex.sort((a, b) => a.value - b.value);
  return simplex[0];
}

function safe(value: number): number {
  return Number.isFinite(value) ? value : Number.MAX_VALUE;
}

/** Maps the real line onto (low, high), so an unconstrained search stays inside a parameter's bounds. */
export function bounded(t: number, low: number, high: number): number {
  return low + (high - low) / (1 + Math.exp(-t));
}

/** Inverse of `bounded`, to start a search at a chosen value. */
export function unbounded(value: number, low: number, high: number): number {
  const p = (value - low) / (high - low);
  return Math.log(p / (1 - p));
}
