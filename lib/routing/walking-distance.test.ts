import { describe, expect, it } from "vitest";
import { accessPointOf, buildWalkingGraph } from "./build-walking-graph";
import { twoAisles } from "./two-aisles.fixture";
import { walkingDistance } from "./walking-distance";

const graph = buildWalkingGraph(twoAisles);
const at = (code: string) => accessPointOf(graph, graph.locations.get(code)!);

describe("walkingDistance", () => {
  it("reaches a bin from the aisle in front of it, level with its centre", () => {
    expect(at("S1")).toMatchObject({ x: 2, y: 4.5 });
    expect(at("S2")).toMatchObject({ x: 8, y: 4.5 });
    expect(graph.depot).toMatchObject({ x: 5, y: 1 });
  });

  it("walks straight along one aisle", () => {
    expect(walkingDistance(graph, at("S1"), at("S3"))).toBeCloseTo(14);
  });

  it("goes around the rack by the nearer cross-aisle instead of through it", () => {
    // Through the rack would be 6 m; by the front 3.5 + 6 + 3.5, by the back 16.5 + 6 + 16.5.
    expect(walkingDistance(graph, at("S1"), at("S2"))).toBeCloseTo(13);
    expect(walkingDistance(graph, at("S3"), at("S4"))).toBeCloseTo(11);
    expect(walkingDistance(graph, at("S2"), at("S3"))).toBeCloseTo(25);
  });

  it("is symmetric and starts from the dock", () => {
    expect(walkingDistance(graph, graph.depot, at("S1"))).toBeCloseTo(6.5);
    expect(walkingDistance(graph, at("S4"), at("S1"))).toBeCloseTo(walkingDistance(graph, at("S1"), at("S4")));
  });

  it("uses the rectilinear distance on a map without aisles, from the origin when there is no dock", () => {
    const open = buildWalkingGraph([{ id: "b", kind: "bin", x: 3, y: 4, width: 2, height: 2, location: "X" }]);
    expect(open.depot).toMatchObject({ aisle: null, x: 0, y: 0 });
    expect(walkingDistance(open, open.depot, accessPointOf(open, open.locations.get("X")!))).toBeCloseTo(9);
  });

  it("joins aisles that only touch, and falls back to rectilinear between aisles that never meet", () => {
    const apart = buildWalkingGraph([
      { id: "h", kind: "aisle", x: 0, y: 0, width: 10, height: 2 },
      { id: "v", kind: "aisle", x: 4, y: 2, width: 2, height: 10 },
      { id: "island", kind: "aisle", x: 20, y: 20, width: 2, height: 10 },
      { id: "p", kind: "bin", x: 6, y: 9, width: 1, height: 1, location: "P" },
      { id: "q", kind: "bin", x: 22, y: 25, width: 1, height: 1, location: "Q" },
    ]);
    const [p, q] = [accessPointOf(apart, apart.locations.get("P")!), accessPointOf(apart, apart.locations.get("Q")!)];
    expect(walkingDistance(apart, apart.depot, p)).toBeCloseTo(1 + 4 + 8.5);
    expect(walkingDistance(apart, p, q)).toBeCloseTo(16 + 16);
  });
});
