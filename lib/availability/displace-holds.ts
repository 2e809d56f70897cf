/**
 * When a bin turns out to hold fewer units than are reserved there (a count came up short), the holds on it are
 * moved: each displaced unit is held again elsewhere at the site for the same reservation when stock allows,
 * and otherwise the reservation holds less (an order's line then shows the units as backordered, and the order
 * goes back to waiting for stock). Newest reservations give way first, so older promises keep their units.
 */
import type { Actor } from "../auth/actor";
import { recordAudit } from "../audit/record-audit";
import type { DbTx } from "../db/client";
import { enqueueEvent } from "../outbox/enqueue-event";
import { holdStock, releaseHeld } from "./hold-stock";

export type ShortLevel = { levelId: string; itemId: string; locationId: string; lotId: string | null; siteId: string; keep: number };

/**
 * Lowers the holds on a locked level to `keep`; answers how many units were held elsewhere, how many dropped, and
 * the order lines that lost units (for the caller to move their orders back to waiting for stock).
 */
export async function displaceHolds(tx: DbTx, actor: Actor, level: ShortLevel): Promise<{ moved: number; dropped: number; orderLineIds: string[] }> {
  const allocations = await tx.reservationAllocation.findMany({
    where: { locationId: level.locationId, lotId: level.lotId, quantity: { gt: 0 }, reservation: { itemId: level.itemId, status: "active" } },
    orderBy: { reservation: { createdAt: "desc" } },
    select: { id: true, quantity: true, reservation: { select: { id: true, lotId: true, reference: true, orderLineId: true } } },
  });
  let excess = allocations.reduce((sum, a) => sum + a.quantity, 0) - level.keep;
  let moved = 0;
  let dropped = 0;
  const orderLineIds: string[] = [];
  for (const allocation of allocations) {
    if (excess <= 0) break;
    const take = Math.min(allocation.quantity, excess);
    excess -= take;
    await releaseHeld(tx, level.itemId, [{ locationId: level.locationId, lotId: level.lotId, quantity: take }]);
    await tx.reservationAllocation.update({ where: { id: allocation.id }, data: { quantity: { decrement: take } } });
    const again = await holdStock(tx, {
      itemId: level.itemId,
      siteId: level.siteId,
      lotId: allocation.reservation.lotId,
      quantity: take,
      exceptLevelId: level.levelId,
    });
    if (again.allocations.length > 0) {
      await tx.reservationAllocation.createMany({
        data: again.allocations.map((a) => ({
          reservationId: allocation.reservation.id,
          locationId: a.locationId,
          lotId: a.lotId,
          quantity: a.quantity,
        })),
      });
    }
    const lost = take - again.held;
    if (lost > 0) await tx.reservation.update({ where: { id: allocation.reservation.id }, data: { held: { decrement: lost } } });
    if (lost > 0 && allocation.reservation.orderLineId) orderLineIds.push(allocation.reservation.orderLineId);
    moved += again.held;
    dropped += lost;
    const detail = {
      id: allocation.reservation.id,
      reference: allocation.reservation.reference,
      from: level.locationId,
      moved: again.held,
      dropped: lost,
    };
    await recordAudit(tx, actor, {
      action: "reservation.displace",
      entityType: "reservation",
      entityId: allocation.reservation.id,
      siteId: level.siteId,
      after: detail,
    });
    await enqueueEvent(tx, { type: "reservation.displaced", siteId: level.siteId, aggregateId: allocation.reservation.id, payload: detail });
  }
  return { moved, dropped, orderLineIds };
}
