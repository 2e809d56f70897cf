import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db } from "../db/client";
import type { IdempotencyKey } from "../db/idempotency-key";
import { requireStatus, runPurchaseOrderStep } from "./run-purchase-order-step";
import type { PurchaseOrderView } from "./schemas";

/**
 * Cancels an order nothing was received against yet: a draft, approved or sent order (purchasing.manage at its
 * site). Once goods arrived it can only be closed (close-purchase-order.ts). 409 otherwise.
 */
export async function cancelPurchaseOrder(
  db: Db,
  actor: Actor,
  id: string,
  input: { note?: string } = {},
  options: { idempotency?: IdempotencyKey | null } = {},
): Promise<PurchaseOrderView> {
  return runPurchaseOrderStep(db, actor, id, options, async (_tx, order) => {
    authorize(actor, "purchasing.manage", { siteId: order.siteId });
    requireStatus(order, ["draft", "approved", "sent"], "cancelled");
    return { status: "cancelled", step: "cancelled", note: input.note };
  });
}
