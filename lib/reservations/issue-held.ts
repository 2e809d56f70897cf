/**
 * Issues units a reservation holds: they leave their bins for the site's customer location. The units are first
 * given back by the hold (the ledger would not take reserved stock) and then posted, in the caller's
 * transaction, so no one else can take them in between.
 */
import type { Actor } from "../auth/actor";
import { releaseHeld } from "../availability/hold-stock";
import type { DbTx, Db } from "../db/client";
import { ValidationFailed } from "../domain-error";
import { postResolvedLines, type ResolvedLine } from "../ledger/post-resolved-lines";
import { virtualLocationCode } from "../locations/virtual-locations";
import { enqueueEvent } from "../outbox/enqueue-event";
import { recordAudit } from "../audit/record-audit";
import { FulfilExceedsHeld } from "./errors";

type Allocation = {
  id: string;
  locationId: string;
  lotId: string | null;
  quantity: number;
  location: { code: string };
  lot: { number: string } | null;
};
type Take = { allocation: Allocation; quantity: number; serials: string[] };

export type IssueRequest = { quantity?: number; serials?: string[]; reference?: string; action?: string };

/** Issues `quantity` held units (all by default) of a locked, active reservation; answers the posting. */
export async function issueHeld(tx: DbTx, actor: Actor, reservationId: string, request: IssueRequest) {
  const reservation = await tx.reservation.findUniqueOrThrow({
    where: { id: reservationId },
    select: {
      itemId: true,
      siteId: true,
      held: true,
      reference: true,
      item: { select: { sku: true, tracking: true } },
      site: { select: { code: true } },
      allocations: {
        where: { quantity: { gt: 0 } },
        orderBy: { id: "asc" },
        select: { id: true, locationId: true, lotId: true, quantity: true, location: { select: { code: true } }, lot: { select: { number: true } } },
      },
    },
  });
  const quantity = request.quantity ?? reservation.held;
  if (quantity > reservation.held || quantity === 0) throw new FulfilExceedsHeld(reservationId, reservation.held, quantity);
  const takes =
    reservation.item.tracking === "serial"
      ? await takesBySerial(tx, reservation.itemId, reservation.allocations, quantity, request.serials ?? [])
      : takesInOrder(reservation.allocations, quantity);

  await releaseHeld(
    tx,
    reservation.itemId,
    takes.map((t) => ({ locationId: t.allocation.locationId, lotId: t.allocation.lotId, quantity: t.quantity })),
  );
  for (const take of takes)
    await tx.reservationAllocation.update({ where: { id: take.allocation.id }, data: { quantity: { decrement: take.quantity } } });
  const remaining = reservation.held - quantity;
  await tx.reservation.update({
    where: { id: reservationId },
    data: { held: remaining, fulfilled: { increment: quantity }, ...(remaining === 0 ? { status: "fulfilled", closedAt: new Date() } : {}) },
  });

  const customer = await tx.location.findUniqueOrThrow({
    where: { code: virtualLocationCode(reservation.site.code, "customer") },
    select: { id: true, code: true },
  });
  const reference = request.reference ?? reservation.reference;
  const lines: ResolvedLine[] = takes.map((take) => ({
    kind: "issue",
    itemId: reservation.itemId,
    quantity: take.quantity,
    fromLocationId: take.allocation.locationId,
    toLocationId: customer.id,
    lotId: take.allocation.lotId,
    serials: take.serials.length > 0 ? take.serials : undefined,
    reasonCode: "sold",
    reference,
    sku: reservation.item.sku,
    sourceCode: take.allocation.location.code,
    lot: take.allocation.lot?.number ?? null,
    fromCode: take.allocation.location.code,
    toCode: customer.code,
    fromKeepsLevels: true,
    toKeepsLevels: false,
    toIsVirtual: true,
  }));
  const posted = await postResolvedLines(tx as unknown as Db, {
    action: request.action ?? "reservation.fulfil",
    siteId: reservation.siteId,
    actor,
    lines,
  });
  const summary = { id: reservationId, sku: reservation.item.sku, quantity, held: remaining, postingId: posted.postingId, reference };
  await recordAudit(tx, actor, {
    action: "reservation.fulfil",
    entityType: "reservation",
    entityId: reservationId,
    siteId: reservation.siteId,
    after: summary,
  });
  await enqueueEvent(tx, { type: "reservation.fulfilled", siteId: reservation.siteId, aggregateId: reservationId, payload: summary });
  return { postingId: posted.postingId!, movementIds: posted.movements.map((m) => m.id), remaining };
}

/** Untracked and lot items: from the allocations in the order they were made (first expiring first). */
function takesInOrder(allocations: Allocation[], quantity: number): Take[] {
  const takes: Take[] = [];
  let remaining = quantity;
  for (const allocation of allocations) {
    if (remaining === 0) break;
    const take = Math.min(allocation.quantity, remaining);
    takes.push({ allocation, quantity: take, serials: [] });
    remaining -= take;
  }
  return takes;
}

/** Serial items: the serials named say which bins the units leave; each must be in a bin the reservation holds. */
async function takesBySerial(tx: DbTx, itemId: string, allocations: Allocation[], quantity: number, serials: string[]): Promise<Take[]> {
  const unique = [...new Set(serials)];
  if (unique.length !== quantity) throw new ValidationFailed([{ field: "serials", message: `Name ${quantity} different serials, one per unit` }]);
  const rows = await tx.serial.findMany({ where: { itemId, serial: { in: unique } }, select: { serial: true, locationId: true } });
  const byLocation = new Map<string, string[]>();
  for (const serial of unique) {
    const row = rows.find((r) => r.serial === serial);
    if (!row?.locationId) throw new ValidationFailed([{ field: "serials", message: `Serial ${serial} is not in stock` }]);
    byLocation.set(row.locationId, [...(byLocation.get(row.locationId) ?? []), serial]);
  }
  const takes: Take[] = [];
  for (const [locationId, here] of byLocation) {
    const allocation = allocations.find((a) => a.locationId === locationId);
    if (!allocation || allocation.quantity < here.length)
      throw new ValidationFailed([{ field: "serials", message: `Serials ${here.join(", ")} are not in a bin this reservation holds` }]);
    takes.push({ allocation, quantity: here.length, serials: here });
  }
  return takes;
}
