import { describe, expect, it } from "vitest";
import { buildWarehouse } from "../../tests/factories/stock";
import { SYSTEM_ACTOR, type Actor } from "../auth/actor";
import { getDb } from "../db/client";
import { postMovement } from "../ledger/post-movement";
import { itemCosting } from "./item-costing";

const db = getDb();
const manager = (sites: Actor["sites"]): Actor => ({ type: "user", id: "m", label: "manager", role: "manager", sites });

describe("itemCosting", () => {
  it("tells the method in force, where it comes from, and the value per site the actor sees", async () => {
    const warehouse = await buildWarehouse(db);
    const other = await buildWarehouse(db);
    const item = warehouse.items.plain;
    const category = await db.category.create({
      data: { name: `Costed ${warehouse.site.code}`, path: `Costed ${warehouse.site.code}`, costingMethod: "average" },
    });
    await db.item.update({ where: { id: item.id }, data: { categoryId: category.id } });
    await postMovement(db, SYSTEM_ACTOR, {
      kind: "receive",
      sku: item.sku,
      quantity: 4,
      to: warehouse.bins.a1.code,
      unitCost: "2.50",
      reason: "received",
    });
    await postMovement(db, SYSTEM_ACTOR, {
      kind: "receive",
      sku: item.sku,
      quantity: 2,
      to: other.bins.a1.code,
      unitCost: "3.10",
      reason: "received",
    });

    const all = await itemCosting(db, SYSTEM_ACTOR, item.sku);
    expect(all).toMatchObject({ method: "average", source: "category", standardCost: null });
    expect(all.sites.map((s) => [s.site, s.quantity, s.value]).sort()).toEqual(
      [
        [warehouse.site.code, 4, "10.0000"],
        [other.site.code, 2, "6.2000"],
      ].sort(),
    );
    // A manager of one site sees that site's value only.
    const scoped = await itemCosting(db, manager([warehouse.site.id]), item.sku);
    expect(scoped.sites.map((s) => s.site)).toEqual([warehouse.site.code]);

    await db.item.update({ where: { id: item.id }, data: { costingMethod: "standard", standardCost: "2.7500" } });
    expect(await itemCosting(db, SYSTEM_ACTOR, item.sku)).toMatchObject({ method: "standard", source: "item", standardCost: "2.7500" });
  });

  it("refuses a clerk, who may see stock but not what it is worth", async () => {
    const warehouse = await buildWarehouse(db);
    const clerk: Actor = { type: "user", id: "c", label: "clerk", role: "clerk", sites: [warehouse.site.id] };
    await expect(itemCosting(db, clerk, warehouse.items.plain.sku)).rejects.toThrow();
  });
});
