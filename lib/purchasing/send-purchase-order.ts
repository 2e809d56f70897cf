import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db } from "../db/client";
import type { IdempotencyKey } from "../db/idempotency-key";
import { requireStatus, runPurchaseOrderStep } from "./run-purchase-order-step";
import type { PurchaseOrderView } from "./schemas";

/**
 * Marks an approved order as sent to the supplier (purchasing.manage at its site). Stockroom does not deliver it
 * itself yet (no e-mail): the buyer sends the order's PDF, CSV or JSON (GET /api/v1/purchase-orders/{id}/order.pdf,
 * …/order.csv, …/{id}); the supplier's key sees it from now on, and `purchaseOrder.sent` reaches webhooks. 409
 * unless approved.
 */
export async function sendPurchaseOrder(
  db: Db,
  actor: Actor,
  id: string,
  input: { note?: string } = {},
  options: { idempotency?: IdempotencyKey | null } = {},
): Promise<PurchaseOrderView> {
  return runPurchaseOrderStep(db, actor, id, options, async (_tx, order) => {
    authorize(actor, "purchasing.manage", { siteId: order.siteId });
    requireStatus(order, ["approved"], "sent");
    return { status: "sent", step: "sent", note: input.note };
  });
}
