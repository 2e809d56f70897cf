import { describe, expect, it } from "vitest";
import { isDemoWanted, shouldSeedDemo } from "./should-seed-demo";

describe("which database gets the demo warehouse", () => {
  it("seeds the embedded database on its first start", () => {
    expect(shouldSeedDemo({ embedded: true, demoSetting: undefined, hasUsers: false })).toBe(true);
  });

  it("never seeds a PostgreSQL server's database unless STOCKROOM_DEMO=1 asks", () => {
    expect(shouldSeedDemo({ embedded: false, demoSetting: undefined, hasUsers: false })).toBe(false);
    expect(shouldSeedDemo({ embedded: false, demoSetting: "", hasUsers: false })).toBe(false);
    expect(shouldSeedDemo({ embedded: false, demoSetting: "1", hasUsers: false })).toBe(true);
  });

  it("keeps even the embedded database empty with STOCKROOM_DEMO=0", () => {
    expect(shouldSeedDemo({ embedded: true, demoSetting: "0", hasUsers: false })).toBe(false);
  });

  it("never seeds a database that already has users, whatever is asked", () => {
    for (const embedded of [true, false]) {
      for (const demoSetting of [undefined, "1", "0"]) expect(shouldSeedDemo({ embedded, demoSetting, hasUsers: true })).toBe(false);
    }
  });

  it("refuses a STOCKROOM_DEMO it does not understand instead of guessing", () => {
    expect(() => isDemoWanted(false, "yes")).toThrow(/STOCKROOM_DEMO must be 1/);
    expect(() => isDemoWanted(true, "true")).toThrow(/STOCKROOM_DEMO must be 1/);
  });
});
