import type { Db, DbTx } from "../db/client";
import { compareAmounts } from "../money/fixed-point";

/** Used when the settings row is missing (a restored database): the migration's own default. */
export const DEFAULT_PURCHASE_APPROVAL_LIMIT = "10000.0000";

/**
 * The installation's purchase approval limit (InstallationSettings.purchaseApprovalLimit, default 10,000): a
 * purchase order worth more than this, in its own currency, is approved by an admin only; up to it, by a manager.
 */
export async function purchaseApprovalLimit(db: Db | DbTx): Promise<string> {
  const row = await db.installationSettings.findUnique({ where: { id: 1 }, select: { purchaseApprovalLimit: true } });
  return row?.purchaseApprovalLimit.toFixed(4) ?? DEFAULT_PURCHASE_APPROVAL_LIMIT;
}

export function needsAdminApproval(total: string, limit: string): boolean {
  return compareAmounts(total, limit) > 0;
}
