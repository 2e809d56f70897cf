// The reorder point kept in items' free attributes until thresholds existed moves into the item-wide default
// thresholds (prisma/migrations/…_thresholds_from_attributes_and_recompute): the migration's data step is run
// again here over items written the old way, as an installation upgrading from before would have them.
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildWarehouse } from "../../tests/factories/stock";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getDb } from "../db/client";
import { listThresholds } from "./list-thresholds";

const db = getDb();

async function dataStepOfMigration(): Promise<string> {
  const folder = join(process.cwd(), "prisma/migrations");
  const name = (await readdir(folder)).find((entry) => entry.endsWith("_thresholds_from_attributes_and_recompute"))!;
  const sql = await readFile(join(folder, name, "migration.sql"), "utf8");
  return sql.slice(sql.indexOf("-- The reorder point kept until now"));
}

describe("the reorder point's move from attributes to thresholds", () => {
  it("moves whole numbers 0 or more into the item-wide default, keeps anything else, and touches no other key", async () => {
    const w = await buildWarehouse(db);
    const { plain, lotted, serialised, milk, solvent } = w.items;
    await db.item.update({ where: { id: plain.id }, data: { attributes: { reorderPoint: 12, colour: "red" } } });
    await db.item.update({ where: { id: lotted.id }, data: { attributes: { reorderPoint: 0 } } });
    await db.item.update({ where: { id: serialised.id }, data: { attributes: { reorderPoint: "7" } } });
    await db.item.update({ where: { id: milk.id }, data: { attributes: { reorderPoint: -3 } } });
    await db.item.update({ where: { id: solvent.id }, data: { attributes: { reorderPoint: 2.5 } } });
    // An item that already has a default keeps its value; the attribute still leaves.
    await db.stockThreshold.create({ data: { itemId: lotted.id, maxQty: 40, reorderPoint: 5, updatedBy: "earlier" } });

    // One transaction (one session: the step's temporary table lives in it), a statement at a time.
    const statements = (await dataStepOfMigration())
      .split(/;\s*\n/)
      .map((s) => s.replace(/^--.*$/gm, "").trim())
      .filter(Boolean);
    expect(statements.length).toBeGreaterThanOrEqual(4);
    await db.$transaction(async (tx) => {
      for (const statement of statements) await tx.$executeRawUnsafe(statement);
    });

    const attributes = async (id: string) => (await db.item.findUniqueOrThrow({ where: { id } })).attributes;
    expect(await attributes(plain.id)).toEqual({ colour: "red" });
    expect(await attributes(lotted.id)).toEqual({});
    expect(await attributes(serialised.id)).toEqual({ reorderPoint: "7" });
    expect(await attributes(milk.id)).toEqual({ reorderPoint: -3 });
    expect(await attributes(solvent.id)).toEqual({ reorderPoint: 2.5 });
    const fallback = async (sku: string) => (await listThresholds(db, SYSTEM_ACTOR, sku)).default;
    expect(await fallback(plain.sku)).toMatchObject({ reorderPoint: 12, max: null });
    expect(await fallback(lotted.sku)).toMatchObject({ reorderPoint: 5, max: 40 });
    expect(await fallback(serialised.sku)).toMatchObject({ reorderPoint: null });
    // Every site inherits it.
    expect((await listThresholds(db, SYSTEM_ACTOR, plain.sku)).data.find((s) => s.site === w.site.code)).toMatchObject({
      reorderPoint: 12,
      inherited: ["reorderPoint"],
    });
    const row = await db.stockThreshold.findFirstOrThrow({ where: { itemId: plain.id, siteId: null } });
    expect(row).toMatchObject({ reorderPointSource: "manual", updatedBy: "migration" });
  });
});
