import { shapeBox, type Box } from "./shape-box";

/** A shape of a site map as routing reads it (the map editor's shape, see lib/maps/schemas.ts). */
export type FloorShape = Box & { id: string; kind: string; rotation?: number; location?: string };

/** Where a picker stands to reach a place: a point on an aisle's centre line, or on the open floor (aisle null). */
export type AccessPoint = { aisle: number | null; t: number; x: number; y: number };

/** An aisle's centre line: along `axis`, at the fixed other coordinate, from `from` to `to`. */
type AisleLine = { axis: "x" | "y"; fixed: number; from: number; to: number; box: Box; junctions: { t: number; node: number }[] };

export type WalkingGraph = {
  aisles: AisleLine[];
  /** Junctions between aisles; `edges[n]` lists the walks from node n. */
  edges: { to: number; length: number }[][];
  /** Boxes of the shapes that name a location, by location code (the first shape wins). */
  locations: ReadonlyMap<string, Box>;
  depot: AccessPoint;
  /** Memo of walkingDistance: shortest walks from one junction to all, and access points by code. */
  memo: { rows: Map<number, Float64Array>; access: Map<string, AccessPoint> };
};

const TOUCH = 0.05; // metres: aisles drawn this close are taken to meet

/**
 * The aisle network of a site map, the model the pick-route planner walks on.
 *
 * Model (the "aisle graph" of the warehouse-routing literature: Ratliff & Rosenthal 1983; Roodbergen & de Koster
 * 2001 for several cross-aisles): people walk only along the centre lines of the shapes of kind `aisle` (a
 * shape wider than tall runs along x, else along y), so racks, bins and walls are never walked through; a
 * cross-aisle is just an aisle running the other way. Two aisles whose rectangles meet are joined where their
 * centre lines are nearest, by a rectilinear step. A bin (any shape naming a location) is picked from the
 * point of its nearest aisle level with its centre — the aisle in front of it. The dock (first shape of kind
 * `dock`, else the map's origin) is reached the same way. Distances are metres walked along the aisles; the
 * step from the aisle into the bin is the same whatever the order and is left out.
 */
export function buildWalkingGraph(shapes: readonly FloorShape[]): WalkingGraph {
  const aisles: AisleLine[] = shapes.filter((s) => s.kind === "aisle").map((s) => aisleLine(shapeBox(s)));
  const edges: { to: number; length: number }[][] = [];
  const nodeAt = (aisle: number, t: number) => {
    const line = aisles[aisle];
    const found = line.junctions.find((j) => Math.abs(j.t - t) < 1e-6);
    if (found) return found.node;
    edges.push([]);
    line.junctions.push({ t, node: edges.length - 1 });
    return edges.length - 1;
  };
  const link = (a: number, b: number, length: number) => {
    edges[a].push({ to: b, length });
    edges[b].push({ to: a, length });
  };
  for (let i = 0; i < aisles.length; i++) {
    for (let j = i + 1; j < aisles.length; j++) {
      if (!boxesMeet(aisles[i].box, aisles[j].box)) continue;
      const [pi, pj] = nearestPoints(aisles[i], aisles[j]);
      link(nodeAt(i, along(aisles[i], pi)), nodeAt(j, along(aisles[j], pj)), Math.abs(pi.x - pj.x) + Math.abs(pi.y - pj.y));
    }
  }
  // Along each aisle, consecutive junctions are joined by the stretch of aisle between them.
  for (const line of aisles) {
    line.junctions.sort((a, b) => a.t - b.t);
    for (let k = 1; k < line.junctions.length; k++)
      link(line.junctions[k - 1].node, line.junctions[k].node, line.junctions[k].t - line.junctions[k - 1].t);
  }
  const locations = new Map<string, Box>();
  for (const s of shapes)
    if (s.location && s.kind !== "wall" && s.kind !== "door" && !locations.has(s.location)) locations.set(s.location, shapeBox(s));
  const dock = shapes.find((s) => s.kind === "dock");
  const graph: WalkingGraph = { aisles, edges, locations, depot: { aisle: null, t: 0, x: 0, y: 0 }, memo: { rows: new Map(), access: new Map() } };
  graph.depot = accessPointOf(graph, dock ? shapeBox(dock) : { x: 0, y: 0, width: 0, height: 0 });
  return graph;
}

/** The point on the nearest aisle level with the box's centre (the box's centre itself when the map has no aisles). */
export function accessPointOf(graph: Pick<WalkingGraph, "aisles">, box: Box): AccessPoint {
  const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
  let best: { aisle: number; gap: number; offset: number } | null = null;
  for (const [index, line] of graph.aisles.entries()) {
    const gap = boxGap(box, line.box);
    const offset = Math.abs((line.axis === "x" ? cy : cx) - line.fixed);
    if (!best || gap < best.gap - 1e-9 || (Math.abs(gap - best.gap) <= 1e-9 && offset < best.offset)) best = { aisle: index, gap, offset };
  }
  if (!best) return { aisle: null, t: 0, x: cx, y: cy };
  const line = graph.aisles[best.aisle];
  const t = Math.min(line.to, Math.max(line.from, line.axis === "x" ? cx : cy));
  return { aisle: best.aisle, t, ...(line.axis === "x" ? { x: t, y: line.fixed } : { x: line.fixed, y: t }) };
}

function aisleLine(box: Box): AisleLine {
  return box.width >= box.height
    ? { axis: "x", fixed: box.y + box.height / 2, from: box.x, to: box.x + box.width, box, junctions: [] }
    : { axis: "y", fixed: box.x + box.width / 2, from: box.y, to: box.y + box.height, box, junctions: [] };
}

function boxGap(a: Box, b: Box): number {
  const dx = Math.max(0, a.x - (b.x + b.width), b.x - (a.x + a.width));
  const dy = Math.max(0, a.y - (b.y + b.height), b.y - (a.y + a.height));
  return Math.hypot(dx, dy);
}

function boxesMeet(a: Box, b: Box): boolean {
  return boxGap(a, b) <= TOUCH;
}

/** Per axis: the middle of the overlap when the two centre lines overlap on it, else their facing ends. */
function nearestPoints(a: AisleLine, b: AisleLine): [{ x: number; y: number }, { x: number; y: number }] {
  const span = (line: AisleLine, axis: "x" | "y"): [number, number] => (line.axis === axis ? [line.from, line.to] : [line.fixed, line.fixed]);
  const pick = (axis: "x" | "y"): [number, number] => {
    const [a0, a1] = span(a, axis);
    const [b0, b1] = span(b, axis);
    const [lo, hi] = [Math.max(a0, b0), Math.min(a1, b1)];
    if (lo <= hi) return [(lo + hi) / 2, (lo + hi) / 2];
    return a1 < b0 ? [a1, b0] : [a0, b1];
  };
  const [ax, bx] = pick("x");
  const [ay, by] = pick("y");
  return [
    { x: ax, y: ay },
    { x: bx, y: by },
  ];
}

function along(line: AisleLine, point: { x: number; y: number }): number {
  return line.axis === "x" ? point.x : point.y;
}
