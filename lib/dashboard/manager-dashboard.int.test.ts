// The manager's dashboard on the small warehouse of tests/factories/dashboard.ts, its figures worked out by hand.
import { describe, expect, it } from "vitest";
import { buildUser } from "../../tests/factories/access";
import { buildDashboardData as build, daysAgo } from "../../tests/factories/dashboard";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getDb } from "../db/client";
import { Forbidden, ValidationFailed } from "../domain-error";
import { getManagerDashboard } from "./manager-dashboard";

const db = getDb();
const today = new Date().toISOString().slice(0, 10);
const period = { from: daysAgo(9), to: today }; // 10 days

describe("getManagerDashboard", () => {
  it("answers each tile's numbers for one site, as worked out by hand", async () => {
    const { w, p, q, s, lotted } = await build(db);
    const dashboard = await getManagerDashboard(db, SYSTEM_ACTOR, { ...period, site: w.site.code }, { today });

    expect(dashboard.filters).toEqual({ ...period, site: w.site.code });
    expect(dashboard.days).toBe(10);
    // P 100 + Q 10 + L1 6 = 116 for days −9…−6, 96 after the sale 5 days ago (−5…−1), 81 at the end of today.
    expect(dashboard.onHand.map((d) => d.units)).toEqual([116, 116, 116, 116, 96, 96, 96, 96, 96, 81]);
    expect(dashboard.onHand[0].day).toBe(period.from);
    // Value: 200 + 30 + 9 = 239 before the period; the sale 5 days ago takes 20 × 2.00 → 199; today P −20 sold,
    // −10 lost, S +8 in and −8 sold → 169. Cost of goods sold 40 + 20 + 8 = 68; the mean of the days
    // (4 × 239 + 5 × 199 + 169) ÷ 10 = 212; turns in value 68 ÷ 212 = 0.32.
    expect(dashboard.inventoryValue?.map((d) => d.value)).toEqual([...Array(4).fill("239.0000"), ...Array(5).fill("199.0000"), "169.0000"]);
    expect(dashboard.inventoryValue?.[0].day).toBe(period.from);
    // 34 issued (P 30, S 4) ÷ 1025 / 10 = 102.5 on average = 0.33 turns; 10 days ÷ (34 / 102.5) = 30.1 days.
    expect(dashboard.turnover).toEqual({
      unitsIssued: 34,
      averageOnHand: 102.5,
      turns: 0.33,
      daysOfInventory: 30.1,
      cogs: "68.0000",
      averageValue: "212.0000",
      valueTurns: 0.32,
    });
    expect(dashboard.stockouts).toEqual({ raised: 1, items: 1, open: 1 });
    expect(dashboard.fillRate).toEqual({ orders: 3, ordersFilled: 1, unitsOrdered: 20, unitsFilled: 12, rate: 0.6 });
    expect(dashboard.topMovers).toEqual([
      { sku: p.sku, name: p.name, units: 30 },
      { sku: s.sku, name: s.name, units: 4 },
    ]);
    // P: 65 on hand at 30 per 10 days lasts 22 days, neither slow nor dead; S has none left.
    expect(dashboard.deadStock).toEqual({
      dead: 2,
      slow: 0,
      deadUnits: 16,
      top: [
        { sku: q.sku, name: q.name, site: w.site.code, onHand: 10, lastIssuedAt: null },
        { sku: lotted.sku, name: lotted.name, site: w.site.code, onHand: 6, lastIssuedAt: null },
      ],
    });
    expect(dashboard.shrinkage).toEqual({
      netUnits: 5,
      byReason: [{ reason: "lost", label: expect.any(String), unitsOut: 5, unitsBack: 0, netUnits: 5 }],
    });
    expect(dashboard.expiring).toEqual({
      withinDays: 30,
      lots: 1,
      units: 6,
      expiredUnits: 0,
      value: "9.0000", // 6 × 1.50
      top: [{ sku: lotted.sku, name: lotted.name, site: w.site.code, lot: "L1", expiresOn: daysAgo(-10), daysLeft: 10, onHand: 6 }],
    });
    // Weeks of the period: P 20 then 10 (CV 0.33, X), S 0 then 4 (CV 1, Y); P is 30 of 34 units' value (A), S B.
    const filled = dashboard.abcXyz.cells.filter((cell) => cell.items > 0);
    expect(dashboard.abcXyz.items).toBe(2);
    expect(dashboard.abcXyz.cells).toHaveLength(9);
    expect(filled).toEqual([
      { abc: "A", xyz: "X", items: 1 },
      { abc: "B", xyz: "Y", items: 1 },
    ]);
    expect(dashboard.alerts.byKind).toContainEqual({ kind: "stockout", count: 1 });
    expect(dashboard.alerts.total).toBe(dashboard.alerts.byKind.reduce((sum, k) => sum + k.count, 0));
  });

  it("a period before anything happened is empty; a manager of another site sees none of W", async () => {
    const { w, elsewhere } = await build(db);
    const early = await getManagerDashboard(db, SYSTEM_ACTOR, { from: daysAgo(30), to: daysAgo(25), site: w.site.code }, { today });
    expect(early.onHand.map((d) => d.units)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(early.turnover).toEqual({
      unitsIssued: 0,
      averageOnHand: 0,
      turns: null,
      daysOfInventory: null,
      cogs: "0.0000",
      averageValue: "0.0000",
      valueTurns: null,
    });
    expect(early.inventoryValue?.every((d) => d.value === "0.0000")).toBe(true);
    expect(early.fillRate.rate).toBeNull();

    const manager = await buildUser(db, "manager", { sites: [elsewhere.site.code] });
    await expect(getManagerDashboard(db, manager.actor, { ...period, site: w.site.code })).rejects.toBeInstanceOf(Forbidden);
    const own = await getManagerDashboard(db, manager.actor, period, { today });
    expect(own.onHand.at(-1)?.units).toBe(4);
    expect(own.turnover.unitsIssued).toBe(3);
    expect(own.topMovers.map((m) => m.sku)).toEqual([elsewhere.items.plain.sku]);
    expect(own.fillRate.orders).toBe(0);
    expect(own.stockouts.raised).toBe(0);
  });

  it("refuses a clerk, an unknown site (on `site`) and a period that ends before it starts (on `from`)", async () => {
    const { w } = await build(db);
    const clerk = await buildUser(db, "clerk", { sites: [w.site.code] });
    await expect(getManagerDashboard(db, clerk.actor, period)).rejects.toBeInstanceOf(Forbidden);
    await expect(getManagerDashboard(db, SYSTEM_ACTOR, { ...period, site: "NO-SUCH-SITE" })).rejects.toMatchObject({
      issues: [expect.objectContaining({ field: "site" })],
    });
    const backwards = getManagerDashboard(db, SYSTEM_ACTOR, { from: today, to: daysAgo(1) });
    await expect(backwards).rejects.toBeInstanceOf(ValidationFailed);
    await expect(backwards).rejects.toMatchObject({ issues: [expect.objectContaining({ field: "from" })] });
  });
});
