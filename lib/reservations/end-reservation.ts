import type { Actor } from "../auth/actor";
import { recordAudit } from "../audit/record-audit";
import { releaseHeld } from "../availability/hold-stock";
import type { DbTx } from "../db/client";
import { enqueueEvent } from "../outbox/enqueue-event";

/**
 * Ends a locked, active reservation without issuing anything: its held units go back to their levels, and it
 * becomes released (someone let go) or expired (its time ran out). Audited and announced in the caller's
 * transaction.
 */
export async function endReservation(tx: DbTx, actor: Actor, reservationId: string, status: "released" | "expired", reason?: string) {
  const reservation = await tx.reservation.findUniqueOrThrow({
    where: { id: reservationId },
    select: {
      itemId: true,
      siteId: true,
      held: true,
      reference: true,
      item: { select: { sku: true } },
      allocations: { where: { quantity: { gt: 0 } }, select: { id: true, locationId: true, lotId: true, quantity: true } },
    },
  });
  await releaseHeld(tx, reservation.itemId, reservation.allocations);
  await tx.reservationAllocation.updateMany({ where: { reservationId, quantity: { gt: 0 } }, data: { quantity: 0 } });
  await tx.reservation.update({ where: { id: reservationId }, data: { status, held: 0, closedAt: new Date() } });
  const summary = {
    id: reservationId,
    sku: reservation.item.sku,
    reference: reservation.reference,
    released: reservation.held,
    ...(reason ? { reason } : {}),
  };
  await recordAudit(tx, actor, {
    action: `reservation.${status === "released" ? "release" : "expire"}`,
    entityType: "reservation",
    entityId: reservationId,
    siteId: reservation.siteId,
    after: summary,
  });
  await enqueueEvent(tx, { type: `reservation.${status}`, siteId: reservation.siteId, aggregateId: reservationId, payload: summary });
}
