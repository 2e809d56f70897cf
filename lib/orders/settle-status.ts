import type { Actor } from "../auth/actor";
import type { DbTx } from "../db/client";
import type { OrderStatus } from "../db/generated/client";
import { enqueueEvent } from "../outbox/enqueue-event";
import { recordAudit } from "../audit/record-audit";
import { findOrderView, lockOrder } from "./order-view";

/**
 * Moves a locked order to `status` when it is not there yet: history row, audit entry and `order.<status>`
 * event, in the caller's transaction. Answers whether it changed.
 */
export async function moveOrderTo(tx: DbTx, actor: Actor, orderId: string, status: OrderStatus, note?: string): Promise<boolean> {
  const order = await tx.salesOrder.findUniqueOrThrow({ where: { id: orderId }, select: { status: true, siteId: true, number: true } });
  if (order.status === status) return false;
  await tx.salesOrder.update({ where: { id: orderId }, data: { status } });
  await tx.orderHistory.create({ data: { orderId, status, actorLabel: actor.label, note } });
  const view = (await findOrderView(tx, orderId))!;
  await recordAudit(tx, actor, {
    action: `order.${status}`,
    entityType: "order",
    entityId: orderId,
    siteId: order.siteId,
    after: { number: order.number, status, note },
  });
  await enqueueEvent(tx, { type: `order.${status}`, siteId: order.siteId, aggregateId: orderId, payload: view });
  return true;
}

/** Whether every unit of a (locked) order is held or shipped: allocated, else backordered. */
export async function allocationStatusOf(tx: DbTx, orderId: string): Promise<"allocated" | "backordered"> {
  const [short] = await tx.$queryRaw<{ short: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM "SalesOrderLine" l
      WHERE l."orderId" = ${orderId}::uuid
        AND l.quantity - l.shipped > COALESCE((SELECT SUM(r.held) FROM "Reservation" r WHERE r."orderLineId" = l.id AND r.status = 'active'), 0)
    ) AS short`;
  return short.short ? "backordered" : "allocated";
}

/** Orders of these lines that were fully allocated and no longer are go back to waiting for stock. */
export async function reassessOrders(tx: DbTx, actor: Actor, orderLineIds: string[]) {
  const orders = await tx.salesOrder.findMany({
    where: { lines: { some: { id: { in: orderLineIds } } }, status: "allocated" },
    select: { id: true },
  });
  for (const order of orders) {
    const locked = await lockOrder(tx, order.id);
    if (locked?.status === "allocated" && (await allocationStatusOf(tx, order.id)) === "backordered")
      await moveOrderTo(tx, actor, order.id, "backordered", "stock counted short");
  }
}
