import { describe, expect, it } from "vitest";
import type { MapShape } from "./map-types";
import { alignShapes, attachLocation, deleteShapes, mergeShapes, moveShapes, newShape, resizeShape, rotateShapes } from "./shape-edits";
import { shapeBox } from "@/lib/routing/shape-box";

const rect = (id: string, x: number, y: number, over: Partial<MapShape> = {}): MapShape => ({ id, kind: "bin", x, y, width: 1, height: 2, ...over });

describe("moving shapes", () => {
  it("snaps the lead shape to the half-metre grid and keeps the group's spacing", () => {
    const moved = moveShapes([rect("a", 1, 1), rect("b", 2.3, 1), rect("c", 9, 9)], new Set(["a", "b"]), { x: 0.8, y: -0.2 });
    expect(moved.map((s) => [s.x, s.y])).toEqual([
      [2, 1],
      [3.3, 1],
      [9, 9],
    ]);
  });

  it("returns the same array when the drag does not reach the next grid line", () => {
    const shapes = [rect("a", 1, 1)];
    expect(moveShapes(shapes, new Set(["a"]), { x: 0.1, y: 0.1 })).toBe(shapes);
  });
});

describe("resizing a shape", () => {
  it("drags the bottom-right corner while the top-left stays put", () => {
    expect(resizeShape(rect("a", 1, 1), "se", { x: 1.1, y: 0.4 })).toMatchObject({ x: 1, y: 1, width: 2, height: 2.5 });
  });

  it("drags the top-left corner while the bottom-right stays put, never below one grid step", () => {
    expect(resizeShape(rect("a", 1, 1), "nw", { x: 3, y: -1 })).toMatchObject({ x: 1.5, y: 0, width: 0.5, height: 3 });
  });

  it("keeps the opposite corner of a turned shape where it is on the floor", () => {
    const shape = rect("a", 4, 4, { width: 2, height: 4, rotation: 90 });
    const before = shapeBox(shape);
    // Turned a quarter clockwise, the shape's own right edge faces down on the floor.
    const after = shapeBox(resizeShape(shape, "se", { x: 0, y: 2 }));
    expect(after).toMatchObject({ x: before.x, y: before.y, width: before.width });
    expect(after.height).toBeCloseTo(before.height + 2);
  });
});

describe("other edits", () => {
  it("turns by quarters and comes back to no rotation", () => {
    let shapes = [rect("a", 0, 0)];
    for (let i = 0; i < 4; i++) shapes = rotateShapes(shapes, new Set(["a"]));
    expect(shapes[0]).not.toHaveProperty("rotation");
    expect(rotateShapes(shapes, new Set(["a"]), -90)[0].rotation).toBe(270);
  });

  it("aligns the selection on the leftmost and topmost edge", () => {
    const ids = new Set(["a", "b"]);
    const shapes = [rect("a", 3, 5), rect("b", 1, 7)];
    expect(alignShapes(shapes, ids, "left").map((s) => s.x)).toEqual([1, 1]);
    expect(alignShapes(shapes, ids, "top").map((s) => s.y)).toEqual([5, 5]);
  });

  it("gives a new shape an unused id and its kind's size, centred on the grid", () => {
    const added = newShape("rack", { x: 10.2, y: 10 }, [rect("rack-1", 0, 0, { kind: "rack" })]);
    expect(added).toEqual({ id: "rack-2", kind: "rack", x: 9.5, y: 7.5, width: 1, height: 5 });
  });

  it("attaches, detaches, deletes and merges", () => {
    const shapes = attachLocation([rect("a", 0, 0)], "a", "A-01-01");
    expect(shapes[0].location).toBe("A-01-01");
    expect(attachLocation(shapes, "a", undefined)[0]).not.toHaveProperty("location");
    expect(deleteShapes(shapes, new Set(["a"]))).toEqual([]);
    expect(mergeShapes([rect("a", 0, 0), rect("b", 0, 0)], [rect("a", 5, 5)]).map((s) => [s.id, s.x])).toEqual([
      ["b", 0],
      ["a", 5],
    ]);
  });
});
