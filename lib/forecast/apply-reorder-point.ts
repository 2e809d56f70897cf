import type { Actor } from "../auth/actor";
import type { Db, DbTx } from "../db/client";
import { ValidationFailed } from "../domain-error";
import { setThresholds } from "../thresholds/set-thresholds";
import type { ThresholdsInForce } from "../thresholds/schemas";

export type ReorderPointToApply = { sku: string; site: string; reorderPoint: number; safetyStock?: number };

/**
 * Puts the forecast's reorder point (and its safety stock, rounded up to whole units) in force at the site: a
 * planner's "apply" beside the suggestion, and the weekly recompute. Written as the site's own thresholds through
 * setThresholds, one conditional upsert, so it cannot undo a concurrent change to the item or to the site's other
 * thresholds; marked as the forecast's, which the recompute may replace.
 */
export async function applyReorderPoint(db: Db | DbTx, actor: Actor, input: ReorderPointToApply): Promise<ThresholdsInForce> {
  if (!Number.isInteger(input.reorderPoint) || input.reorderPoint < 0) {
    throw new ValidationFailed([{ field: "reorderPoint", message: "Enter a whole number, 0 or more" }]);
  }
  const safetyStock = input.safetyStock === undefined || !Number.isFinite(input.safetyStock) ? undefined : Math.max(0, Math.ceil(input.safetyStock));
  return setThresholds(db, actor, input.sku, { site: input.site, reorderPoint: input.reorderPoint, safetyStock }, { source: "forecast" });
}
