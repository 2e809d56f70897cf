import { describe, expect, it } from "vitest";
import { prepareHistory } from "./history";

describe("prepareHistory", () => {
  it("cuts missing ends, counts the trailing ones and bridges inner gaps by a straight line", () => {
    expect(prepareHistory([null, 1, null, null, 4, 0, null])).toEqual({ y: [1, 2, 3, 4, 0], trailingMissing: 1, observedCount: 3 });
  });

  it("never turns a missing period into zero demand", () => {
    expect(prepareHistory([5, null, 5]).y).toEqual([5, 5, 5]);
  });

  it("leaves nothing when nothing was observed", () => {
    expect(prepareHistory([null, null])).toMatchObject({ y: [], observedCount: 0 });
  });
});
