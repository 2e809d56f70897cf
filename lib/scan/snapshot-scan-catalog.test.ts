import { describe, expect, it } from "vitest";
import { resolveScan } from "./resolve-scan";
import type { SiteSnapshot } from "./schemas";
import { snapshotScanCatalog } from "./snapshot-scan-catalog";

const snapshot: SiteSnapshot = {
  site: "WH1",
  generatedAt: "2026-11-27T07:00:00.000Z",
  items: [
    { sku: "MILK-1L", name: "Milk 1 l", gtin: "09521234543213", tracking: "lot", unit: "ea", aliases: [] },
    { sku: "DRILL-18V", name: "Drill", gtin: null, tracking: "serial", unit: "ea", aliases: ["DR18"] },
  ],
  locations: [{ code: "WH1-A-01", name: "Bin A-01", type: "bin" }],
  lots: [{ sku: "MILK-1L", number: "L42", expiresOn: "2027-01-31" }],
  serials: [{ sku: "DRILL-18V", serial: "SN-9", location: "WH1-A-01", lot: null }],
  levels: [{ sku: "MILK-1L", location: "WH1-A-01", lot: "L42", onHand: 12 }],
};

describe("resolveScan over a synced site snapshot (offline)", () => {
  const catalog = snapshotScanCatalog(snapshot);

  it("answers the same kinds the server does", async () => {
    expect(await resolveScan("]C1010952123454321310L42", catalog)).toMatchObject({
      kind: "lot",
      item: { sku: "MILK-1L" },
      lot: { number: "L42", expiresOn: "2027-01-31", isKnown: true },
    });
    expect(await resolveScan("9521234543213", catalog)).toMatchObject({ kind: "item", item: { sku: "MILK-1L", gtin: "09521234543213" } });
    expect(await resolveScan("wh1-a-01", catalog)).toMatchObject({ kind: "location", location: { code: "WH1-A-01", site: "WH1" } });
    expect(await resolveScan("dr18", catalog)).toMatchObject({ kind: "unknown" });
    expect(await resolveScan("DR18", catalog)).toMatchObject({ kind: "item", item: { sku: "DRILL-18V" } });
    expect(await resolveScan("drill-18v", catalog)).toMatchObject({ kind: "item", item: { sku: "DRILL-18V" } });
    expect(await resolveScan("SN-9", catalog)).toMatchObject({ kind: "serial", serial: { location: "WH1-A-01" } });
    expect(await resolveScan("(01)09521234543220", catalog)).toMatchObject({ kind: "unknown", message: "No item has GTIN 09521234543220" });
  });
});
