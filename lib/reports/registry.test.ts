import { describe, expect, it } from "vitest";
import { REPORTS } from "./registry";
import { PAGED_REPORTS } from "./schemas";

describe("the report registry", () => {
  it("is what the API's description names as answered a page at a time: every report that streams", () => {
    const streamed = REPORTS.filter((report) => report.streamed).map((report) => report.name);
    expect(PAGED_REPORTS.split(", ").sort()).toEqual([...streamed].sort());
  });
});
