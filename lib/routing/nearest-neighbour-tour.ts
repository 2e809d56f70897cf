/**
 * A closed tour from point 0 (the dock) that always walks to the nearest point not yet visited; ties go to the
 * lower index, so the same input gives the same tour.
 */
export function nearestNeighbourTour(distance: readonly (readonly number[])[]): number[] {
  const n = distance.length;
  if (n === 0) return [];
  const visited = new Array<boolean>(n).fill(false);
  const tour = [0];
  visited[0] = true;
  for (let step = 1; step < n; step++) {
    const from = tour[tour.length - 1];
    let next = -1;
    for (let candidate = 0; candidate < n; candidate++) {
      if (!visited[candidate] && (next === -1 || distance[from][candidate] < distance[from][next])) next = candidate;
    }
    visited[next] = true;
    tour.push(next);
  }
  return tour;
}
