import { describe, expect, it } from "vitest";
import { joinListCell, splitListCell } from "./list-cell";

describe("splitListCell", () => {
  it("splits on spaces and pipes, ignoring runs and ends", () => {
    expect(splitListCell(" 4006381333931 | A-1|B-2  C-3 ")).toEqual(["4006381333931", "A-1", "B-2", "C-3"]);
    expect(splitListCell("")).toEqual([]);
  });

  it("reads back what joinListCell writes", () => {
    expect(splitListCell(joinListCell(["S1", "S2"]))).toEqual(["S1", "S2"]);
  });
});
