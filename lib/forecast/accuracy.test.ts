import { describe, expect, it } from "vitest";
import { laggedMeanAbsoluteChange, mase, rmsse, smape } from "./accuracy";

describe("accuracy measures", () => {
  it("scales MASE by the in-sample seasonal naive error, skipping missing values", () => {
    // lag 2 changes: |3 − 1| = 2, (5, null) skipped, |7 − 3| = 4 → scale 3
    const history = [1, 2, 3, null, 7];
    expect(laggedMeanAbsoluteChange(history, 2)).toBe(3);
    // errors |4 − 1| = 3 and |0 − 3| = 3, the missing actual ignored → MAE 3 / 3
    expect(mase(history, [4, null, 0], [1, 1, 3], 2)).toBe(1);
  });

  it("scales RMSSE by the one-step naive squared error", () => {
    // in-sample one-step changes 1, 1, 2 → mean square 2; squared errors 4 and 0 → 2
    expect(rmsse([1, 2, 3, 5], [3, 5], [1, 5])).toBeCloseTo(1, 12);
  });

  it("computes sMAPE in percent", () => {
    // 200 × 10 / 110 and 0
    expect(smape([100, 50], [110, 50])).toBeCloseTo((200 * 10) / 210 / 2, 12);
  });
});
