import { describe, expect, it } from "vitest";
import * as forecastRoute from "../../app/api/v1/items/[sku]/forecast/route";
import { buildApiKey, buildSite } from "../../tests/factories/access";
import { backdatePosting } from "../../tests/factories/backdate";
import { buildWarehouse } from "../../tests/factories/stock";
import { callRoute } from "../../tests/integration/api/call-route";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getDb } from "../db/client";
import { postMovement } from "../ledger/post-movement";
import * as planRoute from "../../app/api/v1/items/[sku]/forecast/plan/route";
import { listThresholds } from "../thresholds/list-thresholds";
import { setThresholds } from "../thresholds/set-thresholds";
import { applyReorderPoint } from "./apply-reorder-point";
import { forecastItem } from "./forecast-item";
import { planForecast } from "./plan-forecast";

const db = getDb();
const now = new Date("2026-11-30T12:00:00Z"); // a Monday: the weeks before it are whole
const weeksBefore = (n: number) => new Date(now.getTime() - n * 7 * 86_400_000);

/** Twelve weeks of steady sales, ten a week, from plenty of stock; the preferred supplier delivers in 14 days. */
async function steadySeller() {
  const w = await buildWarehouse(db);
  const sku = w.items.plain.sku;
  const supplier = await db.supplier.create({ data: { code: `S${Date.now().toString(36)}`, name: "Supplier" } });
  await db.itemSupplier.create({ data: { itemId: w.items.plain.id, supplierId: supplier.id, leadTimeDays: 14, preferred: true } });
  const receipt = await postMovement(db, SYSTEM_ACTOR, {
    kind: "receive",
    sku,
    quantity: 1_000,
    to: w.bins.a1.code,
    unitCost: "2.50",
    reason: "received",
  });
  await backdatePosting(db, receipt.postingId, new Date(weeksBefore(12).getTime() - 3_600_000)); // an hour before the first sale
  for (let week = 12; week >= 1; week--) {
    const sale = await postMovement(db, SYSTEM_ACTOR, { kind: "issue", sku, quantity: 10, from: w.bins.a1.code, reason: "sold" });
    await backdatePosting(db, sale.postingId, weeksBefore(week));
  }
  return w;
}

describe("forecastItem", () => {
  it("forecasts a steady seller at its rate and suggests demand over the lead time, with no safety stock for no error", async () => {
    const w = await steadySeller();
    const f = await forecastItem(db, SYSTEM_ACTOR, { sku: w.items.plain.sku, site: w.site.code, period: "week", horizon: 4, now });
    expect(f.history.filter((b) => b.demand === 10)).toHaveLength(12);
    expect(f.class).toBe("smooth");
    f.forecast.forEach((value) => expect(value).toBeCloseTo(10, 6));
    expect(f.holdout.length).toBeGreaterThan(1);
    // 14 days = 2 weeks × 10; the only seller at its site is class A (98%), but a perfect holdout leaves no error.
    expect(f.reorder).toMatchObject({
      leadTimeDays: 14,
      leadTimeFrom: "supplier",
      abcClass: "A",
      serviceLevel: 0.98,
      reorderPoint: 20,
      current: null,
    });
    expect(f.reorder!.safetyStock).toBeCloseTo(0, 6);
  });

  it("answers the history without a forecast when there is too little of it", async () => {
    const w = await buildWarehouse(db);
    const f = await forecastItem(db, SYSTEM_ACTOR, { sku: w.items.plain.sku, site: w.site.code, period: "week", horizon: 4, now });
    expect(f).toMatchObject({ method: "none", forecast: [], reorder: null });
  });
});

describe("applyReorderPoint", () => {
  it("puts the suggestion in force as the site's own threshold, leaving its other thresholds and the default alone", async () => {
    const w = await steadySeller();
    const sku = w.items.plain.sku;
    await setThresholds(db, SYSTEM_ACTOR, sku, { reorderPoint: 3, max: 500 });
    await setThresholds(db, SYSTEM_ACTOR, sku, { site: w.site.code, min: 4 });
    const f = await forecastItem(db, SYSTEM_ACTOR, { sku, site: w.site.code, period: "week", horizon: 4, now });
    expect(f.reorder!.current).toBe(3); // the default's, inherited
    // Two planners apply at once with other changes going on: nothing of either is lost.
    await Promise.all([
      applyReorderPoint(db, SYSTEM_ACTOR, { sku, site: w.site.code, reorderPoint: f.reorder!.reorderPoint, safetyStock: 2.2 }),
      setThresholds(db, SYSTEM_ACTOR, sku, { site: w.site.code, reorderQuantity: 60 }),
    ]);
    const inForce = (await listThresholds(db, SYSTEM_ACTOR, sku)).data.find((s) => s.site === w.site.code);
    expect(inForce).toMatchObject({ min: 4, max: 500, reorderPoint: 20, safetyStock: 3, reorderQuantity: 60, inherited: ["max"] });
    expect((await listThresholds(db, SYSTEM_ACTOR, sku)).default.reorderPoint).toBe(3);
    expect((await forecastItem(db, SYSTEM_ACTOR, { sku, site: w.site.code, period: "week", horizon: 4, now })).reorder!.current).toBe(20);
    const row = await db.stockThreshold.findFirstOrThrow({ where: { itemId: w.items.plain.id, siteId: w.site.id } });
    expect(row.reorderPointSource).toBe("forecast");
  });
});

