// The installation's costing method and currency: a new method revalues the items that inherit it (neither their
// own nor their category's method), in the same transaction; the others are left alone.
import { describe, expect, it } from "vitest";
import { buildUser } from "../../tests/factories/access";
import { buildWarehouse } from "../../tests/factories/stock";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getDb } from "../db/client";
import { postMovement } from "../ledger/post-movement";
import { valuationAsOf } from "../valuation/valuation-reads";
import { getInstallationSettings, updateInstallationSettings } from "./installation-settings";

const db = getDb();
const today = () => new Date().toISOString().slice(0, 10);

describe("the installation's costing method and currency", () => {
  it("revalues the items that inherit it, FIFO → average and average → standard, and not the others", async () => {
    const warehouse = await buildWarehouse(db);
    const { plain, solvent, milk } = warehouse.items;
    const category = await db.category.create({ data: { name: "Own method", path: `Own method ${warehouse.site.code}`, costingMethod: "fifo" } });
    await db.item.update({ where: { id: solvent.id }, data: { categoryId: category.id } }); // its category's FIFO
    await db.item.update({ where: { id: plain.id }, data: { standardCost: "3.0000" } }); // inherits, standard cost ready
    const receive = (sku: string, to: string, quantity: number, unitCost: string) =>
      postMovement(db, SYSTEM_ACTOR, { kind: "receive", sku, quantity, to, unitCost, reason: "received" });
    await receive(plain.sku, warehouse.bins.a1.code, 10, "2.00");
    await receive(plain.sku, warehouse.bins.a1.code, 10, "5.00");
    await postMovement(db, SYSTEM_ACTOR, { kind: "issue", sku: plain.sku, quantity: 8, from: warehouse.bins.a1.code, reason: "sold" });
    await receive(solvent.sku, warehouse.bins.cage.code, 4, "1.50");
    await receive(solvent.sku, warehouse.bins.cage.code, 4, "2.50");
    const value = async (sku: string) => (await valuationAsOf(db, SYSTEM_ACTOR, { sku })).total;
    // FIFO: the 8 sold were the 2.00s, leaving 2 × 2.00 + 10 × 5.00.
    expect(await value(plain.sku)).toBe("54.0000");

    const admin = await buildUser(db, "admin");
    const averaged = await updateInstallationSettings(db, admin.actor, { costingMethod: "average", currency: "sek" });
    expect(averaged).toMatchObject({ costingMethod: "average", currency: "SEK" });
    // Pooled: 54.00 over 12 units, no change in value, but a revaluation entry recording the change of method.
    const first = await db.costRevaluation.findMany({ where: { itemId: plain.id } });
    expect(first.map((r) => [r.fromMethod, r.toMethod, r.amount.toFixed(4)])).toEqual([["fifo", "average", "0.0000"]]);
    expect(await value(plain.sku)).toBe("54.0000");

    await updateInstallationSettings(db, admin.actor, { costingMethod: "standard", costingFrom: today() });
    // 12 units at the standard 3.00 = 36.00: a revaluation of −18.00.
    const second = await db.costRevaluation.findFirstOrThrow({ where: { itemId: plain.id, toMethod: "standard" } });
    expect(second.amount.toFixed(4)).toBe("-18.0000");
    expect(await value(plain.sku)).toBe("36.0000");
    expect((await valuationAsOf(db, SYSTEM_ACTOR, { sku: plain.sku })).currency).toBe("SEK");

    // Its category's FIFO stands for the solvent; the milk has no stock, so nothing to revalue.
    expect(await db.costRevaluation.count({ where: { itemId: { in: [solvent.id, milk.id] } } })).toBe(0);
    expect(await value(solvent.sku)).toBe("16.0000");
    expect(await getInstallationSettings(db, admin.actor)).toMatchObject({ costingMethod: "standard", currency: "SEK" });
  });

  it("refuses a manager, and a currency that is not a three-letter code", async () => {
    const manager = await buildUser(db, "manager");
    await expect(updateInstallationSettings(db, manager.actor, { costingMethod: "fifo" })).rejects.toMatchObject({ code: "forbidden" });
    const admin = await buildUser(db, "admin");
    await expect(updateInstallationSettings(db, admin.actor, { currency: "EURO" })).rejects.toThrow();
  });
});
