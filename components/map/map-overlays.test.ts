import { describe, expect, it } from "vitest";
import { buildAttentionOverlay, buildFillOverlay, buildOverlays, buildPickOverlay, buildValueOverlay } from "./map-overlays";
import type { BinSummary } from "./map-types";

const bin = (location: string, over: Partial<BinSummary> = {}): BinSummary => ({
  location,
  units: 0,
  capacityUnits: null,
  expiringLots: 0,
  belowReorder: [],
  picks: 0,
  isCountOverdue: false,
  ...over,
});

describe("fill overlay", () => {
  it("shows a bin with a capacity as its share of that capacity", () => {
    const overlay = buildFillOverlay([bin("A-01", { units: 30, capacityUnits: 40 })]);
    expect(overlay.valueByLocation["A-01"].text).toBe("30 units (75% of 40)");
  });

  it("marks a bin holding more than its capacity as over capacity", () => {
    const overlay = buildFillOverlay([bin("A-01", { units: 50, capacityUnits: 40 }), bin("A-02", { units: 10, capacityUnits: 40 })]);
    const over = overlay.legend.find((l) => l.label === "Over capacity");
    expect(overlay.valueByLocation["A-01"].colour).toBe(over?.colour);
    expect(overlay.valueByLocation["A-02"].colour).not.toBe(over?.colour);
  });

  it("without capacities, compares bins with the fullest and leaves over capacity out of the legend", () => {
    const overlay = buildFillOverlay([bin("A-01", { units: 100 }), bin("A-02", { units: 1 }), bin("A-03")]);
    expect(overlay.valueByLocation["A-01"].colour).not.toBe(overlay.valueByLocation["A-02"].colour);
    expect(overlay.valueByLocation["A-03"].colour).toBe(overlay.legend[0].colour);
    expect(overlay.legend.map((l) => l.label)).not.toContain("Over capacity");
  });
});

describe("value overlay", () => {
  it("is left out when no bin has a value", () => {
    expect(buildValueOverlay([bin("A-01", { units: 3 })])).toBeNull();
    expect(buildOverlays([bin("A-01")]).map((o) => o.id)).toEqual(["fill", "picks", "attention"]);
  });

  it("puts the most valuable bin in the top band", () => {
    const overlay = buildValueOverlay([bin("A-01", { value: 1000 }), bin("A-02", { value: 10 })]);
    expect(overlay?.valueByLocation["A-01"].colour).toBe(overlay?.legend.at(-1)?.colour);
    expect(overlay?.valueByLocation["A-02"].colour).toBe(overlay?.legend[0].colour);
  });
});

describe("attention overlay", () => {
  it("names what needs doing in each bin", () => {
    const overlay = buildAttentionOverlay([
      bin("A-01", { expiringLots: 2 }),
      bin("A-02", { belowReorder: ["SKU-1"] }),
      bin("A-03", { expiringLots: 1, belowReorder: ["SKU-2"] }),
      bin("A-04", { units: 5 }),
    ]);
    expect(overlay.valueByLocation["A-01"].text).toBe("2 lots expiring");
    expect(overlay.valueByLocation["A-02"].text).toBe("below reorder point: SKU-1");
    expect(new Set(["A-01", "A-02", "A-03", "A-04"].map((c) => overlay.valueByLocation[c].colour)).size).toBe(4);
  });
});

describe("pick-frequency overlay", () => {
  it("leaves unpicked bins pale and gives the busiest bin the darkest band", () => {
    const overlay = buildPickOverlay([bin("A-01"), bin("A-02", { picks: 1 }), bin("A-03", { picks: 40 })]);
    expect(overlay.valueByLocation["A-01"]).toEqual({ colour: "#f8fafc", text: "0 picks in 30 days" });
    expect(overlay.valueByLocation["A-02"].colour).toBe("#fde68a");
    expect(overlay.valueByLocation["A-03"]).toEqual({ colour: "#b45309", text: "40 picks in 30 days" });
  });

  it("marks a bin whose count is overdue when nothing more urgent applies", () => {
    const overlay = buildAttentionOverlay([bin("A-01", { isCountOverdue: true }), bin("A-02", { isCountOverdue: true, expiringLots: 1 })]);
    expect(overlay.valueByLocation["A-01"]).toEqual({ colour: "#c4b5fd", text: "count overdue" });
    expect(overlay.valueByLocation["A-02"].colour).toBe("#f97316");
  });
});
