import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db } from "../db/client";
import type { IdempotencyKey } from "../db/idempotency-key";
import { Forbidden } from "../domain-error";
import { needsAdminApproval, purchaseApprovalLimit } from "./approval-limit";
import { requireStatus, runPurchaseOrderStep } from "./run-purchase-order-step";
import type { PurchaseOrderView } from "./schemas";

/**
 * A manager approves a draft (purchasing.manage at its site). An order worth more than the installation's approval
 * limit (approval-limit.ts, in the order's currency) needs an admin: a manager gets 403. 409 unless a draft.
 */
export async function approvePurchaseOrder(
  db: Db,
  actor: Actor,
  id: string,
  input: { note?: string } = {},
  options: { idempotency?: IdempotencyKey | null } = {},
): Promise<PurchaseOrderView> {
  return runPurchaseOrderStep(db, actor, id, options, async (tx, order) => {
    authorize(actor, "purchasing.manage", { siteId: order.siteId });
    requireStatus(order, ["draft"], "approved");
    const limit = await purchaseApprovalLimit(tx);
    if (needsAdminApproval(order.total, limit) && actor.role !== "admin")
      throw new Forbidden(
        "purchasing.manage",
        undefined,
        `Purchase order ${order.number} is worth ${order.total} ${order.currency}, above the approval limit of ${limit}: an admin must approve it`,
      );
    return { status: "approved", step: "approved", note: input.note, detail: { total: order.total, limit } };
  });
}
