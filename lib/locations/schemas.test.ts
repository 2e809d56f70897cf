import { describe, expect, it } from "vitest";
import { locationInput, locationListQuery } from "./schemas";

describe("locationInput", () => {
  it("upper-cases and trims codes and refuses a / (it separates codes in the path)", () => {
    expect(locationInput.parse({ code: " wh1-a ", name: "A", type: "zone", parent: "wh1" })).toMatchObject({ code: "WH1-A", parent: "WH1" });
    expect(locationInput.safeParse({ code: "WH1/A", name: "A", type: "zone", parent: "WH1" }).error?.issues[0].path).toEqual(["code"]);
  });

  it("refuses virtual types and a humidity over 100 %", () => {
    const result = locationInput.safeParse({ code: "X", name: "X", type: "supplier", humidityMaxPct: 101 });
    expect(result.error?.issues.map((i) => i.path.join(".")).sort()).toEqual(["humidityMaxPct", "type"]);
  });

  it("refuses a temperature range whose minimum is above its maximum", () => {
    const result = locationInput.safeParse({ code: "X", name: "X", type: "zone", parent: "WH1", tempMinC: 9, tempMaxC: 2 });
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(["tempMaxC"]);
  });
});

describe("locationListQuery", () => {
  it("reads includeVirtual from a query string or a boolean", () => {
    expect(locationListQuery.parse({ includeVirtual: "true" }).includeVirtual).toBe(true);
    expect(locationListQuery.parse({ includeVirtual: "false" }).includeVirtual).toBe(false);
    expect(locationListQuery.parse({ includeVirtual: true }).includeVirtual).toBe(true);
    expect(locationListQuery.safeParse({ includeVirtual: "maybe" }).success).toBe(false);
  });
});
