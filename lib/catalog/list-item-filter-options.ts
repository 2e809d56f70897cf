import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db } from "../db/client";

export type ItemFilterOptions = { categories: string[]; suppliers: { code: string; name: string }[] };

/** What the items screen offers to filter by: every category path and every active supplier. */
export async function listItemFilterOptions(db: Db, actor: Actor): Promise<ItemFilterOptions> {
  authorize(actor, "stock.view");
  const [categories, suppliers] = await Promise.all([
    db.category.findMany({ select: { path: true }, orderBy: { path: "asc" } }),
    db.supplier.findMany({ where: { active: true }, select: { code: true, name: true }, orderBy: { code: "asc" } }),
  ]);
  return { categories: categories.map((c) => c.path), suppliers };
}
