import { describe, expect, it } from "vitest";
import { forecastPlanInput } from "./schemas";

describe("a forecast plan's override", () => {
  it("refuses a period that starts on no calendar day, naming the field", () => {
    const plan = (start: string) => ({ site: "WH1", override: { start, demand: 3, note: "promotion" } });
    expect(forecastPlanInput.safeParse(plan("2027-04-31")).error?.issues.map((issue) => issue.path.join("."))).toEqual(["override.start"]);
    expect(forecastPlanInput.safeParse(plan("2027-04-30")).success).toBe(true);
  });
});
