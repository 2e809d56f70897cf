// Two warehouses for the valuation reports' hand-worked tests: at the first, the plain item valued FIFO in the
// category "Tools > Drills" and the solvent valued at the moving average; a `post` that takes any movement input.
import { buildWarehouse } from "./stock";
import { SYSTEM_ACTOR } from "../../lib/auth/actor";
import { ensureCategory } from "../../lib/catalog/ensure-category";
import type { Db, DbTx } from "../../lib/db/client";
import { postMovement } from "../../lib/ledger/post-movement";

export async function buildValuedWarehouses(db: Db) {
  const w = await buildWarehouse(db);
  const other = await buildWarehouse(db);
  const { plain, solvent } = w.items;
  await db.item.update({
    where: { id: plain.id },
    data: { costingMethod: "fifo", categoryId: await ensureCategory(db as unknown as DbTx, "Tools > Drills") },
  });
  await db.item.update({ where: { id: solvent.id }, data: { costingMethod: "average" } });
  const post = (input: Record<string, unknown>) => postMovement(db, SYSTEM_ACTOR, input as Parameters<typeof postMovement>[2]);
  return { w, other, plain, solvent, post };
}
