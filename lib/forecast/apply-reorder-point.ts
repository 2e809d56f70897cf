import type { Actor } from "../auth/actor";
import { getItem } from "../catalog/get-item";
import { updateItem } from "../catalog/update-item";
import type { Db } from "../db/client";
import { ValidationFailed } from "../domain-error";

/**
 * Puts a reorder point in force for the item (a planner's "apply" beside the suggestion). Kept in the item's
 * `reorderPoint` attribute, which the items table's low-stock flag reads, until per-site thresholds exist.
 */
export async function applyReorderPoint(db: Db, actor: Actor, sku: string, reorderPoint: number) {
  if (!Number.isInteger(reorderPoint) || reorderPoint < 0) {
    throw new ValidationFailed([{ field: "reorderPoint", message: "Enter a whole number, 0 or more" }]);
  }
  const item = await getItem(db, actor, sku);
  return updateItem(db, actor, item.sku, { attributes: { ...item.attributes, reorderPoint } });
}
