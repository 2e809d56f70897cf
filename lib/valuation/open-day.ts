import type { DbTx } from "../db/client";
import { databaseErrorOf } from "../db/errors";
import { ValidationFailed } from "../domain-error";

/**
 * A day a value change is dated into must be open: not in a closed month, not in the future. The rule is the
 * posting function's own (stockroom_check_occurred_at, under the closing's advisory lock); here its refusal
 * becomes a 422 on the caller's field.
 */
export async function requireOpenDay(tx: DbTx, at: Date, field: string): Promise<void> {
  try {
    await tx.$executeRaw`SELECT stockroom_check_occurred_at(${at}::timestamptz::timestamp(3))`;
  } catch (error) {
    if (databaseErrorOf(error)?.code !== "SR423") throw error;
    throw new ValidationFailed([{ field, message: "That day is in a closed month or in the future" }]);
  }
}
