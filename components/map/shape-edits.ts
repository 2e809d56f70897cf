import type { MapShape, Point } from "./map-types";
import { shapeBox } from "@/lib/routing/shape-box";

/** The editor's grid, metres: moves and sizes land on it. */
export const GRID = 0.5;

export type ShapeKind = MapShape["kind"];
export type Corner = "nw" | "ne" | "sw" | "se";

export function snap(value: number, grid = GRID): number {
  return Math.round(value / grid) * grid;
}

/**
 * Moves the selection by `delta`, snapping the first selected shape's corner to the grid and moving the others by
 * the same amount, so a group keeps its spacing even when it was placed off the grid.
 */
export function moveShapes(shapes: MapShape[], ids: ReadonlySet<string>, delta: Point, grid = GRID): MapShape[] {
  const lead = shapes.find((s) => ids.has(s.id));
  if (!lead) return shapes;
  const dx = snap(lead.x + delta.x, grid) - lead.x;
  const dy = snap(lead.y + delta.y, grid) - lead.y;
  if (dx === 0 && dy === 0) return shapes;
  return shapes.map((s) => (ids.has(s.id) ? { ...s, x: s.x + dx, y: s.y + dy } : s));
}

const CORNER_SIGN: Record<Corner, Point> = { nw: { x: -1, y: -1 }, ne: { x: 1, y: -1 }, sw: { x: -1, y: 1 }, se: { x: 1, y: 1 } };

function rotate(p: Point, degrees: number): Point {
  const r = (degrees * Math.PI) / 180;
  const [cos, sin] = [Math.cos(r), Math.sin(r)];
  return { x: p.x * cos - p.y * sin, y: p.x * sin + p.y * cos };
}

/**
 * Drags one corner of a shape by `delta` (metres on the floor) while the opposite corner stays where it is on the
 * floor. The shape is drawn turned about its centre, so the drag is first turned back into the shape's own frame.
 */
export function resizeShape(shape: MapShape, corner: Corner, delta: Point, grid = GRID): MapShape {
  const sign = CORNER_SIGN[corner];
  const turn = shape.rotation ?? 0;
  const local = rotate(delta, -turn);
  const width = Math.max(grid, snap(shape.width + sign.x * local.x, grid));
  const height = Math.max(grid, snap(shape.height + sign.y * local.y, grid));
  const centre = { x: shape.x + shape.width / 2, y: shape.y + shape.height / 2 };
  const anchorOffset = rotate({ x: (-sign.x * shape.width) / 2, y: (-sign.y * shape.height) / 2 }, turn);
  const anchor = { x: centre.x + anchorOffset.x, y: centre.y + anchorOffset.y };
  const newOffset = rotate({ x: (-sign.x * width) / 2, y: (-sign.y * height) / 2 }, turn);
  const newCentre = { x: anchor.x - newOffset.x, y: anchor.y - newOffset.y };
  return { ...shape, x: roundMm(newCentre.x - width / 2), y: roundMm(newCentre.y - height / 2), width, height };
}

/** Keeps float noise from trig out of the saved map. */
const roundMm = (value: number) => Math.round(value * 1000) / 1000;

/** Turns each selected shape a quarter (or `by` degrees) about its own centre; 360 comes back to 0. */
export function rotateShapes(shapes: MapShape[], ids: ReadonlySet<string>, by = 90): MapShape[] {
  return shapes.map((s) => {
    if (!ids.has(s.id)) return s;
    const turned = ((((s.rotation ?? 0) + by) % 360) + 360) % 360;
    const { rotation: _old, ...rest } = s;
    return turned === 0 ? rest : { ...rest, rotation: turned };
  });
}

/** Lines the selection up on the leftmost left edge or the topmost top edge, as the shapes are seen turned. */
export function alignShapes(shapes: MapShape[], ids: ReadonlySet<string>, edge: "left" | "top"): MapShape[] {
  const selected = shapes.filter((s) => ids.has(s.id));
  if (selected.length < 2) return shapes;
  const boxes = new Map(selected.map((s) => [s.id, shapeBox(s)]));
  const target = Math.min(...[...boxes.values()].map((b) => (edge === "left" ? b.x : b.y)));
  return shapes.map((s) => {
    const box = boxes.get(s.id);
    if (!box) return s;
    return edge === "left" ? { ...s, x: roundMm(s.x + target - box.x) } : { ...s, y: roundMm(s.y + target - box.y) };
  });
}

export function deleteShapes(shapes: MapShape[], ids: ReadonlySet<string>): MapShape[] {
  return shapes.filter((s) => !ids.has(s.id));
}

export const DEFAULT_SIZE: Record<ShapeKind, { width: number; height: number }> = {
  zone: { width: 10, height: 10 },
  aisle: { width: 3, height: 10 },
  rack: { width: 1, height: 5 },
  bin: { width: 1, height: 1 },
  wall: { width: 10, height: 0.5 },
  door: { width: 1.5, height: 0.5 },
  dock: { width: 4, height: 2 },
};

/** A new shape of `kind` centred (on the grid) at `centre`, with an id no other shape has. */
export function newShape(kind: ShapeKind, centre: Point, shapes: MapShape[]): MapShape {
  const taken = new Set(shapes.map((s) => s.id));
  let n = shapes.filter((s) => s.kind === kind).length + 1;
  while (taken.has(`${kind}-${n}`)) n++;
  const { width, height } = DEFAULT_SIZE[kind];
  return { id: `${kind}-${n}`, kind, x: Math.max(0, snap(centre.x - width / 2)), y: Math.max(0, snap(centre.y - height / 2)), width, height };
}

/** Sets (or with undefined clears) the location a shape stands for. */
export function attachLocation(shapes: MapShape[], id: string, location: string | undefined): MapShape[] {
  return shapes.map((s) => {
    if (s.id !== id) return s;
    const { location: _old, ...rest } = s;
    return location ? { ...rest, location } : rest;
  });
}

/** Adds generated shapes, replacing any with the same id (bulk create run twice over the same block). */
export function mergeShapes(shapes: MapShape[], added: MapShape[]): MapShape[] {
  const addedIds = new Set(added.map((s) => s.id));
  return [...shapes.filter((s) => !addedIds.has(s.id)), ...added];
}
