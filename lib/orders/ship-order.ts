import type { z } from "zod";
import type { Actor } from "../auth/actor";
import type { Db } from "../db/client";
import type { IdempotencyKey } from "../db/idempotency-key";
import { issueHeld } from "../reservations/issue-held";
import { OrderStepRefused } from "./errors";
import { findOrderView } from "./order-view";
import { orderStep } from "./order-step";
import { shipOrderInput, type OrderView } from "./schemas";
import { allocationStatusOf, moveOrderTo } from "./settle-status";

/**
 * Ships an order whose every unit is held: the units leave for the customer from where they are held (staging
 * once picked, else their bins) as issue movements carrying the order number, the reservations are fulfilled,
 * and the carrier and tracking number are kept. Refused (409) while something is backordered or a pick list is
 * open, and for an order already shipped or cancelled.
 */
export async function shipOrder(
  db: Db,
  actor: Actor,
  id: string,
  input: z.input<typeof shipOrderInput>,
  options: { idempotency?: IdempotencyKey | null } = {},
): Promise<OrderView> {
  const data = shipOrderInput.parse(input);
  return orderStep(
    db,
    actor,
    id,
    { name: "shipped", allowed: ["allocated", "picked", "packed"], idempotency: options.idempotency },
    async (tx, order) => {
      if ((await allocationStatusOf(tx, id)) !== "allocated")
        throw new OrderStepRefused(order.number, order.status, "shipped", `Order ${order.number} still waits for stock`);
      const reservations = await tx.reservation.findMany({
        where: { orderLine: { orderId: id }, status: "active" },
        orderBy: { id: "asc" },
        select: { id: true, held: true, orderLineId: true, item: { select: { sku: true } } },
      });
      for (const reservation of reservations) {
        const serials = data.serials?.find((s) => s.sku.toLowerCase() === reservation.item.sku.toLowerCase())?.serials;
        await issueHeld(tx, actor, reservation.id, { serials, reference: order.number, action: "order.ship" });
        await tx.salesOrderLine.update({ where: { id: reservation.orderLineId! }, data: { shipped: { increment: reservation.held } } });
      }
      await tx.salesOrder.update({ where: { id }, data: { carrier: data.carrier, trackingNumber: data.trackingNumber, shippedAt: new Date() } });
      await moveOrderTo(tx, actor, id, "shipped", `${data.carrier} ${data.trackingNumber}`);
      return (await findOrderView(tx, id))!;
    },
  );
}
