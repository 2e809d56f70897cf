import type { Actor } from "../auth/actor";
import { can } from "../auth/can";
import type { Db } from "../db/client";
import { isVisibleTo } from "./run-purchase-order-step";
import type { PurchaseOrderStatus } from "./schemas";

/** What a scanned pallet label (SSCC) is expected as: its shipping notice and the order it belongs to. */
export type Pallet = {
  sscc: string;
  purchaseOrder: { id: string; number: string; status: PurchaseOrderStatus; site: string };
  supplier: { code: string; name: string };
  lines: { sku: string; quantity: number; lot: string | null; expiresAt: string | null }[];
  /** ISO time the pallet was received, or null while it is on its way. */
  receivedAt: string | null;
  /** Whether this actor may receive it now: not received yet, the order open to receipts, stock.move at its site. */
  canReceive: boolean;
};

const RECEIVABLE: readonly PurchaseOrderStatus[] = ["sent", "partially_received", "received"];

/**
 * The pallet with this SSCC, when the actor may see its order (purchasing.view at the order's site, and the same
 * rule as every purchase-order route: its sites; a supplier's key, its own sent orders). An order the actor may
 * not see answers null, exactly like an SSCC no shipping notice carries, so a scan learns nothing of it.
 */
export async function findPallet(db: Db, actor: Actor, sscc: string): Promise<Pallet | null> {
  const notice = await db.advanceShippingNotice.findUnique({
    where: { sscc },
    select: {
      sscc: true,
      lines: true,
      receivedAt: true,
      purchaseOrder: {
        select: {
          id: true,
          number: true,
          status: true,
          siteId: true,
          supplierId: true,
          sentAt: true,
          site: { select: { code: true } },
          supplier: { select: { code: true, name: true } },
        },
      },
    },
  });
  if (!notice) return null;
  const order = notice.purchaseOrder;
  if (!can(actor, "purchasing.view", { siteId: order.siteId }) || !isVisibleTo(actor, order)) return null;
  const lines = (notice.lines as { sku: string; quantity: number; lot?: string; expiresAt?: string }[]).map((line) => ({
    sku: line.sku,
    quantity: line.quantity,
    lot: line.lot ?? null,
    expiresAt: line.expiresAt ?? null,
  }));
  return {
    sscc,
    purchaseOrder: { id: order.id, number: order.number, status: order.status, site: order.site.code },
    supplier: order.supplier,
    lines,
    receivedAt: notice.receivedAt?.toISOString() ?? null,
    canReceive: notice.receivedAt === null && RECEIVABLE.includes(order.status) && can(actor, "stock.move", { siteId: order.siteId }),
  };
}
