import type { DbTx } from "../db/client";
import { ValidationFailed } from "../domain-error";
import { databaseErrorOf } from "../db/errors";

/**
 * After a change that may give an item another costing method or standard cost (its own, or through a new
 * category), its stock at every site takes it from `from` (a day; now when left out), with a revaluation entry
 * for whatever that changes in value (lib/valuation/valuation-function.sql, stockroom_revalue). Nothing happens
 * when the method and standard cost stay what they were. In the caller's transaction.
 */
export async function revalueItem(tx: DbTx, itemId: string, from?: string): Promise<void> {
  const at = from ? new Date(`${from}T00:00:00Z`) : new Date();
  try {
    if (from) await tx.$executeRaw`SELECT stockroom_check_occurred_at(${at}::timestamptz::timestamp(3))`;
    await tx.$executeRaw`SELECT stockroom_revalue(${itemId}::uuid, ${at}::timestamptz::timestamp(3), ${"New costing method or standard cost"})`;
  } catch (error) {
    if (databaseErrorOf(error)?.code !== "SR423") throw error;
    throw new ValidationFailed([{ field: "costingFrom", message: "That day is in a closed month or in the future" }]);
  }
}
