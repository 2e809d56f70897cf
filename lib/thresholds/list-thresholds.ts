import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db } from "../db/client";
import { NotFound } from "../domain-error";
import { readDefaultThresholds, readSiteThresholds } from "./read-thresholds";
import type { ItemThresholds } from "./schemas";

/**
 * An item's thresholds: the item-wide default, and per site the actor may view the values in force with which
 * fields are the site's own. Anyone who may view stock somewhere reads them (as they read the item).
 */
export async function listThresholds(db: Db, actor: Actor, sku: string): Promise<ItemThresholds> {
  authorize(actor, "stock.view");
  const item = await db.item.findUnique({ where: { skuKey: sku.trim().toLowerCase() }, select: { id: true, sku: true } });
  if (!item) throw new NotFound("Item", sku);
  const [fallback, data] = await Promise.all([readDefaultThresholds(db, item), readSiteThresholds(db, item, actor.sites)]);
  return { sku: item.sku, default: fallback, data };
}
