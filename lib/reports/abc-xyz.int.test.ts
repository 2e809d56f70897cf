// The ABC × XYZ report on four items' weekly sales (valued at their receipts' unit costs) worked out by hand, over the 4 weeks up to today (sales
// backdated into their weeks).
import { describe, expect, it } from "vitest";
import { backdatePosting } from "../../tests/factories/backdate";
import { buildItem } from "../../tests/factories/catalog";
import { buildWarehouse } from "../../tests/factories/stock";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getDb } from "../db/client";
import { postMovement } from "../ledger/post-movement";
import { reverseMovement } from "../ledger/reverse-movement";
import { readEveryPage } from "../../tests/factories/report-pages";
import { abcXyzReport, abcXyzTotals } from "./abc-xyz";
import { runReport } from "./run-report";

const db = getDb();
const DAY = 86_400_000;
const today = new Date().toISOString().slice(0, 10);
const from = new Date(Date.parse(`${today}T00:00:00Z`) - 27 * DAY); // weeks 0–3: days 0–6, 7–13, 14–20, 21–27
const inWeek = (week: number) => new Date(from.getTime() + week * 7 * DAY + 2 * DAY + 3_600_000);

describe("ABC × XYZ report", () => {
  it("ranks by consumption value, classes weekly demand by its coefficient of variation, and sets the count frequency", async () => {
    const w = await buildWarehouse(db);
    const items: { sku: string }[] = [];
    for (const unitCost of ["10", "5", "1", "1"]) {
      const item = await buildItem(db);
      await postMovement(db, SYSTEM_ACTOR, { kind: "receive", sku: item.sku, quantity: 100, to: w.bins.a1.code, unitCost, reason: "received" });
      items.push(item);
    }
    const sell = async (sku: string, quantity: number, week: number) => {
      const sale = await postMovement(db, SYSTEM_ACTOR, { kind: "issue", sku, quantity, from: w.bins.a1.code, reason: "sold" });
      await backdatePosting(db, sale.postingId, inWeek(week));
      return sale;
    };
    const weekly: number[][] = [
      [10, 10, 10, 10], // 40 × 10 = 400; CV 0 → X
      [0, 10, 0, 10], // 20 × 5 = 100; mean 5, sd 5 → CV 1.00 → Y
      [0, 0, 0, 20], // 20 × 1 = 20; mean 5, sd √75 → CV 1.73 → Z
      [3, 5, 4, 4], // 16 × 1 = 16; mean 4, sd √0.5 → CV 0.18 → X
    ];
    for (const [index, weeks] of weekly.entries()) {
      for (const [week, quantity] of weeks.entries()) if (quantity > 0) await sell(items[index].sku, quantity, week);
    }
    // A sale taken back in its own week changes nothing.
    const mistake = await sell(items[1].sku, 5, 3);
    const reversal = await reverseMovement(db, SYSTEM_ACTOR, String(mistake.movements[0].id));
    await backdatePosting(db, reversal.postingId, inWeek(3));
    // What a customer sent back is not consumed: 4 of the first item's week 3 back, at its cost of 10.
    const returned = await postMovement(db, SYSTEM_ACTOR, { kind: "return", sku: items[0].sku, quantity: 4, to: w.bins.a1.code, reason: "returned" });
    await backdatePosting(db, returned.postingId, inWeek(3));

    const answer = await runReport(db, SYSTEM_ACTOR, "abc-xyz", { from: from.toISOString().slice(0, 10), to: today, site: w.site.code });
    // Value 496: before each item 0, 360, 460, 480 against 80% = 396.8 and 95% = 471.2 → A, A, B, C.
    // Each row's consumption value, exact to 4 places, and its share of the 496.
    const row = (index: number, value: number, rest: object) => ({
      sku: items[index].sku,
      name: expect.any(String),
      site: w.site.code,
      consumptionValue: `${value}.0000`,
      valueShare: expect.closeTo(value / 496, 9),
      ...rest,
    });
    expect(answer.data).toEqual([
      // Weeks 10, 10, 10, 6: mean 9, sd √3 → CV 0.19.
      row(0, 360, { abc: "A", xyz: "X", class: "AX", units: 36, weeklyCv: "0.19", countEveryDays: 30 }),
      row(1, 100, { abc: "A", xyz: "Y", class: "AY", units: 20, weeklyCv: "1.00", countEveryDays: 30 }),
      // Z counts as often as the class above it.
      row(2, 20, { abc: "B", xyz: "Z", class: "BZ", units: 20, weeklyCv: "1.73", countEveryDays: 30 }),
      row(3, 16, { abc: "C", xyz: "X", class: "CX", units: 16, weeklyCv: "0.18", countEveryDays: 180 }),
    ]);

    // Thresholds are the caller's: with A up to 70% (347.2) only the first is A, the second B, the third C (460 ≥ 446.4).
    const strict = await runReport(db, SYSTEM_ACTOR, "abc-xyz", {
      from: from.toISOString().slice(0, 10),
      to: today,
      site: w.site.code,
      a: "0.7",
      b: "0.9",
    });
    expect(strict.data.map((r) => r.class)).toEqual(["AX", "BY", "CZ", "CX"]);

    // Over the last two weeks (shorter periods are read by date, longer by item: the same answer either way), at
    // every site: a second site's one item is ranked within its own site, and the sites come in code order.
    const other = await buildWarehouse(db);
    await postMovement(db, SYSTEM_ACTOR, {
      kind: "receive",
      sku: items[3].sku,
      quantity: 10,
      to: other.bins.a1.code,
      unitCost: "2",
      reason: "received",
    });
    const elsewhere = await postMovement(db, SYSTEM_ACTOR, {
      kind: "issue",
      sku: items[3].sku,
      quantity: 3,
      from: other.bins.a1.code,
      reason: "sold",
    });
    await backdatePosting(db, elsewhere.postingId, inWeek(2));
    const lastTwoWeeks = await runReport(db, SYSTEM_ACTOR, "abc-xyz", {
      from: new Date(from.getTime() + 14 * DAY).toISOString().slice(0, 10),
      to: today,
    });
    // First site, weeks 2 and 3: 10 + 6 (×10), 0 + 10 (×5), 0 + 20 (×1), 4 + 4 (×1) — value 160 + 50 + 20 + 8 = 238:
    // before each 0, 160, 210, 230 against 80% = 190.4 and 95% = 226.1 → A, A, B, C.
    const first = [
      { sku: items[0].sku, site: w.site.code, class: "AX", units: 16, consumptionValue: "160.0000", weeklyCv: "0.25", countEveryDays: 30 },
      { sku: items[1].sku, site: w.site.code, class: "AY", units: 10, consumptionValue: "50.0000", weeklyCv: "1.00", countEveryDays: 30 },
      { sku: items[2].sku, site: w.site.code, class: "BY", units: 20, consumptionValue: "20.0000", weeklyCv: "1.00", countEveryDays: 90 },
      { sku: items[3].sku, site: w.site.code, class: "CX", units: 8, consumptionValue: "8.0000", weeklyCv: "0.00", countEveryDays: 180 },
    ];
    // Second site: 3 units at 2 in week 2, none in week 3 → all of its value (A), CV 1.00 (Y).
    const second = [
      { sku: items[3].sku, site: other.site.code, class: "AY", units: 3, consumptionValue: "6.0000", weeklyCv: "1.00", countEveryDays: 30 },
    ];
    const bySite = w.site.code < other.site.code ? [...first, ...second] : [...second, ...first];
    expect(
      lastTwoWeeks.data.map(({ sku, site, class: cls, units, consumptionValue, weeklyCv, countEveryDays }) => ({
        sku,
        site,
        class: cls,
        units,
        consumptionValue,
        weeklyCv,
        countEveryDays,
      })),
    ).toEqual(bySite);

    // A page at a time, as the report streams: the same lines in the same order. The chart's cells count every
    // line, not the page, and the count tells a background run how many lines to expect.
    const twoWeeks = { from: new Date(from.getTime() + 14 * DAY).toISOString().slice(0, 10), to: today };
    const paged = (await readEveryPage(db, SYSTEM_ACTOR, "abc-xyz", twoWeeks, 2)).flat();
    expect(paged).toEqual(lastTwoWeeks.data);
    const charted = await runReport(db, SYSTEM_ACTOR, "abc-xyz", twoWeeks, { limit: 1 }, { chart: true });
    expect(charted.data).toHaveLength(1);
    expect(charted.chart).toEqual([
      { abc: "A", xyz: "X", items: 1, valueShare: expect.closeTo(160 / 238, 9) },
      { abc: "A", xyz: "Y", items: 2, valueShare: expect.closeTo(50 / 238 + 1, 9) },
      { abc: "B", xyz: "Y", items: 1, valueShare: expect.closeTo(20 / 238, 9) },
      { abc: "C", xyz: "X", items: 1, valueShare: expect.closeTo(8 / 238, 9) },
    ]);
    // What the dashboard reads: the same lines summed per cell and per item in one query.
    const totals = await abcXyzTotals(db, abcXyzReport.filters.parse(twoWeeks), "all");
    expect(totals.cells).toEqual([
      { abc: "A", xyz: "X", items: 1, units: 16 },
      { abc: "A", xyz: "Y", items: 2, units: 13 },
      { abc: "B", xyz: "Y", items: 1, units: 20 },
      { abc: "C", xyz: "X", items: 1, units: 8 },
    ]);
    // Four items, fewer than ten: all of them, the one sold at both sites once with its units added (8 + 3).
    expect(totals.topItems.map(({ sku, units }) => ({ sku, units })).sort((a, b) => b.units - a.units)).toEqual([
      { sku: items[2].sku, units: 20 },
      { sku: items[0].sku, units: 16 },
      { sku: items[3].sku, units: 11 },
      { sku: items[1].sku, units: 10 },
    ]);
    expect(await abcXyzReport.streamed!.count(db, SYSTEM_ACTOR, abcXyzReport.filters.parse(twoWeeks), "all")).toBe(5);
    await expect(runReport(db, SYSTEM_ACTOR, "abc-xyz", twoWeeks, { cursor: Buffer.from("[1,2]").toString("base64url") })).rejects.toMatchObject({
      issues: [expect.objectContaining({ field: "cursor" })],
    });
  });

  it("sums for the dashboard the ten items issued most, with every item tied at the tenth place", async () => {
    const w = await buildWarehouse(db);
    // Nine items of 20 down to 12 units, three tied at 5 for the tenth place, and one of 1 below them.
    const units = [20, 19, 18, 17, 16, 15, 14, 13, 12, 5, 5, 5, 1];
    const skus: string[] = [];
    for (const quantity of units) {
      const item = await buildItem(db);
      await postMovement(db, SYSTEM_ACTOR, { kind: "receive", sku: item.sku, quantity, to: w.bins.a1.code, unitCost: "1", reason: "received" });
      await postMovement(db, SYSTEM_ACTOR, { kind: "issue", sku: item.sku, quantity, from: w.bins.a1.code, reason: "sold" });
      skus.push(item.sku);
    }
    const week = { from: new Date(Date.parse(`${today}T00:00:00Z`) - 6 * DAY).toISOString().slice(0, 10), to: today };
    const totals = await abcXyzTotals(db, abcXyzReport.filters.parse(week), [w.site.id]);
    expect(totals.topItems.map((item) => item.units).sort((a, b) => b - a)).toEqual(units.slice(0, 12));
    expect(new Set(totals.topItems.map((item) => item.sku))).toEqual(new Set(skus.slice(0, 12)));
    expect(totals.cells.reduce((sum, cell) => sum + cell.items, 0)).toBe(13);
    expect(totals.cells.reduce((sum, cell) => sum + cell.units, 0)).toBe(units.reduce((a, b) => a + b, 0));
  });
});
