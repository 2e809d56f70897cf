import { v7 as uuidv7 } from "uuid";
import type { Actor } from "../auth/actor";
import { holdAt, releaseHeld } from "../availability/hold-stock";
import type { DbTx } from "../db/client";

export type PickLineHold = {
  pickListLineId: string;
  siteId: string;
  itemId: string;
  locationId: string;
  lotId: string | null;
  quantity: number;
  reference: string;
};

/**
 * Holds a plain pick list line's planned units on their level through a reservation of the line, without expiry:
 * nothing else can reserve or pick them until the line is picked or its list cancelled. The caller has locked the
 * level and planned from what it can still promise, so the hold cannot fall short.
 */
export async function holdPickLine(tx: DbTx, actor: Actor, line: PickLineHold) {
  await holdAt(tx, line.itemId, [line]);
  await tx.reservation.create({
    data: {
      id: uuidv7(),
      siteId: line.siteId,
      itemId: line.itemId,
      lotId: line.lotId,
      requestedQuantity: line.quantity,
      quantity: line.quantity,
      held: line.quantity,
      reference: line.reference,
      pickListLineId: line.pickListLineId,
      createdByLabel: actor.label,
      allocations: { create: { locationId: line.locationId, lotId: line.lotId, quantity: line.quantity } },
    },
  });
}

/**
 * Takes `quantity` units off a plain line's hold (they are being picked: the issue that follows may then take
 * them; from `at` first), or everything left when the list is cancelled or the line fully picked. A line of a list opened before lists held their stock
 * has no reservation: nothing to give back. Answers how many units the hold gave back.
 */
export async function releasePickLine(
  tx: DbTx,
  pickListLineId: string,
  quantity: number | "rest",
  outcome: "fulfilled" | "released",
  at?: { locationId: string; lotId: string | null },
) {
  const reservation = await tx.reservation.findFirst({
    where: { pickListLineId, status: "active" },
    select: {
      id: true,
      itemId: true,
      held: true,
      allocations: { where: { quantity: { gt: 0 } }, select: { id: true, locationId: true, lotId: true, quantity: true } },
    },
  });
  if (!reservation) return 0;
  const giving = Math.min(quantity === "rest" ? reservation.held : quantity, reservation.held);
  let left = giving;
  // The units picked first, then any hold a short count moved elsewhere (lib/availability/displace-holds.ts).
  const isHere = (a: { locationId: string; lotId: string | null }) => a.locationId === at?.locationId && a.lotId === at?.lotId;
  const ordered = [...reservation.allocations].sort((a, b) => Number(isHere(b)) - Number(isHere(a)));
  const takes = ordered.flatMap((a) => {
    const take = Math.min(a.quantity, left);
    left -= take;
    return take > 0 ? [{ ...a, quantity: take }] : [];
  });
  await releaseHeld(tx, reservation.itemId, takes);
  for (const take of takes) await tx.reservationAllocation.update({ where: { id: take.id }, data: { quantity: { decrement: take.quantity } } });
  const held = reservation.held - giving;
  await tx.reservation.update({
    where: { id: reservation.id },
    data: {
      held,
      ...(outcome === "fulfilled" ? { fulfilled: { increment: giving } } : {}),
      ...(held === 0 ? { status: outcome, closedAt: new Date() } : {}),
    },
  });
  return giving;
}
