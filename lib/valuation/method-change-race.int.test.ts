import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWarehouse } from "../../tests/factories/stock";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getDb } from "../db/client";
import { postMovement } from "../ledger/post-movement";

const db = getDb();
const changer = new pg.Client({ connectionString: process.env.DATABASE_URL });
beforeAll(() => changer.connect());
afterAll(() => changer.end());

/**
 * A change of costing method revalues the cost states that exist when it runs. A posting that makes an item's
 * first cost state at a site while the change is under way must wait for it and take the new method: otherwise
 * the state would keep the old method after both commit, and nothing would ever revalue it.
 */
describe("a first cost state made while a costing method changes", () => {
  it("waits for the category's change and takes its new method", async () => {
    const warehouse = await buildWarehouse(db);
    const item = warehouse.items.plain;
    const category = await db.category.create({
      data: { name: `Race ${warehouse.site.code}`, path: `Race ${warehouse.site.code}`, costingMethod: "fifo" },
    });
    await db.item.update({ where: { id: item.id }, data: { categoryId: category.id } });
    // The change holds the category's row from its update to its commit, as updateCategoryCosting does.
    await receiveDuring(`UPDATE "Category" SET "costingMethod" = 'average' WHERE id = '${category.id}'`, warehouse);
    const state = await db.costState.findFirstOrThrow({ where: { itemId: item.id, siteId: warehouse.site.id } });
    expect(state).toMatchObject({ method: "average" });
    expect(state.value.toFixed(4)).toBe("6.0000");
  });

  it("waits for the installation's change and takes its new method", async () => {
    const warehouse = await buildWarehouse(db);
    const item = warehouse.items.plain; // no method of its own, no category: the installation's
    await receiveDuring(`UPDATE "InstallationSettings" SET "costingMethod" = 'average' WHERE id = 1`, warehouse);
    const state = await db.costState.findFirstOrThrow({ where: { itemId: item.id, siteId: warehouse.site.id } });
    expect(state).toMatchObject({ method: "average" });
  });
});

/**
 * Runs `change` in an open transaction, posts a receipt of the warehouse's plain item (its first at the site),
 * checks that the receipt waits on a lock until the change commits, then commits and lets it finish.
 */
async function receiveDuring(change: string, warehouse: Awaited<ReturnType<typeof buildWarehouse>>) {
  const item = warehouse.items.plain;
  expect(await db.costState.count({ where: { itemId: item.id } })).toBe(0);
  await changer.query("BEGIN");
  await changer.query(change);
  let posted = false;
  const receipt = postMovement(db, SYSTEM_ACTOR, {
    kind: "receive",
    sku: item.sku,
    quantity: 3,
    to: warehouse.bins.a1.code,
    unitCost: "2.00",
    reason: "received",
  }).then((result) => ((posted = true), result));
  await expect.poll(() => someoneWaitsOnALock(), { timeout: 10_000 }).toBe(true);
  expect(posted).toBe(false);
  await changer.query("COMMIT");
  await receipt;
}

/** Whether another backend of this test's database waits for a lock (the change's transaction is open). */
async function someoneWaitsOnALock(): Promise<boolean> {
  const { rows } = await changer.query(
    `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
  );
  return rows[0].n > 0;
}
