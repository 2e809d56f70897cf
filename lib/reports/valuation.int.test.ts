// The valuation report on movements dated in March 2026, worked by hand: a FIFO item across a sale, an average item
// whose value per unit does not divide evenly, and another site that the site filter leaves out.
import { describe, expect, it } from "vitest";
import { buildValuedWarehouses } from "../../tests/factories/valuation";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getDb } from "../db/client";
import { valuationAsOf } from "../valuation/valuation-reads";
import { readEveryPage } from "../../tests/factories/report-pages";
import { runReport } from "./run-report";
import { valuationReport } from "./valuation";

const db = getDb();

describe("valuation report", () => {
  it("values each item × site at the end of the day asked for, with its unit value, and filters by site and category", async () => {
    const { w, other, plain, solvent, post } = await buildValuedWarehouses(db);

    // plain, FIFO: 10 × 2.00 (2 March), 5 × 3.00 (10 March), 12 sold (15 March: 10 × 2.00 + 2 × 3.00 = 26) → 3 × 3.00 = 9.
    await post({ kind: "receive", sku: plain.sku, quantity: 10, to: w.bins.a1.code, unitCost: "2.00", reason: "received", occurredAt: "2026-03-02" });
    await post({ kind: "receive", sku: plain.sku, quantity: 5, to: w.bins.a1.code, unitCost: "3.00", reason: "received", occurredAt: "2026-03-10" });
    await post({ kind: "issue", sku: plain.sku, quantity: 12, from: w.bins.a1.code, reason: "sold", occurredAt: "2026-03-15" });
    // solvent, average: 3 × 1.00 + 4 × 1.50 = 9.00 for 7 units; 9 ÷ 7 = 1.285714… → 1.2857.
    await post({
      kind: "receive",
      sku: solvent.sku,
      quantity: 3,
      to: w.bins.cage.code,
      unitCost: "1.00",
      reason: "received",
      occurredAt: "2026-03-03",
    });
    await post({
      kind: "receive",
      sku: solvent.sku,
      quantity: 4,
      to: w.bins.cage.code,
      unitCost: "1.50",
      reason: "received",
      occurredAt: "2026-03-04",
    });
    // The other site's stock is not this site's.
    await post({
      kind: "receive",
      sku: other.items.plain.sku,
      quantity: 7,
      to: other.bins.a1.code,
      unitCost: "1.00",
      reason: "received",
      occurredAt: "2026-03-02",
    });

    const row = (item: typeof plain, category: string | null, method: string, quantity: number, unitValue: string, value: string) => ({
      sku: item.sku,
      name: item.name,
      category,
      site: w.site.code,
      method,
      quantity,
      unitValue,
      value,
    });
    const at = (asOf: string, extra: Record<string, string> = {}) => runReport(db, SYSTEM_ACTOR, "valuation", { site: w.site.code, asOf, ...extra });

    expect((await at("2026-03-01")).data).toEqual([]);
    expect((await at("2026-03-05")).data).toEqual([
      row(plain, "Tools > Drills", "fifo", 10, "2.0000", "20.0000"),
      row(solvent, null, "average", 7, "1.2857", "9.0000"),
    ]);
    // 10 × 2.00 + 5 × 3.00 = 35 for 15 units: 2.3333.
    expect((await at("2026-03-12")).data[0]).toEqual(row(plain, "Tools > Drills", "fifo", 15, "2.3333", "35.0000"));
    const march = await at("2026-03-31");
    expect(march.data).toEqual([row(plain, "Tools > Drills", "fifo", 3, "3.0000", "9.0000"), row(solvent, null, "average", 7, "1.2857", "9.0000")]);
    expect(march.filters).toMatchObject({ asOf: "2026-03-31" });

    // asOf left out: the period's `to`.
    expect((await runReport(db, SYSTEM_ACTOR, "valuation", { site: w.site.code, to: "2026-03-12" })).data[0]).toMatchObject({ quantity: 15 });
    expect((await at("2026-03-31", { category: "Tools" })).data.map((r) => r.sku)).toEqual([plain.sku]);
    // The API's valuation and the report read the same lines.
    const api = await valuationAsOf(db, SYSTEM_ACTOR, { asOf: "2026-03-31", site: w.site.code });
    expect(api.data.map((l) => [l.sku, l.quantity, l.value])).toEqual(march.data.map((r) => [r.sku, r.quantity, r.value]));
    expect(api.total).toBe("18.0000");

    await expect(runReport(db, SYSTEM_ACTOR, "valuation", { asOf: "31.03.2026" })).rejects.toMatchObject({
      issues: [expect.objectContaining({ field: "asOf" })],
    });
  });

  it("answers a page at a time with a cursor, streams every line, counts them and charts the whole answer", async () => {
    const { w, other, plain, solvent, post } = await buildValuedWarehouses(db);
    // Three plain items (one in the category) and the solvent at each of the two sites: eight lines, by SKU and
    // then site code.
    const extra = await Promise.all(
      ["X1", "X2"].map((suffix) =>
        db.item.create({ data: { sku: `${plain.sku}-${suffix}`, skuKey: `${plain.sku}-${suffix}`.toLowerCase(), name: `Extra ${suffix}` } }),
      ),
    );
    for (const site of [w, other]) {
      for (const item of [plain, ...extra])
        await post({
          kind: "receive",
          sku: item.sku,
          quantity: 2,
          to: site.bins.a1.code,
          unitCost: "2.00",
          reason: "received",
          occurredAt: "2025-06-02",
        });
      await post({
        kind: "receive",
        sku: solvent.sku,
        quantity: 3,
        to: site.bins.cage.code,
        unitCost: "1.00",
        reason: "received",
        occurredAt: "2025-06-02",
      });
    }
    // A year before the other test's movements, which this database holds too.
    const query = { asOf: "2025-06-30" };
    const everyLine = (await runReport(db, SYSTEM_ACTOR, "valuation", query)).data;
    expect(everyLine).toHaveLength(8);

    const pages = await readEveryPage(db, SYSTEM_ACTOR, "valuation", query, 3);
    expect(pages.slice(0, -1).every((page) => page.length === 3)).toBe(true);
    expect(pages.flat()).toEqual(everyLine);
    const keys = everyLine.map((row) => [String(row.sku), String(row.site)]);
    expect(keys).toEqual([...keys].sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : 1) : a < b ? -1 : 1)));

    const report = valuationReport.streamed!;
    const filters = valuationReport.filters.parse(query);
    const batches: number[] = [];
    for await (const batch of report.rows(db, SYSTEM_ACTOR, filters, "all", { after: null, size: 4 })) batches.push(batch.length);
    expect(batches.reduce((a, b) => a + b, 0)).toBe(everyLine.length);
    expect(batches.slice(0, -1).every((size) => size === 4)).toBe(true);
    expect(await report.count(db, SYSTEM_ACTOR, filters, "all")).toBe(everyLine.length);

    // The chart: the value per category of every line, not of the page shown.
    const firstPage = await runReport(db, SYSTEM_ACTOR, "valuation", query, { limit: 3 }, { chart: true });
    expect(firstPage.data).toHaveLength(3);
    const byCategory = new Map<string | null, number>();
    for (const row of everyLine)
      byCategory.set(row.category as string | null, (byCategory.get(row.category as string | null) ?? 0) + Number(row.value));
    expect(firstPage.chart!.map((row) => [row.category, Number(row.value)])).toEqual(
      [...byCategory.entries()].sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a < b ? -1 : 1)),
    );
    expect(firstPage.chart).toEqual([
      { category: "Tools > Drills", value: "8.0000" },
      { category: null, value: "22.0000" },
    ]);

    await expect(runReport(db, SYSTEM_ACTOR, "valuation", query, { cursor: "not-a-cursor" })).rejects.toMatchObject({
      issues: [expect.objectContaining({ field: "cursor" })],
    });
  });
});
