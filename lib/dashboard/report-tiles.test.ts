import { describe, expect, it } from "vitest";
import { abcXyzCells, deadStock, expiring, shrinkage, topMovers } from "./report-tiles";

describe("dashboard tiles from report rows", () => {
  it("adds an item's units over its sites for the top movers, most first, ties by SKU", () => {
    const rows = [
      { sku: "B", name: "Bee", site: "N", units: 5 },
      { sku: "A", name: "Ay", site: "N", units: 3 },
      { sku: "A", name: "Ay", site: "S", units: 2 },
      { sku: "C", name: "Cee", site: "S", units: 9 },
    ];
    expect(topMovers(rows)).toEqual([
      { sku: "C", name: "Cee", units: 9 },
      { sku: "A", name: "Ay", units: 5 },
      { sku: "B", name: "Bee", units: 5 },
    ]);
  });

  it("keeps the ten top movers, those tied at the tenth place by SKU", () => {
    // Eight items of 9 units down to 2, then five tied at 1 for the last two places, and some below.
    const rows = [
      ...[9, 8, 7, 6, 5, 4, 3, 2].map((units) => ({ sku: `T${units}`, name: "", units })),
      ...["E", "B", "D", "A", "C"].map((sku) => ({ sku: `TIE-${sku}`, name: "", units: 1 })),
      { sku: "ZERO", name: "", units: 0 },
    ];
    expect(topMovers(rows).map((m) => `${m.sku}:${m.units}`)).toEqual([
      "T9:9",
      "T8:8",
      "T7:7",
      "T6:6",
      "T5:5",
      "T4:4",
      "T3:3",
      "T2:2",
      "TIE-A:1",
      "TIE-B:1",
    ]);
  });

  it("lays the counted ABC × XYZ cells out as all nine, the empty ones at 0", () => {
    const { items, cells } = abcXyzCells([
      { abc: "A", xyz: "X", items: 2 },
      { abc: "C", xyz: "Z", items: 1 },
    ]);
    expect(items).toBe(3);
    expect(cells.map((c) => `${c.abc}${c.xyz}:${c.items}`)).toEqual(["AX:2", "AY:0", "AZ:0", "BX:0", "BY:0", "BZ:0", "CX:0", "CY:0", "CZ:1"]);
  });

  it("separates dead from slow stock and keeps the report's order", () => {
    const rows = [
      { status: "dead", sku: "D1", name: "d1", site: "N", onHand: 7, lastIssuedAt: null },
      { status: "dead", sku: "D2", name: "d2", site: "N", onHand: 3, lastIssuedAt: "2026-01-02" },
      { status: "slow", sku: "S1", name: "s1", site: "N", onHand: 50, lastIssuedAt: "2026-11-02" },
    ];
    expect(deadStock(rows)).toMatchObject({ dead: 2, slow: 1, deadUnits: 10, top: [{ sku: "D1" }, { sku: "D2", lastIssuedAt: "2026-01-02" }] });
  });

  it("nets shrinkage per reason over sites; a reason that came back more than it lost is negative", () => {
    const rows = [
      { site: "N", reason: "lost", reasonLabel: "Lost", unitsOut: 5, unitsBack: 0, netUnits: 5 },
      { site: "S", reason: "lost", reasonLabel: "Lost", unitsOut: 2, unitsBack: 1, netUnits: 1 },
      { site: "N", reason: "found", reasonLabel: "Found", unitsOut: 0, unitsBack: 2, netUnits: -2 },
    ];
    expect(shrinkage(rows)).toEqual({
      netUnits: 4,
      byReason: [
        { reason: "lost", label: "Lost", unitsOut: 7, unitsBack: 1, netUnits: 6 },
        { reason: "found", label: "Found", unitsOut: 0, unitsBack: 2, netUnits: -2 },
      ],
    });
  });

  it("gives the expiring value only when the report has a value column, as an exact decimal sum", () => {
    const rows = [
      { site: "N", sku: "M", name: "Milk", lot: "L1", expiresOn: "2026-12-01", daysLeft: -3, onHand: 4, value: "0.1000" },
      { site: "N", sku: "M", name: "Milk", lot: "L2", expiresOn: "2026-12-20", daysLeft: 16, onHand: 6, value: "0.2000" },
    ];
    const withoutValue = expiring(rows, 30, ["site", "sku", "onHand"]);
    expect(withoutValue).toMatchObject({ withinDays: 30, lots: 2, units: 10, expiredUnits: 4, value: null });
    expect(expiring(rows, 30, ["site", "sku", "onHand", "value"]).value).toBe("0.3000");
  });
});
