import { describe, expect, it } from "vitest";
import { generateRackBins } from "../maps/generate-rack-bins";
import { buildWalkingGraph } from "./build-walking-graph";
import { improveTwoOpt } from "./improve-two-opt";
import { nearestNeighbourTour } from "./nearest-neighbour-tour";
import { planPickRoute } from "./plan-pick-route";
import { tourLength } from "./tour-length";
import { twoAisles } from "./two-aisles.fixture";

function seeded(seed: number) {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
}

describe("planPickRoute", () => {
  it("walks a small layout up one aisle and down the next, half the naive walk", () => {
    const graph = buildWalkingGraph(twoAisles);
    const route = planPickRoute(graph, ["S1", "S2", "S3", "S4"]);
    // Dock → A near → A far → back cross-aisle → B far → B near → dock (or the same walk the other way round).
    expect([
      [0, 2, 3, 1],
      [1, 3, 2, 0],
    ]).toContainEqual(route.order);
    expect(route.length).toBeCloseTo(52);
    expect(route.naiveLength).toBeCloseTo(76);
  });

  it("puts stops whose bin is not on the map last, in code order, without counting them", () => {
    const graph = buildWalkingGraph(twoAisles);
    const route = planPickRoute(graph, ["ZZ", "S3", "NOWHERE", "S1"]);
    expect(route.order).toEqual([3, 1, 2, 0]);
    expect(route.length).toBeCloseTo(2 * (3 + 17.5));
  });

  it("is never longer than the bin-code order, on random lists in a generated site", () => {
    const layout = generateRackBins({ prefix: "A", aisles: 4, racks: 8, levels: 2, positions: 4, origin: { x: 0, y: 4 }, binWidth: 1, binDepth: 1 });
    const graph = buildWalkingGraph([{ id: "dock", kind: "dock", x: 0, y: 0, width: 4, height: 2 }, ...layout.shapes]);
    const random = seeded(7);
    for (let list = 0; list < 30; list++) {
      const stops = Array.from({ length: 12 }, () => layout.bins[Math.floor(random() * layout.bins.length)].code);
      const route = planPickRoute(graph, stops);
      expect([...route.order].sort((a, b) => a - b)).toEqual(stops.map((_, i) => i));
      expect(route.length).toBeLessThanOrEqual(route.naiveLength + 1e-9);
    }
  });
});

describe("improveTwoOpt", () => {
  const euclidean = (points: [number, number][]) => points.map(([ax, ay]) => points.map(([bx, by]) => Math.hypot(ax - bx, ay - by)));

  it("is never longer than the nearest-neighbour tour it starts from, and keeps the dock first", () => {
    const random = seeded(42);
    for (let run = 0; run < 50; run++) {
      const distance = euclidean(Array.from({ length: 3 + Math.floor(random() * 30) }, () => [random() * 100, random() * 100] as [number, number]));
      const start = nearestNeighbourTour(distance);
      const improved = improveTwoOpt(distance, start);
      expect(improved[0]).toBe(0);
      expect([...improved].sort((a, b) => a - b)).toEqual(distance.map((_, i) => i));
      expect(tourLength(distance, improved)).toBeLessThanOrEqual(tourLength(distance, start) + 1e-9);
    }
  });

  it("uncrosses a crossed tour of a square", () => {
    const distance = euclidean([
      [0, 0],
      [10, 10],
      [10, 0],
      [0, 10],
    ]);
    expect(tourLength(distance, improveTwoOpt(distance, [0, 1, 2, 3]))).toBeCloseTo(40);
  });
});

describe("nearestNeighbourTour", () => {
  it("always walks to the nearest point left, from point 0", () => {
    expect(
      nearestNeighbourTour([
        [0, 5, 1, 9],
        [5, 0, 3, 2],
        [1, 3, 0, 7],
        [9, 2, 7, 0],
      ]),
    ).toEqual([0, 2, 1, 3]);
  });
});
