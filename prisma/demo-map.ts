// A floor plan for the demo's first site, laid out from its zones, aisles and bins: racks of 1 m bins on both
// sides of 3 m aisles, cross-aisles at the front and back, the dock at the front. Shapes are linked to the
// locations they draw, so overlays, "show on map" and pick routes work out of the box.
import type { MapShape } from "../lib/maps/schemas";

type Zone = { code: string; aisles: number; binsPerAisle: number };

const BIN = 1;
const AISLE = 3;
const CROSS = 4;
const GAP = 2;

export function demoMapShapes(siteCode: string, zones: Zone[]) {
  const rows = Math.max(...zones.map((z) => Math.ceil(z.binsPerAisle / 2)));
  const top = CROSS;
  const bottom = top + rows * BIN;
  const shapes: MapShape[] = [];
  let x = GAP;
  for (const zone of zones) {
    const zoneStart = x;
    for (let a = 1; a <= zone.aisles; a++) {
      const aisleCode = `${siteCode}-${zone.code}${String(a).padStart(2, "0")}`;
      const walkway = x + BIN;
      // The aisle runs from the front cross-aisle to the back one, so walking routes join them.
      shapes.push({ id: aisleCode, kind: "aisle", x: walkway, y: 0, width: AISLE, height: bottom + CROSS, location: aisleCode });
      for (let b = 1; b <= zone.binsPerAisle; b++) {
        const code = `${aisleCode}-${String(b).padStart(2, "0")}`;
        const isLeft = b % 2 === 1;
        shapes.push({
          id: code,
          kind: "bin",
          x: isLeft ? x : walkway + AISLE,
          y: top + Math.floor((b - 1) / 2) * BIN,
          width: BIN,
          height: BIN,
          location: code,
        });
      }
      x = walkway + AISLE + BIN + GAP / 2;
    }
    shapes.push({
      id: `${siteCode}-${zone.code}`,
      kind: "zone",
      x: zoneStart - 0.5,
      y: top - 0.5,
      width: x - zoneStart,
      height: rows * BIN + 1,
      location: `${siteCode}-${zone.code}`,
    });
    x += GAP;
  }
  const width = x + GAP;
  const height = bottom + CROSS + 4;
  shapes.push(
    { id: "cross-front", kind: "aisle", x: 0, y: bottom, width, height: CROSS },
    { id: "cross-back", kind: "aisle", x: 0, y: 0, width, height: CROSS },
    { id: "dock", kind: "dock", x: width / 2 - 3, y: bottom + CROSS, width: 6, height: 3 },
    { id: "wall-front", kind: "wall", x: 0, y: height - 0.3, width, height: 0.3 },
  );
  return { width, height, shapes };
}
