import { accessPointOf, type AccessPoint, type WalkingGraph } from "./build-walking-graph";
import { improveTwoOpt } from "./improve-two-opt";
import { nearestNeighbourTour } from "./nearest-neighbour-tour";
import { tourLength } from "./tour-length";
import { walkingDistance } from "./walking-distance";

export type PickRoute = {
  /** Indices into the stops given, in the order to walk them. */
  order: number[];
  /** Metres from the dock through every stop on the map and back, in `order`. */
  length: number;
  /** The same walk with the stops in bin-code order, the way a list is printed without a route. */
  naiveLength: number;
};

/**
 * Orders pick stops (one bin code each) into a walk from the site's dock and back: nearest neighbour, then
 * 2-opt. 2-opt also starts from the bin-code order and the shorter result wins, so a route is never longer than
 * the naive order. Stops whose bin has no shape on the map cannot be placed: they come last, in code order, and
 * neither length counts them.
 */
export function planPickRoute(graph: WalkingGraph, locations: readonly string[]): PickRoute {
  const byCode = (a: number, b: number) => compareCodes(locations[a], locations[b]) || a - b;
  const indices = locations.map((_, i) => i);
  const placed = indices.filter((i) => graph.locations.has(locations[i]));
  const unplaced = indices.filter((i) => !graph.locations.has(locations[i])).sort(byCode);
  const points: AccessPoint[] = [graph.depot, ...placed.map((i) => accessOf(graph, locations[i]))];
  const distance = points.map(() => new Array<number>(points.length).fill(0));
  for (let a = 0; a < points.length; a++) {
    for (let b = a + 1; b < points.length; b++) distance[a][b] = distance[b][a] = walkingDistance(graph, points[a], points[b]);
  }
  // Point p (p ≥ 1) is stop placed[p - 1]; point 0 is the dock.
  const naive = [
    0,
    ...placed
      .map((stop, k) => ({ stop, point: k + 1 }))
      .sort((a, b) => byCode(a.stop, b.stop))
      .map((p) => p.point),
  ];
  const routed = improveTwoOpt(distance, nearestNeighbourTour(distance));
  const fromNaive = improveTwoOpt(distance, naive);
  const best = tourLength(distance, fromNaive) < tourLength(distance, routed) - 1e-9 ? fromNaive : routed;
  return {
    order: [...best.slice(1).map((point) => placed[point - 1]), ...unplaced],
    length: tourLength(distance, best),
    naiveLength: tourLength(distance, naive),
  };
}

function accessOf(graph: WalkingGraph, code: string): AccessPoint {
  let point = graph.memo.access.get(code);
  if (!point) {
    point = accessPointOf(graph, graph.locations.get(code)!);
    graph.memo.access.set(code, point);
  }
  return point;
}

/** Plain code-point order (not locale order), so A-10 sorts after A-09 as the labels read. */
function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
