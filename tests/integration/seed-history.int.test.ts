// The demo's two years of history (prisma/demo-history.ts): posted through the ledger with occurredAt, so the
// valuation, reports and dashboard of a fresh install have something to show.
import { beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../../lib/auth/actor";
import { getDb } from "../../lib/db/client";
import { Prisma } from "../../lib/db/generated/client";
import { valuationAsOf, valuationReconciliation } from "../../lib/valuation/valuation-reads";
import { DEMO_ITEM_METHODS } from "../../prisma/demo-history";
import { seedDemo } from "../../prisma/seed";

const db = getDb();
const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString().slice(0, 10);

describe("the demo seed's history", () => {
  beforeAll(async () => {
    await seedDemo(db, { password: "demo-pass-1" });
  }, 120_000);

  it("spans about two years of occurredAt, at both sites", async () => {
    const dated = await db.stockMovement.aggregate({
      where: { reference: { startsWith: "DEMO-" } },
      _min: { occurredAt: true },
      _max: { occurredAt: true },
    });
    const oldest = (Date.now() - dated._min.occurredAt!.getTime()) / DAY;
    const newest = (Date.now() - dated._max.occurredAt!.getTime()) / DAY;
    expect(oldest).toBeGreaterThan(700);
    expect(oldest).toBeLessThan(740);
    expect(newest).toBeLessThan(10);
    // Recorded as it happened, since the reports and forecasts read when a movement was recorded.
    const recordedLater = await db.$queryRaw<
      { n: bigint }[]
    >`SELECT count(*) AS n FROM "StockMovement" WHERE reference LIKE 'DEMO-%' AND at <> "occurredAt"`;
    expect(Number(recordedLater[0].n)).toBe(0);
    const sites = await db.$queryRaw<{ code: string }[]>`
      SELECT DISTINCT s.code FROM "StockMovement" m JOIN "Location" l ON l.id = m."fromLocationId" JOIN "Site" s ON s.id = l."siteId"
       WHERE m.reference LIKE 'DEMO-%' ORDER BY 1`;
    expect(sites.map((s) => s.code)).toEqual(["WH1", "WH2"]);
  });

  it("has receipts at changing prices, sales, damage, losses and count differences", async () => {
    const kinds = await db.stockMovement.groupBy({ by: ["kind"], where: { reference: { startsWith: "DEMO-" } }, _count: true });
    const count = new Map(kinds.map((k) => [k.kind, k._count]));
    expect(count.get("receive")).toBeGreaterThan(50);
    expect(count.get("issue")).toBeGreaterThan(1000);
    expect(count.get("damage")).toBeGreaterThan(10);
    expect(count.get("loss")).toBeGreaterThan(3);
    expect(count.get("count")).toBeGreaterThan(20);
    const prices = await db.stockMovement.findMany({
      where: { reference: { startsWith: "DEMO-" }, kind: "receive", item: { sku: "FS-SCR-0001" } },
      distinct: ["unitCost"],
      select: { unitCost: true },
    });
    expect(prices.length).toBeGreaterThan(2);
  });

  it("values every costing method, and a year ago the stock was worth something", async () => {
    const methods = await db.costState.groupBy({ by: ["method"], _count: true });
    expect(methods.map((m) => m.method).sort()).toEqual(["average", "fifo", "standard"]);
    const standard = await db.costState.findMany({ where: { method: "standard" }, select: { item: { select: { sku: true } } } });
    const expected = [
      ...Object.entries(DEMO_ITEM_METHODS)
        .filter(([, m]) => m === "standard")
        .map(([sku]) => sku),
      "FS-SCR-0002",
    ];
    expect(new Set(standard.map((s) => s.item.sku))).toEqual(new Set(expected));
    // The item that moved to standard cost a year ago has its revaluation entry then.
    const revaluation = await db.costRevaluation.findFirstOrThrow({ where: { item: { sku: "FS-SCR-0002" } } });
    expect(revaluation.toMethod).toBe("standard");
    expect(Math.abs(revaluation.occurredAt.getTime() - (Date.now() - 364 * DAY))).toBeLessThan(10 * DAY);

    const yearAgo = await valuationAsOf(db, SYSTEM_ACTOR, { asOf: daysAgo(365) });
    expect(Number(yearAgo.total)).toBeGreaterThan(0);
    expect(yearAgo.data.some((line) => line.sku === "PK-BOX-0001" && line.method === "average")).toBe(true);
  });

  it("sells the seasonal items more in winter than in summer", async () => {
    const byMonth = await db.$queryRaw<{ month: number; units: bigint }[]>`
      SELECT extract(month FROM m."occurredAt")::int AS month, sum(m.quantity)::bigint AS units
        FROM "StockMovement" m JOIN "Item" i ON i.id = m."itemId"
       WHERE m.kind = 'issue' AND m.reference LIKE 'DEMO-%' AND i.sku = 'SF-GLV-0005'
       GROUP BY 1`;
    const units = (months: number[]) => byMonth.filter((r) => months.includes(r.month)).reduce((sum, r) => sum + Number(r.units), 0);
    expect(units([12, 1, 2])).toBeGreaterThan(2 * units([6, 7, 8]));
  });

  it("reconciles over the two years: opening + receipts − cost of goods sold + adjustments = closing", async () => {
    const rec = await valuationReconciliation(db, SYSTEM_ACTOR, { from: daysAgo(740), to: daysAgo(0) });
    expect(Number(rec.receipts)).toBeGreaterThan(0);
    expect(Number(rec.cogs)).toBeGreaterThan(0);
    expect(Number(rec.adjustments)).not.toBe(0);
    const sum = new Prisma.Decimal(rec.opening).plus(rec.receipts).minus(rec.cogs).plus(rec.adjustments).plus(rec.transfers);
    expect(sum.toFixed(4)).toBe(rec.closing);
    expect(Number(rec.closing)).toBeGreaterThan(0);
  });
});
