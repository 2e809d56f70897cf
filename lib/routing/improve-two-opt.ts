const EPSILON = 1e-9;

/**
 * 2-opt (Croes 1958): reverses a stretch of the closed tour while doing so shortens it, until no reversal does.
 * Point tour[0] (the dock) stays first. Distances must be symmetric, as walking distances are. Only improving
 * moves are made, so the result is never longer than the tour given.
 */
export function improveTwoOpt(distance: readonly (readonly number[])[], start: readonly number[]): number[] {
  const tour = [...start];
  const n = tour.length;
  if (n < 4) return tour;
  let improved = true;
  while (improved) {
    improved = false;
    for (let i = 1; i < n - 1; i++) {
      for (let j = i + 1; j < n; j++) {
        const [before, first, last, after] = [tour[i - 1], tour[i], tour[j], tour[(j + 1) % n]];
        const delta = distance[before][last] + distance[first][after] - distance[before][first] - distance[last][after];
        if (delta < -EPSILON) {
          reverse(tour, i, j);
          improved = true;
        }
      }
    }
  }
  return tour;
}

function reverse(tour: number[], from: number, to: number) {
  for (let i = from, j = to; i < j; i++, j--) [tour[i], tour[j]] = [tour[j], tour[i]];
}
