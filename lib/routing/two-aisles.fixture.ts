// A small layout the routing tests share; see the comment on twoAisles.
import type { FloorShape } from "./build-walking-graph";

/**
 * Two aisles (centre lines x = 2 and x = 8) joined by cross-aisles at the front (y = 1) and back (y = 21),
 * a rack between them, and a dock on the front cross-aisle centred at x = 5.
 */
export const twoAisles: FloorShape[] = [
  { id: "front", kind: "aisle", x: 0, y: 0, width: 10, height: 2 },
  { id: "back", kind: "aisle", x: 0, y: 20, width: 10, height: 2 },
  { id: "A", kind: "aisle", x: 1, y: 0, width: 2, height: 22 },
  { id: "B", kind: "aisle", x: 7, y: 0, width: 2, height: 22 },
  { id: "rack", kind: "rack", x: 3, y: 2, width: 4, height: 18 },
  { id: "dock", kind: "dock", x: 4, y: 0, width: 2, height: 1 },
  { id: "a-near", kind: "bin", x: 3, y: 4, width: 1, height: 1, location: "S1" },
  { id: "b-near", kind: "bin", x: 6, y: 4, width: 1, height: 1, location: "S2" },
  { id: "a-far", kind: "bin", x: 3, y: 18, width: 1, height: 1, location: "S3" },
  { id: "b-far", kind: "bin", x: 6, y: 18, width: 1, height: 1, location: "S4" },
];
