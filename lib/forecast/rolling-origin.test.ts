import { describe, expect, it } from "vitest";
import { evaluateRollingOrigin, holdoutWindow, scoreHoldout } from "./rolling-origin";
import type { CandidateSet } from "./candidates";

const lastValue: CandidateSet = {
  methods: [{ name: "last", prepare: () => (y, h) => new Array<number>(h).fill(y[y.length - 1]) }],
  combinations: [],
  contenders: ["last"],
};

describe("rolling-origin holdout", () => {
  it("keeps enough history before the first origin", () => {
    expect(holdoutWindow(39, 12, 6)).toBe(12);
    expect(holdoutWindow(10, 12, 6)).toBe(4);
    expect(holdoutWindow(5, 12, 6)).toBe(0);
  });

  it("scores every origin up to the end of the history and no further", () => {
    const y = [1, 2, 4, 7, 11];
    const [result] = evaluateRollingOrigin(y, lastValue, 3, 1, 2);
    // origin 3 (last seen 4): errors 7 − 4 and 11 − 4; origin 4 (last seen 7): 11 − 7
    expect(result.byOrigin).toEqual([[3, 7], [4]]);
  });

  it("never lets a method see the value it is scored on", () => {
    const seen: number[] = [];
    const spy: CandidateSet = {
      ...lastValue,
      methods: [{ name: "spy", prepare: () => (y, h) => (seen.push(y.length), new Array<number>(h).fill(0)) }],
    };
    evaluateRollingOrigin([1, 2, 3, 4, 5, 6], spy, 2, 1, 3);
    expect(seen).toEqual([3, 4, 5]);
  });

  it("weighs MAE and RMSE each against the best method", () => {
    const scores = scoreHoldout([
      { name: "a", byOrigin: [[1], [-1]] },
      { name: "b", byOrigin: [[2], [0]] },
    ]);
    // a: MAE 1, RMSE 1; b: MAE 1, RMSE √2 → a scores 2, b 1 + √2
    expect(scores[0].score).toBeCloseTo(2, 12);
    expect(scores[1].score).toBeCloseTo(1 + Math.SQRT2, 12);
  });
});
