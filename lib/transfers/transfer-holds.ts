/**
 * A transfer's hold on the stock it will ship. Each line holds its units through a Reservation (transferLineId
 * set, no expiry) from the moment the transfer is drafted: a warehouse that has promised stock to another site
 * must not sell it, pick it for an order or send it elsewhere while the transfer waits for approval or a truck.
 * Shipping consumes the hold (the units leave from where they were held), cancelling releases it.
 *
 * Serial lines hold one unit in the bin (and lot) of each serial they name, so the units held are the ones that
 * will ship.
 */
import { v7 as uuidv7 } from "uuid";
import type { Actor } from "../auth/actor";
import { SELLABLE_LEVEL } from "../availability/availability-rule";
import { holdAt, holdStock, releaseHeld } from "../availability/hold-stock";
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
  /** Serial-tracked lines: the serials that ship (one per unit). */
  serials: readonly string[];
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
    const hold =
      line.serials.length > 0
        ? await holdSerials(tx, transfer.siteId, line)
        : await holdStock(tx, { itemId: line.itemId, siteId: transfer.siteId, lotId: line.lotId, quantity: line.quantity, atLeast: line.quantity });
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

/**
 * Holds a serial line's units where its serials are: each serial's level must be at the source site, one that
 * may promise stock (availability-rule.ts), with a unit free for it. The levels are locked first (in the ledger's
 * order), so the check and the hold see the same stock. Holds nothing, answering what could have been held,
 * when a serial is elsewhere or its level has too few units free.
 */
async function holdSerials(tx: DbTx, siteId: string, line: LineToHold): Promise<{ held: number; available: number; allocations: HeldUnits[] }> {
  const serials = [...line.serials];
  const levels = await tx.$queryRaw<{ locationId: string; lotId: string | null; serials: number; free: number }[]>`
    WITH named AS (
      SELECT "locationId", "lotId", count(*)::int AS serials FROM "Serial"
      WHERE "itemId" = ${line.itemId}::uuid AND serial = ANY(${serials}::text[]) AND "locationId" IS NOT NULL
      GROUP BY "locationId", "lotId"
    ), locked AS (
      SELECT s."locationId", s."lotId", s."onHand", s.reserved FROM "StockLevel" s
      JOIN named n ON n."locationId" = s."locationId" AND n."lotId" IS NOT DISTINCT FROM s."lotId"
      WHERE s."itemId" = ${line.itemId}::uuid
      ORDER BY s."locationId", s."lotId" NULLS FIRST
      FOR UPDATE OF s
    )
    SELECT l."locationId"::text, l."lotId"::text, n.serials, (l."onHand" - l.reserved)::int AS free
    FROM locked l
    JOIN named n ON n."locationId" = l."locationId" AND n."lotId" IS NOT DISTINCT FROM l."lotId"
    JOIN "Location" loc ON loc.id = l."locationId" LEFT JOIN "Lot" lot ON lot.id = l."lotId"
    WHERE loc."siteId" = ${siteId}::uuid AND ${SELLABLE_LEVEL}`;
  const available = levels.reduce((sum, level) => sum + Math.min(level.serials, Math.max(level.free, 0)), 0);
  if (available < line.quantity) return { held: 0, available, allocations: [] };
  const allocations = levels.map((level) => ({ locationId: level.locationId, lotId: level.lotId, quantity: level.serials }));
  await holdAt(tx, line.itemId, allocations);
  return { held: line.quantity, available, allocations };
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
