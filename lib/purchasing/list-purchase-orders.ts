import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db } from "../db/client";
import { summaryInclude, toSummary, visiblePurchaseOrders } from "./purchase-order-view";
import { purchaseOrderQuery, type PurchaseOrderQuery, type PurchaseOrderSummary } from "./schemas";

const LIMIT = 500;

/**
 * Purchase orders the actor may see (its sites; a supplier's key, its own sent orders), newest first, filtered in
 * SQL by status, supplier, site, or the SSCC of one of its shipping notices (one scan of a pallet finds its order).
 */
export async function listPurchaseOrders(db: Db, actor: Actor, query: PurchaseOrderQuery = {}): Promise<PurchaseOrderSummary[]> {
  authorize(actor, "purchasing.view");
  const q = purchaseOrderQuery.parse(query);
  const rows = await db.purchaseOrder.findMany({
    where: {
      AND: [
        visiblePurchaseOrders(actor),
        q.status ? { status: q.status } : {},
        q.supplier ? { supplier: { code: q.supplier } } : {},
        q.site ? { site: { code: q.site } } : {},
        q.sscc ? { shipments: { some: { sscc: q.sscc } } } : {},
      ],
    },
    include: summaryInclude,
    orderBy: { createdAt: "desc" },
    take: LIMIT,
  });
  return rows.map(toSummary);
}
