import { describe, expect, it } from "vitest";
import { buildAttentionOverlay, buildFillOverlay, buildOverlays, buildPickOverlay, buildValueOverlay } from "./map-overlays";
import type { BinAlert } from "@/lib/maps/list-bin-summaries";
import type { BinSummary } from "./map-types";

const bin = (location: string, over: Partial<BinSummary> = {}): BinSummary => ({
  location,
  units: 0,
  capacityUnits: null,
  picks: 0,
  alerts: [],
  ...over,
});
let alertSequence = 0;
const alert = (kind: BinAlert["kind"], sku: string | null = null, lot: string | null = null): BinAlert => ({
  id: `a${alertSequence++}`,
  kind,
  sku,
  lot,
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
  it("names the kinds of alerts in each bin in words, most urgent first, with what they are about", () => {
    const overlay = buildAttentionOverlay([
      bin("A-01", { alerts: [alert("expiring", "SKU-1", "L1"), alert("expiring", "SKU-2", "L2")] }),
      bin("A-02", { alerts: [alert("low_stock", "SKU-1")] }),
      bin("A-03", { alerts: [alert("count_overdue"), alert("low_stock", "SKU-3"), alert("expired", "SKU-4", "L9")] }),
      bin("A-04", { units: 5 }),
    ]);
    expect(overlay.valueByLocation["A-01"].text).toBe("Expiring soon (SKU-1 lot L1, SKU-2 lot L2)");
    expect(overlay.valueByLocation["A-02"].text).toBe("Low stock (SKU-1)");
    expect(overlay.valueByLocation["A-03"].text).toBe("Expired (SKU-4 lot L9); Low stock (SKU-3); Count overdue");
    expect(overlay.valueByLocation["A-04"]).toEqual({ colour: "#dcfce7", text: "Nothing to do" });
    expect(new Set(["A-01", "A-02", "A-03", "A-04"].map((c) => overlay.valueByLocation[c].colour)).size).toBe(4);
  });

  it("colours a bin by its most urgent kind: unusable stock red, expiring orange, low yellow, housekeeping violet", () => {
    const overlay = buildAttentionOverlay([
      bin("R1", { alerts: [alert("stockout", "S")] }),
      bin("R2", { alerts: [alert("bin_over_capacity"), alert("expired", "S", "L")] }),
      bin("O1", { alerts: [alert("low_stock", "S"), alert("expiring", "S", "L")] }),
      bin("Y1", { alerts: [alert("overstock", "S"), alert("low_stock", "T")] }),
      bin("V1", { alerts: [alert("quarantine_aged", "S")] }),
      bin("V2", { alerts: [alert("count_overdue")] }),
    ]);
    const colour = (code: string) => overlay.valueByLocation[code].colour;
    expect([colour("R1"), colour("R2"), colour("O1"), colour("Y1"), colour("V1"), colour("V2")]).toEqual([
      "#b91c1c",
      "#b91c1c",
      "#f97316",
      "#eab308",
      "#a78bfa",
      "#a78bfa",
    ]);
    expect(overlay.legend).toEqual([
      { colour: "#b91c1c", label: "Expired, Stockout" },
      { colour: "#f97316", label: "Expiring soon" },
      { colour: "#eab308", label: "Low stock" },
      { colour: "#a78bfa", label: "Overstock, Bin over capacity, Quarantine aged, Count overdue" },
      { colour: "#dcfce7", label: "Nothing to do" },
    ]);
  });
});

describe("pick-frequency overlay", () => {
  it("leaves unpicked bins pale and gives the busiest bin the darkest band", () => {
    const overlay = buildPickOverlay([bin("A-01"), bin("A-02", { picks: 1 }), bin("A-03", { picks: 40 })]);
    expect(overlay.valueByLocation["A-01"]).toEqual({ colour: "#f8fafc", text: "0 picks in 30 days" });
    expect(overlay.valueByLocation["A-02"].colour).toBe("#fde68a");
    expect(overlay.valueByLocation["A-03"]).toEqual({ colour: "#b45309", text: "40 picks in 30 days" });
  });
});
