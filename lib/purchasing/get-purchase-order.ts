import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db } from "../db/client";
import { isUuid } from "../db/is-uuid";
import { NotFound } from "../domain-error";
import { asSeenBy, findPurchaseOrderView } from "./purchase-order-view";
import { isVisibleTo } from "./run-purchase-order-step";
import type { PurchaseOrderView } from "./schemas";

/**
 * One purchase order with its lines, history and shipping notices; 404 when the actor may not see it (another
 * site's, or for a supplier's key another supplier's or one not sent yet), so nothing is learnt from the answer.
 * A supplier sees the buyer's steps without who took them.
 */
export async function getPurchaseOrder(db: Db, actor: Actor, id: string): Promise<PurchaseOrderView> {
  authorize(actor, "purchasing.view");
  if (!isUuid(id)) throw new NotFound("Purchase order", id);
  const order = await db.purchaseOrder.findUnique({ where: { id }, select: { siteId: true, supplierId: true, sentAt: true } });
  if (!order || !isVisibleTo(actor, order)) throw new NotFound("Purchase order", id);
  return asSeenBy(actor, (await findPurchaseOrderView(db, id))!);
}
