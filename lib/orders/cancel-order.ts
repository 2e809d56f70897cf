import type { Actor } from "../auth/actor";
import type { Db, DbTx } from "../db/client";
import type { IdempotencyKey } from "../db/idempotency-key";
import { endReservation } from "../reservations/end-reservation";
import { findOrderView } from "./order-view";
import { orderStep } from "./order-step";
import { cancelAnswer } from "./schemas";
import type { z } from "zod";
import { moveOrderTo } from "./settle-status";

type Cancellation = z.infer<typeof cancelAnswer>;

/**
 * Cancels an order at any step before it ships: every unit it holds is released (in bins or in staging), its open
 * pick lists are cancelled, and the answer lists the picked units waiting in staging that someone must take back
 * to a bin (they are available again only once they are back in storage).
 */
export async function cancelOrder(
  db: Db,
  actor: Actor,
  id: string,
  options: { idempotency?: IdempotencyKey | null; note?: string } = {},
): Promise<Cancellation> {
  return orderStep(
    db,
    actor,
    id,
    { name: "cancelled", allowed: ["backordered", "allocated", "picking", "picked", "packed"], idempotency: options.idempotency },
    async (tx) => {
      const reservations = await tx.reservation.findMany({
        where: { orderLine: { orderId: id }, status: "active" },
        orderBy: { id: "asc" },
        select: {
          id: true,
          item: { select: { sku: true } },
          allocations: {
            where: { quantity: { gt: 0 }, location: { purpose: "staging" } },
            select: { quantity: true, location: { select: { code: true } }, lot: { select: { number: true } } },
          },
        },
      });
      const putBack = reservations.flatMap((r) =>
        r.allocations.map((a) => ({ sku: r.item.sku, location: a.location.code, lot: a.lot?.number ?? null, quantity: a.quantity })),
      );
      for (const reservation of reservations) await endReservation(tx, actor, reservation.id, "released", "order cancelled");
      await tx.pickList.updateMany({ where: { orderId: id, status: "open" }, data: { status: "cancelled", closedAt: new Date() } });
      await leaveWaves(tx, id);
      await moveOrderTo(tx, actor, id, "cancelled", options.note);
      return { ...(await findOrderView(tx, id))!, putBack };
    },
  );
}

/**
 * An open wave goes on without a cancelled order: its unpicked lines are dropped and a partly picked one ends at
 * what was picked (those units are in staging, listed in `putBack`). A wave left with nothing to pick is done,
 * or cancelled when it lost every line.
 */
async function leaveWaves(tx: DbTx, orderId: string) {
  const open = { status: "open" as const, orderId: null };
  const waves = await tx.pickList.findMany({ where: { ...open, lines: { some: { orderLine: { orderId } } } }, select: { id: true } });
  if (waves.length === 0) return;
  // Locked (after this order, as a pick locks them) so a pick finishing another order's last line meanwhile is
  // counted: otherwise each would see the other's lines as still unpicked and the wave would never be done.
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "PickList" WHERE id = ANY(${waves.map((w) => w.id)}::uuid[]) AND status = 'open' ORDER BY id FOR UPDATE`;
  if (locked.length === 0) return;
  const waveIds = locked.map((w) => w.id);
  await tx.pickListLine.deleteMany({ where: { pickListId: { in: waveIds }, orderLine: { orderId }, pickedQuantity: 0 } });
  await tx.$executeRaw`
    UPDATE "PickListLine" l SET quantity = l."pickedQuantity" FROM "SalesOrderLine" ol
    WHERE l."pickListId" = ANY(${waveIds}::uuid[]) AND ol.id = l."orderLineId" AND ol."orderId" = ${orderId}::uuid`;
  for (const id of waveIds) {
    const lines = await tx.pickListLine.count({ where: { pickListId: id } });
    const unpicked = await tx.pickListLine.count({ where: { pickListId: id, pickedQuantity: { lt: tx.pickListLine.fields.quantity } } });
    if (unpicked === 0) await tx.pickList.update({ where: { id }, data: { status: lines === 0 ? "cancelled" : "done", closedAt: new Date() } });
  }
}