describe("GET /api/v1/items/{sku}/forecast", () => {
  it("answers 404 for an unknown SKU, 422 for a horizon out of range, 403 at a site the key cannot see", async () => {
    const w = await buildWarehouse(db);
    const { key } = await buildApiKey(db, "viewer", [(await buildSite(db)).code]);
    const { key: admin } = await buildApiKey(db, "admin");
    const call = (sku: string, query: string, k = admin) =>
      callRoute(forecastRoute.GET, { path: `/api/v1/items/${sku}/forecast?${query}`, key: k, params: { sku } });
    expect((await call("NO-SUCH-SKU", `site=${w.site.code}`)).status).toBe(404);
    const tooFar = await call(w.items.plain.sku, `site=${w.site.code}&period=month&horizon=99`);
    expect(tooFar.status).toBe(422);
    expect(JSON.stringify(tooFar.json)).toContain("horizon");
    expect((await call(w.items.plain.sku, `site=${w.site.code}`, key)).status).toBe(403);
    expect((await call(w.items.plain.sku, `site=${w.site.code}`)).status).toBe(200);
  });
});

describe("a planner's say over the forecast", () => {
  it("pins another contender, and unpins back to the best-scored one", async () => {
    const w = await steadySeller();
    const args = { sku: w.items.plain.sku, site: w.site.code, period: "week" as const, horizon: 4, now };
    const automatic = await forecastItem(db, SYSTEM_ACTOR, args);
    const other = automatic.holdout.find((h) => h.name !== automatic.method)!.name;
    await planForecast(db, SYSTEM_ACTOR, args.sku, { site: args.site, period: "week", pinnedMethod: other });
    expect(await forecastItem(db, SYSTEM_ACTOR, args)).toMatchObject({ method: other, pinnedMethod: other });
    await planForecast(db, SYSTEM_ACTOR, args.sku, { site: args.site, period: "week", pinnedMethod: null });
    expect(await forecastItem(db, SYSTEM_ACTOR, args)).toMatchObject({ method: automatic.method, pinnedMethod: null });
  });

  it("reads a corrected period instead of the ledger's, with its note, until the correction is removed", async () => {
    const w = await steadySeller();
    const args = { sku: w.items.plain.sku, site: w.site.code, period: "week" as const, horizon: 4, now };
    const before = await forecastItem(db, SYSTEM_ACTOR, args);
    const week = before.history[before.history.length - 1].start;
    await planForecast(db, SYSTEM_ACTOR, args.sku, { site: args.site, period: "week", override: { start: week, demand: 70, note: "trade fair" } });
    const corrected = await forecastItem(db, SYSTEM_ACTOR, args);
    expect(corrected.history[corrected.history.length - 1]).toMatchObject({ start: week, demand: 70, recorded: 10, note: "trade fair" });
    expect(corrected.forecast[0]).toBeGreaterThan(before.forecast[0]);
    await planForecast(db, SYSTEM_ACTOR, args.sku, {
      site: args.site,
      period: "week",
      override: { start: week, demand: null, note: "back to the ledger" },
    });
    expect((await forecastItem(db, SYSTEM_ACTOR, args)).history.at(-1)).toEqual({ start: week, demand: 10, stockout: false });
  });

  it("lets only managers and admins plan, and wants a reason for a correction", async () => {
    const w = await buildWarehouse(db);
    const { key: clerk } = await buildApiKey(db, "clerk", [w.site.code]);
    const { key: manager } = await buildApiKey(db, "manager");
    const put = (key: string, body: unknown) =>
      callRoute(planRoute.PUT, {
        method: "PUT",
        path: `/api/v1/items/${w.items.plain.sku}/forecast/plan`,
        key,
        body,
        params: { sku: w.items.plain.sku },
      });
    expect((await put(clerk, { site: w.site.code, pinnedMethod: "theta" })).status).toBe(403);
    const noReason = await put(manager, { site: w.site.code, override: { start: "2026-10-05", demand: 3, note: "" } });
    expect(noReason.status).toBe(422);
    expect(JSON.stringify(noReason.json)).toContain("override.note");
    expect(await db.forecastPlan.count({ where: { itemId: w.items.plain.id } })).toBe(0);
    expect((await put(manager, { site: w.site.code, pinnedMethod: "theta" })).json).toMatchObject({ pinnedMethod: "theta", overrides: [] });
  });
});
