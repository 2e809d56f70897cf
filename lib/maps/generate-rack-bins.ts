import type { MapShape } from "./schemas";

export type RackBinsInput = {
  /** Code prefix of the first aisle ("A", or "WH1-A" as codes are unique across sites); later aisles count on (B, C…). */
  prefix: string;
  /** Aisles side by side, each with a row of racks on both sides (default 1). */
  aisles?: number;
  /** Racks along each aisle: odd numbers on its left, even on its right, facing in pairs (A-01 faces A-02). */
  racks: number;
  /** Shelf levels per rack; more than one adds the level to the code (A-01-03-2). The levels share a footprint. */
  levels: number;
  /** Bins along each rack, numbered from the front cross-aisle. */
  positions: number;
  /** Top-left corner of the block, front cross-aisle included (default 0, 0). */
  origin?: { x: number; y: number };
  /** Size of one bin along the rack and into it, metres. */
  binWidth: number;
  binDepth: number;
  aisleWidth?: number;
  crossAisleWidth?: number;
  /** A cross-aisle after every this many rack pairs (default: only at the front and the back). */
  crossAisleEvery?: number;
};

export type RackBins = {
  shapes: MapShape[];
  /** The bins to create, in code order, each with the id of its shape. */
  bins: { code: string; shapeId: string; aisle: string; rack: number; level: number; position: number }[];
  /** The far corner of the block: the map must be at least this wide and high. */
  extent: { width: number; height: number };
};

/**
 * Lays out a block of parallel aisles for the map editor's bulk create: per aisle, racks on both sides with
 * `positions` bins each, a cross-aisle at the front and the back (and every `crossAisleEvery` rack pairs), and
 * the shapes of aisles, racks and bins with their codes: A-01-01…A-12-05 for 12 racks of 5 positions on one
 * level. The editor creates the locations (POST /api/v1/locations) and then saves the shapes. Aisles run along y.
 */
export function generateRackBins(input: RackBinsInput): RackBins {
  const { prefix, racks, levels, positions, binWidth, binDepth } = input;
  const aisles = input.aisles ?? 1;
  const origin = input.origin ?? { x: 0, y: 0 };
  const aisleWidth = input.aisleWidth ?? 3;
  const crossWidth = input.crossAisleWidth ?? aisleWidth;
  for (const [name, value] of Object.entries({ aisles, racks, levels, positions })) {
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a whole number of at least 1`);
  }
  if (!(binWidth > 0 && binDepth > 0 && aisleWidth > 0 && crossWidth > 0)) throw new RangeError("Sizes must be positive");

  const pairs = Math.ceil(racks / 2);
  const every = input.crossAisleEvery ?? pairs;
  const rackLength = positions * binWidth;
  const pairY = (pair: number) => origin.y + crossWidth + pair * rackLength + Math.floor(pair / every) * crossWidth;
  const innerCrossAisles = Math.floor((pairs - 1) / every);
  const length = crossWidth * (2 + innerCrossAisles) + pairs * rackLength;
  const moduleWidth = 2 * binDepth + aisleWidth;
  const width = aisles * moduleWidth;
  const pad = (n: number, of: number) => String(n).padStart(Math.max(2, String(of).length), "0");

  const shapes: MapShape[] = [];
  const bins: RackBins["bins"] = [];
  const crossAisle = (id: string, y: number) => shapes.push({ id: `${prefix}:${id}`, kind: "aisle", x: origin.x, y, width, height: crossWidth });
  crossAisle("cross-front", origin.y);
  for (let k = 1; k <= innerCrossAisles; k++) crossAisle(`cross-${k}`, pairY(k * every) - crossWidth);
  crossAisle("cross-back", origin.y + length - crossWidth);

  for (let a = 0; a < aisles; a++) {
    const aisle = aisleCode(prefix, a);
    const left = origin.x + a * moduleWidth;
    shapes.push({ id: `${aisle}:aisle`, kind: "aisle", x: left + binDepth, y: origin.y, width: aisleWidth, height: length });
    for (let rack = 1; rack <= racks; rack++) {
      const x = rack % 2 === 1 ? left : left + binDepth + aisleWidth;
      const y = pairY(Math.floor((rack - 1) / 2));
      const rackCode = `${aisle}-${pad(rack, racks)}`;
      shapes.push({ id: `${rackCode}:rack`, kind: "rack", x, y, width: binDepth, height: rackLength });
      for (let position = 1; position <= positions; position++) {
        for (let level = 1; level <= levels; level++) {
          const code = `${rackCode}-${pad(position, positions)}${levels > 1 ? `-${level}` : ""}`;
          shapes.push({ id: code, kind: "bin", x, y: y + (position - 1) * binWidth, width: binDepth, height: binWidth, location: code });
          bins.push({ code, shapeId: code, aisle, rack, level, position });
        }
      }
    }
  }
  return { shapes, bins, extent: { width: origin.x + width, height: origin.y + length } };
}

/** The code of aisle n: the prefix with its last letter counted on (A, B, C…), or the prefix and a number. */
function aisleCode(prefix: string, n: number): string {
  if (n === 0) return prefix;
  const last = prefix.at(-1) ?? "";
  if (/[A-Z]/.test(last) && last.charCodeAt(0) + n <= 90) return prefix.slice(0, -1) + String.fromCharCode(last.charCodeAt(0) + n);
  return `${prefix}${n + 1}`;
}
