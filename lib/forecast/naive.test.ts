import { describe, expect, it } from "vitest";
import { historicMean, naive, seasonalNaive } from "./naive";

describe("naive methods", () => {
  it("carries the last value forward", () => {
    expect(naive([1, 2, 3], 2, 1)).toEqual([3, 3]);
  });

  it("repeats the last full cycle for seasonal naive", () => {
    expect(seasonalNaive([1, 2, 3, 4, 5, 6], 5, 3)).toEqual([4, 5, 6, 4, 5]);
  });

  it("falls back to naive when there is less than one cycle", () => {
    expect(seasonalNaive([7, 8], 3, 12)).toEqual([8, 8, 8]);
  });

  it("forecasts the mean of the history", () => {
    expect(historicMean([2, 4, 9], 2, 1)).toEqual([5, 5]);
  });
});
