import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db } from "../db/client";
import type { IdempotencyKey } from "../db/idempotency-key";
import { requireStatus, runPurchaseOrderStep } from "./run-purchase-order-step";
import type { PurchaseOrderView } from "./schemas";

/**
 * Closes a sent, partly or fully received order (purchasing.manage at its site): what is still outstanding will
 * not be delivered (the backorder is dropped) and no more receipts are taken. The history keeps what was short.
 * 409 from any other status.
 */
export async function closePurchaseOrder(
  db: Db,
  actor: Actor,
  id: string,
  input: { note?: string } = {},
  options: { idempotency?: IdempotencyKey | null } = {},
): Promise<PurchaseOrderView> {
  return runPurchaseOrderStep(db, actor, id, options, async (tx, order) => {
    authorize(actor, "purchasing.manage", { siteId: order.siteId });
    requireStatus(order, ["sent", "partially_received", "received"], "closed");
    const lines = await tx.purchaseOrderLine.findMany({
      where: { purchaseOrderId: order.id },
      select: { quantity: true, received: true, item: { select: { sku: true } } },
      orderBy: { lineNo: "asc" },
    });
    const short = lines.filter((l) => l.received < l.quantity).map((l) => ({ sku: l.item.sku, short: l.quantity - l.received }));
    return { status: "closed", step: "closed", note: input.note, detail: { short } };
  });
}
