import { describe, expect, it } from "vitest";
import { toFloor, zoomAbout } from "./view-box";

const port = { left: 10, top: 20, width: 400, height: 200 };
const limits = { minW: 1, maxW: 1000 };

describe("the plan's view", () => {
  it("finds the floor point under a screen point with the letterbox taken into account", () => {
    // 100 × 100 m shown in 400 × 200 px: 0.5 m per pixel, 100 px of margin left and right.
    const view = { x: 0, y: 0, w: 100, h: 100 };
    expect(toFloor(view, port, { x: 110, y: 20 })).toEqual({ x: 0, y: 0 });
    expect(toFloor(view, port, { x: 210, y: 120 })).toEqual({ x: 50, y: 50 });
  });

  it("keeps the point under the cursor in place while zooming", () => {
    const view = { x: 0, y: 0, w: 100, h: 100 };
    const cursor = { x: 150, y: 60 };
    const floor = toFloor(view, port, cursor);
    const zoomed = zoomAbout(view, port, 2, floor, cursor, limits);
    expect(zoomed.w).toBe(50);
    const after = toFloor(zoomed, port, cursor);
    expect(after.x).toBeCloseTo(floor.x);
    expect(after.y).toBeCloseTo(floor.y);
  });

  it("stops zooming at the limits", () => {
    const view = { x: 0, y: 0, w: 100, h: 100 };
    expect(zoomAbout(view, port, 1000, { x: 0, y: 0 }, { x: 0, y: 0 }, limits).w).toBe(1);
  });
});
