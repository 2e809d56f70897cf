// The ageing report on receipts dated a known number of days ago, worked by hand: a FIFO item with a layer at
// each bucket's edge, partly sold from its oldest layer, and an average item whose layers share the state's value.
import { describe, expect, it } from "vitest";
import { buildWarehouse } from "../../tests/factories/stock";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getDb } from "../db/client";
import { postMovement } from "../ledger/post-movement";
import { readEveryPage } from "../../tests/factories/report-pages";
import { ageingReport } from "./ageing";
import { runReport } from "./run-report";

const db = getDb();

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

describe("ageing report", () => {
  it("buckets the open layers by the age of their receipt, valued by layer or, for the average, by share of the state", async () => {
    const w = await buildWarehouse(db);
    const other = await buildWarehouse(db);
    const { plain, solvent } = w.items;
    await db.item.update({ where: { id: plain.id }, data: { costingMethod: "fifo" } });
    await db.item.update({ where: { id: solvent.id }, data: { costingMethod: "average" } });
    const post = (input: Record<string, unknown>) => postMovement(db, SYSTEM_ACTOR, input as Parameters<typeof postMovement>[2]);
    const receive = (sku: string, to: string, quantity: number, unitCost: string, age: number) =>
      post({ kind: "receive", sku, quantity, to, unitCost, reason: "received", occurredAt: daysAgo(age) });

    // plain, FIFO: 6 × 1.00 (181 days ago), 4 × 2.00 (180), 5 × 3.00 (61), 3 × 4.00 (40), 2 × 5.00 (30); 2 sold
    // today from the oldest layer → >180: 4 units 4.00; 91–180: 4, 8.00; 61–90: 5, 15.00; 31–60: 3, 12.00; 0–30: 2, 10.00.
    await receive(plain.sku, w.bins.a1.code, 6, "1.00", 181);
    await receive(plain.sku, w.bins.a1.code, 4, "2.00", 180);
    await receive(plain.sku, w.bins.a1.code, 5, "3.00", 61);
    await receive(plain.sku, w.bins.a1.code, 3, "4.00", 40);
    await receive(plain.sku, w.bins.a1.code, 2, "5.00", 30);
    await post({ kind: "issue", sku: plain.sku, quantity: 2, from: w.bins.a1.code, reason: "sold" });
    // solvent, average: 4 × 1.50 (95 days ago) + 3 × 1.00 (5) = 9.00 for 7; 1 sold at 9 ÷ 7 → 1.2857, leaving 6 units
    // worth 7.7143, the sale taken from the older layer (3 left of 4). Shares in receipt order: round(7.7143 × 3 ÷ 6)
    // = 3.8572 (half away from zero) for 91–180, 7.7143 − 3.8572 = 3.8571 for 0–30.
    await receive(solvent.sku, w.bins.cage.code, 4, "1.50", 95);
    await receive(solvent.sku, w.bins.cage.code, 3, "1.00", 5);
    await post({ kind: "issue", sku: solvent.sku, quantity: 1, from: w.bins.cage.code, reason: "sold" });
    await receive(other.items.plain.sku, other.bins.a1.code, 9, "1.00", 3);

    const answer = await runReport(db, SYSTEM_ACTOR, "ageing", { site: w.site.code });
    const head = (item: typeof plain, method: string) => ({ sku: item.sku, name: item.name, category: null, site: w.site.code, method });
    expect(answer.data).toEqual([
      {
        ...head(plain, "fifo"),
        units0to30: 2,
        value0to30: "10.0000",
        units31to60: 3,
        value31to60: "12.0000",
        units61to90: 5,
        value61to90: "15.0000",
        units91to180: 4,
        value91to180: "8.0000",
        unitsover180: 4,
        valueover180: "4.0000",
        units: 18,
        value: "49.0000",
      },
      {
        ...head(solvent, "average"),
        units0to30: 3,
        value0to30: "3.8571",
        units31to60: 0,
        value31to60: "0.0000",
        units61to90: 0,
        value61to90: "0.0000",
        units91to180: 3,
        value91to180: "3.8572",
        unitsover180: 0,
        valueover180: "0.0000",
        units: 6,
        value: "7.7143",
      },
    ]);
    // The ages add up to the valuation of today.
    const valuation = await runReport(db, SYSTEM_ACTOR, "valuation", { site: w.site.code });
    expect(valuation.data.map((r) => [r.sku, r.quantity, r.value])).toEqual(answer.data.map((r) => [r.sku, r.units, r.value]));
    expect((await runReport(db, SYSTEM_ACTOR, "ageing", { site: w.site.code, category: "Nothing here" })).data).toEqual([]);
    // A line at a time through the cursor, as the report streams: the same lines in the same order.
    const pages = await readEveryPage(db, SYSTEM_ACTOR, "ageing", { site: w.site.code }, 1);
    expect(pages.flat()).toEqual(answer.data);
    expect(pages).toHaveLength(answer.data.length);
    // The chart's row: every line's buckets summed.
    const charted = await runReport(db, SYSTEM_ACTOR, "ageing", { site: w.site.code }, { limit: 1 }, { chart: true });
    expect(charted.chart).toHaveLength(1);
    for (const key of Object.keys(charted.chart![0])) {
      const sum = answer.data.reduce((total, row) => total + Number(row[key]), 0);
      expect(Number(charted.chart![0][key])).toBeCloseTo(sum, 4);
    }
    expect(Object.keys(charted.chart![0])).toHaveLength(10);
    expect(await ageingReport.streamed!.count(db, SYSTEM_ACTOR, ageingReport.filters.parse({}), [w.site.id])).toBe(answer.data.length);
  });
});
