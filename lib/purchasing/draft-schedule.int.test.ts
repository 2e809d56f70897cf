import { describe, expect, it } from "vitest";
import { buildApiKey } from "../../tests/factories/access";
import { buildPurchasing, buildSupplier } from "../../tests/factories/purchasing";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getDb } from "../db/client";
import { Forbidden } from "../domain-error";
import { setThresholds } from "../thresholds/set-thresholds";
import { draftScheduledPurchaseOrders, getDraftSchedule, setDraftSchedule } from "./draft-schedule";

const db = getDb();
const noon = (day: string) => new Date(`${day}T12:00:00Z`);

/** A site whose plain item (none in stock) is at its reorder point: the supplier's suggestion is one line. */
async function siteWithSuggestion() {
  const w = await buildPurchasing(db);
  await setThresholds(db, SYSTEM_ACTOR, w.items.plain.sku, { site: w.site.code, reorderPoint: 5 });
  return w;
}

const draftsOf = (siteId: string) =>
  db.purchaseOrder.findMany({ where: { siteId }, include: { lines: true, history: true }, orderBy: { createdAt: "asc" } });

describe("the purchase drafting schedule", () => {
  it("drafts a site's suggestions once per day however many processes run it at once, and nothing while off", async () => {
    const w = await siteWithSuggestion();
    expect(await draftScheduledPurchaseOrders(db, noon("2026-12-04"))).toEqual([]); // off by default
    expect(await draftsOf(w.site.id)).toHaveLength(0);

    await setDraftSchedule(db, SYSTEM_ACTOR, { site: w.site.code, schedule: "daily" });
    const runs = await Promise.all([1, 2, 3, 4].map(() => draftScheduledPurchaseOrders(db, noon("2026-12-04"))));
    expect(runs.flat().filter((r) => r.site === w.site.code)).toHaveLength(1);
    const drafts = await draftsOf(w.site.id);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ status: "draft", supplierId: w.supplier.id, createdByLabel: "purchase schedule" });
    expect(drafts[0].lines).toEqual([expect.objectContaining({ itemId: w.items.plain.id, quantity: 12 })]); // 5 + 1 → a case of 12
    expect(drafts[0].history).toEqual([expect.objectContaining({ step: "created", actorLabel: "purchase schedule" })]);

    // Later the same day: already run. The next day: the draft counts as on order, so nothing more is drafted.
    expect(await draftScheduledPurchaseOrders(db, new Date("2026-12-04T18:00:00Z"))).toEqual([]);
    const nextDay = await draftScheduledPurchaseOrders(db, noon("2026-12-05"));
    expect(nextDay.filter((r) => r.site === w.site.code)).toEqual([{ site: w.site.code, period: "2026-12-05", orders: [] }]);
    expect(await draftsOf(w.site.id)).toHaveLength(1);
    expect(await getDraftSchedule(db, SYSTEM_ACTOR, w.site.code)).toMatchObject({
      schedule: "daily",
      lastRun: { period: "2026-12-05", orders: [], skipped: [] },
    });
  });

  it("records a supplier whose suggestion cannot become an order and drafts the others", async () => {
    const w = await siteWithSuggestion();
    // The lotted item's only supplier has no price for it: its suggestion is skipped with the reason.
    const unpriced = await buildSupplier(db);
    await db.itemSupplier.deleteMany({ where: { itemId: w.items.lotted.id } });
    await db.itemSupplier.create({ data: { itemId: w.items.lotted.id, supplierId: unpriced.id, preferred: true } });
    await setThresholds(db, SYSTEM_ACTOR, w.items.lotted.sku, { site: w.site.code, reorderPoint: 2 });
    await setDraftSchedule(db, SYSTEM_ACTOR, { site: w.site.code, schedule: "weekly" });

    const [run] = (await draftScheduledPurchaseOrders(db, noon("2026-12-02"))).filter((r) => r.site === w.site.code);
    expect(run).toMatchObject({ period: "2026-W49", orders: [expect.stringMatching(/^PO-/)] });
    const view = await getDraftSchedule(db, SYSTEM_ACTOR, w.site.code);
    expect(view.lastRun?.skipped).toEqual([{ supplier: unpriced.code, reason: expect.stringContaining(`has no price for ${w.items.lotted.sku}`) }]);
    expect(await draftsOf(w.site.id)).toHaveLength(1);
  });

  it("is set by a manager of the site only", async () => {
    const w = await siteWithSuggestion();
    const other = await buildPurchasing(db);
    const clerk = await buildApiKey(db, "clerk", [w.site.code]);
    const elsewhere = await buildApiKey(db, "manager", [other.site.code]);
    await expect(setDraftSchedule(db, clerk.actor, { site: w.site.code, schedule: "daily" })).rejects.toBeInstanceOf(Forbidden);
    await expect(setDraftSchedule(db, elsewhere.actor, { site: w.site.code, schedule: "daily" })).rejects.toBeInstanceOf(Forbidden);
    expect((await getDraftSchedule(db, SYSTEM_ACTOR, w.site.code)).schedule).toBe("off");
    const manager = await buildApiKey(db, "manager", [w.site.code]);
    expect(await setDraftSchedule(db, manager.actor, { site: w.site.code, schedule: "weekly" })).toMatchObject({ schedule: "weekly", lastRun: null });
  });
});
