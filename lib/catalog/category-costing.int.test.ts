// A category's costing method, changed: its items without their own method are revalued (stockroom_revalue via
// lib/valuation/revalue-item.ts) in the same transaction; items with their own method are left alone.
import { describe, expect, it } from "vitest";
import { buildUser } from "../../tests/factories/access";
import { buildWarehouse } from "../../tests/factories/stock";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getDb } from "../db/client";
import { postMovement } from "../ledger/post-movement";
import { closePeriod } from "../valuation/close-period";
import { valuationAsOf } from "../valuation/valuation-reads";
import { addCategory, listCategories, updateCategoryCosting } from "./manage-categories";

const db = getDb();
const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString().slice(0, 10);

/** An item of a new average-cost category with 15 units worth 45.00 (10 at 2.00, 10 at 4.00, 5 sold at 3.00). */
async function averagedItem(standardCost: string | null) {
  const warehouse = await buildWarehouse(db);
  const path = `Costed > ${warehouse.site.code}`;
  await addCategory(db, SYSTEM_ACTOR, { path, costingMethod: "average" });
  const category = await db.category.findUniqueOrThrow({ where: { path } });
  const item = await db.item.update({ where: { id: warehouse.items.plain.id }, data: { categoryId: category.id, standardCost } });
  const own = await db.item.update({ where: { id: warehouse.items.solvent.id }, data: { categoryId: category.id, costingMethod: "fifo" } });
  const bin = warehouse.bins.a1.code;
  const receive = (sku: string, unitCost: string, to = bin) =>
    postMovement(db, SYSTEM_ACTOR, { kind: "receive", sku, quantity: 10, to, unitCost, reason: "received", occurredAt: daysAgo(5) });
  await receive(item.sku, "2.00");
  await receive(item.sku, "4.00");
  await postMovement(db, SYSTEM_ACTOR, { kind: "issue", sku: item.sku, quantity: 5, from: bin, reason: "sold", occurredAt: daysAgo(4) });
  await receive(own.sku, "1.00", warehouse.bins.cage.code);
  const value = async (sku: string) => (await valuationAsOf(db, SYSTEM_ACTOR, { site: warehouse.site.code, sku })).total;
  return { warehouse, path, item, own, value };
}

describe("a category's costing method", () => {
  it("revalues its items without their own method: average → standard at their standard cost, from the day given", async () => {
    const { path, item, own, value } = await averagedItem("2.5000");
    expect(await value(item.sku)).toBe("45.0000");

    const manager = await buildUser(db, "manager");
    const updated = await updateCategoryCosting(db, manager.actor, path, { costingMethod: "standard", costingFrom: daysAgo(2) });
    expect(updated).toMatchObject({ path, costingMethod: "standard" });

    // 15 units at 2.50 = 37.50: a revaluation of −7.50, dated the day the change took effect.
    const revaluations = await db.costRevaluation.findMany({ where: { itemId: item.id } });
    expect(revaluations).toHaveLength(1);
    expect(revaluations[0]).toMatchObject({ fromMethod: "average", toMethod: "standard" });
    expect(revaluations[0].amount.toFixed(4)).toBe("-7.5000");
    expect(revaluations[0].occurredAt.toISOString().slice(0, 10)).toBe(daysAgo(2));
    expect(await value(item.sku)).toBe("37.5000");
    expect((await valuationAsOf(db, SYSTEM_ACTOR, { sku: item.sku, asOf: daysAgo(3) })).total).toBe("45.0000");
    // The item with its own method keeps it, unrevalued.
    expect(await db.costRevaluation.count({ where: { itemId: own.id } })).toBe(0);
    expect(await db.costState.findFirstOrThrow({ where: { itemId: own.id } })).toMatchObject({ method: "fifo" });

    // Back to the installation's FIFO: the layers keep their standard values, so nothing changes in value.
    await updateCategoryCosting(db, manager.actor, path, { costingMethod: null });
    expect(await db.costState.findFirstOrThrow({ where: { itemId: item.id } })).toMatchObject({ method: "fifo" });
    expect(await value(item.sku)).toBe("37.5000");
    expect((await listCategories(db, manager.actor)).find((c) => c.path === path)?.costingMethod).toBeNull();
    expect(await db.auditEntry.count({ where: { action: "category.update" } })).toBeGreaterThanOrEqual(2);
  });

  it("refuses a day in a closed month beside costingFrom and changes nothing; refuses a viewer and an unknown path", async () => {
    const { path, item } = await averagedItem("2.5000");
    const closed = new Date(Date.now() - 70 * DAY).toISOString().slice(0, 7);
    await closePeriod(db, SYSTEM_ACTOR, closed);
    await expect(updateCategoryCosting(db, SYSTEM_ACTOR, path, { costingMethod: "standard", costingFrom: `${closed}-15` })).rejects.toMatchObject({
      issues: [{ field: "costingFrom" }],
    });
    expect(await db.category.findUniqueOrThrow({ where: { path } })).toMatchObject({ costingMethod: "average" });
    expect(await db.costRevaluation.count({ where: { itemId: item.id } })).toBe(0);

    const viewer = await buildUser(db, "viewer");
    await expect(updateCategoryCosting(db, viewer.actor, path, { costingMethod: "fifo" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(updateCategoryCosting(db, SYSTEM_ACTOR, "No > Such", { costingMethod: "fifo" })).rejects.toMatchObject({ code: "not_found" });
  });
});
