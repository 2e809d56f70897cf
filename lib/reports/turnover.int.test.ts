// The turnover report over 1–10 March 2026 (10 days), worked by hand from dated, costed movements.
import { describe, expect, it } from "vitest";
import { buildValuedWarehouses } from "../../tests/factories/valuation";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getDb } from "../db/client";
import { readEveryPage } from "../../tests/factories/report-pages";
import { runReport } from "./run-report";

const db = getDb();
const PERIOD = { from: "2026-03-01", to: "2026-03-10" };

describe("turnover report", () => {
  it("answers cost of goods sold, the daily average value, turns and days of inventory per item, site and category", async () => {
    const { w, other, plain, solvent, post } = await buildValuedWarehouses(db);
    const a1 = w.bins.a1.code;

    // plain, FIFO: 10 × 2.00 before the period (opening 20); 10 × 3.00 on the 6th; 12 sold on the 8th (10 × 2.00 +
    // 2 × 3.00 = 26 cost of goods sold); 1 lost on the 9th (3.00: an adjustment, not sold).
    // Value at the end of each day: 1st–5th 20, 6th–7th 50, 8th 24, 9th–10th 21 → 100 + 100 + 24 + 42 = 266 ÷ 10 =
    // 26.60 average; turns 26 ÷ 26.6 = 0.977… → 0.98; days 10 ÷ 0.977… = 10.23 → 10.2.
    await post({ kind: "receive", sku: plain.sku, quantity: 10, to: a1, unitCost: "2.00", reason: "received", occurredAt: "2026-02-20" });
    await post({ kind: "receive", sku: plain.sku, quantity: 10, to: a1, unitCost: "3.00", reason: "received", occurredAt: "2026-03-06" });
    await post({ kind: "issue", sku: plain.sku, quantity: 12, from: a1, reason: "sold", occurredAt: "2026-03-08" });
    await post({ kind: "loss", sku: plain.sku, quantity: 1, from: a1, reason: "lost", occurredAt: "2026-03-09" });
    // solvent, average: 4 × 2.50 on the 1st, never sold: average 10, turns 0, days of inventory none.
    await post({
      kind: "receive",
      sku: solvent.sku,
      quantity: 4,
      to: w.bins.cage.code,
      unitCost: "2.50",
      reason: "received",
      occurredAt: "2026-03-01",
    });
    // The other site: 5 × 1.00 on the 2nd, all sold on the 3rd: 5 on the books one day → average 0.50, turns 10, 1 day.
    await post({
      kind: "receive",
      sku: other.items.plain.sku,
      quantity: 5,
      to: other.bins.a1.code,
      unitCost: "1.00",
      reason: "received",
      occurredAt: "2026-03-02",
    });
    await post({ kind: "issue", sku: other.items.plain.sku, quantity: 5, from: other.bins.a1.code, reason: "sold", occurredAt: "2026-03-03" });
    // After the period: not counted.
    await post({ kind: "issue", sku: plain.sku, quantity: 1, from: a1, reason: "sold", occurredAt: "2026-03-11" });

    const plainFigures = {
      cogs: "26.0000",
      openingValue: "20.0000",
      closingValue: "21.0000",
      averageValue: "26.6000",
      turns: 0.98,
      daysOfInventory: 10.2,
    };
    const solventFigures = {
      cogs: "0.0000",
      openingValue: "0.0000",
      closingValue: "10.0000",
      averageValue: "10.0000",
      turns: 0,
      daysOfInventory: null,
    };
    const byItem = await runReport(db, SYSTEM_ACTOR, "turnover", { ...PERIOD, site: w.site.code });
    expect(byItem.data).toEqual([
      { sku: plain.sku, name: plain.name, category: "Tools > Drills", site: null, ...plainFigures },
      { sku: solvent.sku, name: solvent.name, category: null, site: null, ...solventFigures },
    ]);

    const byCategory = await runReport(db, SYSTEM_ACTOR, "turnover", { ...PERIOD, site: w.site.code, by: "category" });
    expect(byCategory.data).toEqual([
      { sku: null, name: null, category: "Tools > Drills", site: null, ...plainFigures },
      { sku: null, name: null, category: null, site: null, ...solventFigures },
    ]);

    // Per site: w adds its two items (average 36.60; turns 26 ÷ 36.6 = 0.710… → 0.71; days 14.08 → 14.1).
    const bySite = await runReport(db, SYSTEM_ACTOR, "turnover", { ...PERIOD, by: "site" });
    const expected = [
      {
        sku: null,
        name: null,
        category: null,
        site: w.site.code,
        cogs: "26.0000",
        openingValue: "20.0000",
        closingValue: "31.0000",
        averageValue: "36.6000",
        turns: 0.71,
        daysOfInventory: 14.1,
      },
      {
        sku: null,
        name: null,
        category: null,
        site: other.site.code,
        cogs: "5.0000",
        openingValue: "0.0000",
        closingValue: "0.0000",
        averageValue: "0.5000",
        turns: 10,
        daysOfInventory: 1,
      },
    ].sort((a, b) => a.site.localeCompare(b.site));
    expect(bySite.data).toEqual(expected);

    // A row at a time through the cursor, as the report streams: the same rows in the same order, the row of
    // items without a category last.
    for (const [query, whole] of [
      [{ ...PERIOD, site: w.site.code }, byItem],
      [{ ...PERIOD, site: w.site.code, by: "category" }, byCategory],
      [{ ...PERIOD, by: "site" }, bySite],
    ] as const) {
      const pages = await readEveryPage(db, SYSTEM_ACTOR, "turnover", query, 1);
      expect(pages.flat()).toEqual(whole.data);
      expect(pages.every((page) => page.length === 1)).toBe(true);
    }

    // A period with no valued stock has no rows.
    expect((await runReport(db, SYSTEM_ACTOR, "turnover", { from: "2026-01-01", to: "2026-01-31" })).data).toEqual([]);
  });
});
