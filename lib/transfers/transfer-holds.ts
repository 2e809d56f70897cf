/**
 * A transfer's hold on the stock it will ship. Each line holds its units through a Reservation (transferLineId
 * set, no expiry) from the moment the transfer is drafted: a warehouse that has promised stock to another site
 * must not sell it, pick it for an order or send it elsewhere while the transfer waits for approval or a truck.
 * Shipping consumes the hold (the units leave from where they were held), cancelling releases it.
 *
 * Serial lines hold their quantity at the site (the hold counts units, not serials); the serials named on the
 * line decide the bins when the transfer ships.
 */
import { v7 as uuidv7 } from "uuid";
import type { Actor } from "../auth/actor";
import { holdStock, releaseHeld } from "../availability/hold-stock";
import type { DbTx } from "../db/client";
import { NotEnoughToReserve } from "../reservations/errors";

export type LineToHold = {
  id: string;
  lineNo: number;
  itemId: string;
  sku: string;
  lotId: string | null;
  lotNumber: string | null;
  quantity: number;
};

/**
 * Holds every line's units at the source site, in the caller's transaction. Refused as a whole (409 with
 * `available`, naming the line's quantity) when a line finds less available than it asks for; the caller's
 * transaction then rolls back what earlier lines held.
 */
export async function holdTransferLines(
  tx: DbTx,
  actor: Actor,
  transfer: { id: string; reference: string | null; siteId: string; siteCode: string },
  lines: readonly LineToHold[],
): Promise<void> {
  // In item order, as orders hold: two transfers of the same items then lock their levels in one order, not in a cycle.
  const ordered = lines.map((line, index) => ({ line, index })).sort((a, b) => a.line.itemId.localeCompare(b.line.itemId));
  for (const { line, index } of ordered) {
    const hold = await holdStock(tx, {
      itemId: line.itemId,
      siteId: transfer.siteId,
      lotId: line.lotId,
      quantity: line.quantity,
      atLeast: line.quantity,
    });
    if (hold.held < line.quantity) {
      throw new NotEnoughToReserve({
        sku: line.sku,
        site: transfer.siteCode,
        lot: line.lotNumber,
        requested: line.quantity,
        available: hold.available,
        field: `lines.${index}.quantity`,
      });
    }
    await tx.reservation.create({
      data: {
        id: uuidv7(),
        siteId: transfer.siteId,
        itemId: line.itemId,
        lotId: line.lotId,
        requestedQuantity: line.quantity,
        quantity: line.quantity,
        held: line.quantity,
        reference: transfer.reference ?? `transfer ${transfer.id}`,
        channel: "transfer",
        expiresAt: null,
        transferLineId: line.id,
        createdByLabel: actor.label,
        allocations: {
          create: hold.allocations.map((a) => ({ id: uuidv7(), locationId: a.locationId, lotId: a.lotId, quantity: a.quantity })),
        },
      },
    });
  }
}

export type HeldUnits = { locationId: string; lotId: string | null; quantity: number };

/**
 * Gives back what a transfer line holds and closes its reservation: `fulfilled` when the units ship (they are
 * posted right after, in the same transaction, so no one else can take them in between), `released` when the
 * transfer is cancelled. Answers where the units were held; nothing when the line holds nothing (transfers
 * drafted before transfers held stock).
 */
export async function endTransferLineHold(tx: DbTx, itemId: string, lineId: string, outcome: "fulfilled" | "released"): Promise<HeldUnits[]> {
  // Locked so a count moving the hold (lib/availability/displace-holds.ts) and this step go one after the other.
  const [reservation] = await tx.$queryRaw<{ id: string; held: number }[]>`
    SELECT id::text, held FROM "Reservation" WHERE "transferLineId" = ${lineId}::uuid AND status = 'active' FOR UPDATE`;
  if (!reservation) return [];
  const allocations = await tx.reservationAllocation.findMany({
    where: { reservationId: reservation.id, quantity: { gt: 0 } },
    orderBy: { id: "asc" },
    select: { locationId: true, lotId: true, quantity: true },
  });
  await releaseHeld(tx, itemId, allocations);
  await tx.reservationAllocation.updateMany({ where: { reservationId: reservation.id, quantity: { gt: 0 } }, data: { quantity: 0 } });
  await tx.reservation.update({
    where: { id: reservation.id },
    data: { status: outcome, held: 0, closedAt: new Date(), ...(outcome === "fulfilled" ? { fulfilled: reservation.held } : {}) },
  });
  return allocations;
}
