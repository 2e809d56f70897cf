/** Length of the closed tour tour[0] → tour[1] → … → tour[0] over a distance matrix. */
export function tourLength(distance: readonly (readonly number[])[], tour: readonly number[]): number {
  let total = 0;
  for (let i = 0; i < tour.length; i++) total += distance[tour[i]][tour[(i + 1) % tour.length]];
  return total;
}
