import type { AccessPoint, WalkingGraph } from "./build-walking-graph";

/**
 * Metres walked between two access points along the aisles (see buildWalkingGraph for the model). Within one
 * aisle it is the stretch between them; otherwise the walk leaves each aisle through one of the two junctions
 * either side of the point (any way out passes one of them) and takes the shortest path between those. Where
 * the aisles do not connect the two points (or the map has no aisles) it falls back to the rectilinear
 * distance |dx| + |dy|, the open-floor model.
 */
export function walkingDistance(graph: WalkingGraph, a: AccessPoint, b: AccessPoint): number {
  const rectilinear = Math.abs(a.x - b.x) + Math.abs(a.y - b.y);
  if (a.aisle === null || b.aisle === null) return rectilinear;
  if (a.aisle === b.aisle) return Math.abs(a.t - b.t);
  let best = Infinity;
  for (const u of exitsOf(graph, a)) {
    const row = shortestFrom(graph, u.node);
    for (const v of exitsOf(graph, b)) best = Math.min(best, Math.abs(a.t - u.t) + row[v.node] + Math.abs(v.t - b.t));
  }
  return Number.isFinite(best) ? best : rectilinear;
}

/** The junctions nearest the point on its aisle, one on each side (fewer at an aisle's end). */
function exitsOf(graph: WalkingGraph, point: AccessPoint): { t: number; node: number }[] {
  const junctions = graph.aisles[point.aisle!].junctions;
  let after = 0;
  while (after < junctions.length && junctions[after].t < point.t) after++;
  return [junctions[after - 1], junctions[after]].filter((j) => j !== undefined);
}

/** Dijkstra from one junction, memoised on the graph (a map version's graph is built once and reused). */
function shortestFrom(graph: WalkingGraph, source: number): Float64Array {
  const cached = graph.memo.rows.get(source);
  if (cached) return cached;
  const distance = new Float64Array(graph.edges.length).fill(Infinity);
  distance[source] = 0;
  const heap: [number, number][] = [[0, source]];
  while (heap.length > 0) {
    const [d, node] = popMin(heap);
    if (d > distance[node]) continue;
    for (const edge of graph.edges[node]) {
      const next = d + edge.length;
      if (next < distance[edge.to]) {
        distance[edge.to] = next;
        pushHeap(heap, [next, edge.to]);
      }
    }
  }
  graph.memo.rows.set(source, distance);
  return distance;
}

function pushHeap(heap: [number, number][], entry: [number, number]) {
  heap.push(entry);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (heap[parent][0] <= heap[i][0]) break;
    [heap[parent], heap[i]] = [heap[i], heap[parent]];
    i = parent;
  }
}

function popMin(heap: [number, number][]): [number, number] {
  const top = heap[0];
  const last = heap.pop()!;
  if (heap.length > 0) {
    heap[0] = last;
    let i = 0;
    for (;;) {
      const [l, r] = [2 * i + 1, 2 * i + 2];
      let smallest = i;
      if (l < heap.length && heap[l][0] < heap[smallest][0]) smallest = l;
      if (r < heap.length && heap[r][0] < heap[smallest][0]) smallest = r;
      if (smallest === i) break;
      [heap[smallest], heap[i]] = [heap[i], heap[smallest]];
      i = smallest;
    }
  }
  return top;
}
