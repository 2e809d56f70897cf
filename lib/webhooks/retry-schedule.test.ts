import { describe, expect, it } from "vitest";
import { RETRY_WINDOW_MS, retryDelayMs } from "./retry-schedule";

describe("retryDelayMs", () => {
  it("retries within seconds first, then backs off: 5 s, 30 s, 2 min, 10 min, 30 min, 1 h, 2 h, 4 h, 8 h", () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 8, 9].map(retryDelayMs);
    expect(delays).toEqual([5_000, 30_000, 120_000, 600_000, 1_800_000, 3_600_000, 7_200_000, 14_400_000, 28_800_000]);
  });

  it("keeps retrying until 24 hours after the first attempt, the last attempt landing on exactly 24 hours, then gives up", () => {
    let elapsed = 0;
    let attempts = 1;
    for (let delay = retryDelayMs(attempts); delay !== null; delay = retryDelayMs(attempts)) {
      expect(delay).toBeGreaterThan(0);
      elapsed += delay;
      attempts++;
    }
    expect(elapsed).toBe(RETRY_WINDOW_MS);
    expect(attempts).toBe(12);
    expect(retryDelayMs(attempts + 5)).toBeNull();
  });

  it("never waits longer than 8 hours between attempts", () => {
    for (let attempts = 1; attempts < 12; attempts++) expect(retryDelayMs(attempts)!).toBeLessThanOrEqual(8 * 3_600_000);
  });
});
