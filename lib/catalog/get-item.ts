import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db } from "../db/client";
import { NotFound } from "../domain-error";
import { findItemView } from "./item-view";
import type { ItemView } from "./schemas";

/** One item by SKU in any case, archived or not. */
export async function getItem(db: Db, actor: Actor, sku: string): Promise<ItemView> {
  authorize(actor, "stock.view");
  const view = await findItemView(db, { skuKey: sku.trim().toLowerCase() });
  if (!view) throw new NotFound("Item", sku);
  return view;
}
