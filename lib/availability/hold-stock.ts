/**
 * Holding stock on its levels: the one place where StockLevel.reserved rises and falls. Reservations and orders
 * hold through here, inside their own unit of work.
 *
 * Why holds cannot oversell: the levels a hold may take from are locked (SELECT … FOR UPDATE) before they are
 * read, so holds of one item at one site queue behind each other and each sees what the previous one took; the
 * update is still conditional (on hand − reserved ≥ what is taken) and the level's CHECK (reserved ≤ on hand)
 * is the last line. The ledger's posting function takes stock out only down to what is reserved, so a hold
 * stays covered until it is released or fulfilled.
 */
import { Prisma } from "../db/generated/client";
import type { DbTx } from "../db/client";
import { RetryableConflict } from "../db/unit-of-work";
import { planHold, type HoldableLevel } from "./plan-hold";
import { SELLABLE_LEVEL } from "./availability-rule";

export type HeldAllocation = { locationId: string; locationCode: string; lotId: string | null; lotNumber: string | null; quantity: number };

export type HoldRequest = {
  itemId: string;
  siteId: string;
  lotId?: string | null;
  quantity: number;
  /**
   * The least hold the caller accepts. When a read without locks already shows less available, the hold answers
   * at once with nothing held: refusals do not queue behind the holds that took the stock (on a sold-out SKU
   * they would otherwise wait one by one for its row locks).
   */
  atLeast?: number;
  /** Not from this level (holds moved off a bin whose count came up short). */
  exceptLevelId?: string;
};

export type HoldResult = { allocations: HeldAllocation[]; held: number; available: number };

/**
 * Reserves up to `quantity` units of an item at a site (of one lot when asked), first expiring first, and answers
 * where they are held. Holds less when less is available: the caller refuses or accepts the short hold (and
 * rolls back its transaction when it refuses).
 */
export async function holdStock(tx: DbTx, request: HoldRequest): Promise<HoldResult> {
  if (request.atLeast !== undefined) {
    const available = await availableWithoutLocks(tx, request);
    if (available < request.atLeast) return { held: 0, available, allocations: [] };
  }
  const levels = await lockHoldableLevels(tx, request);
  const { takes, held, available } = planHold(levels, request.quantity);
  if (takes.length > 0) {
    const changed = await tx.$executeRaw`
      UPDATE "StockLevel" s SET reserved = s.reserved + t.quantity, "updatedAt" = now()
      FROM unnest(${takes.map((t) => t.level.levelId)}::uuid[], ${takes.map((t) => t.quantity)}::int[]) AS t(id, quantity)
      WHERE s.id = t.id AND s."onHand" - s.reserved >= t.quantity`;
    // The levels are locked, so this cannot happen short of a bug; refuse rather than hold less than planned.
    if (changed !== takes.length) throw new RetryableConflict("stock changed while it was being held");
  }
  return {
    held,
    available,
    allocations: takes.map(({ level, quantity }) => ({
      locationId: level.locationId,
      locationCode: level.locationCode,
      lotId: level.lotId,
      lotNumber: level.lotNumber,
      quantity,
    })),
  };
}

/**
 * Holds units on named levels (the levels the caller locked and planned from, or the staging level picked units
 * just arrived at). Refuses, rather than holding less, when a level has fewer unreserved units than asked.
 */
export async function holdAt(tx: DbTx, itemId: string, allocations: readonly { locationId: string; lotId: string | null; quantity: number }[]) {
  // One row per level: an UPDATE … FROM joins a level once, however many rows name it.
  const byLevel = new Map<string, { locationId: string; lotId: string | null; quantity: number }>();
  for (const a of allocations.filter((allocation) => allocation.quantity > 0)) {
    const key = `${a.locationId}|${a.lotId ?? ""}`;
    byLevel.set(key, { ...a, quantity: (byLevel.get(key)?.quantity ?? 0) + a.quantity });
  }
  if (byLevel.size === 0) return;
  const ordered = [...byLevel.values()].sort((a, b) => a.locationId.localeCompare(b.locationId) || (a.lotId ?? "").localeCompare(b.lotId ?? ""));
  const changed = await tx.$executeRaw`
    UPDATE "StockLevel" s SET reserved = s.reserved + t.quantity, "updatedAt" = now()
    FROM unnest(${ordered.map((a) => a.locationId)}::uuid[], ${ordered.map((a) => a.lotId)}::uuid[], ${ordered.map((a) => a.quantity)}::int[])
      AS t(location, lot, quantity)
    WHERE s."itemId" = ${itemId}::uuid AND s."locationId" = t.location AND s."lotId" IS NOT DISTINCT FROM t.lot
      AND s."onHand" - s.reserved >= t.quantity`;
  if (changed !== ordered.length) throw new RetryableConflict(`holding item ${itemId} found ${changed} of ${ordered.length} levels with room`);
}

/** Gives held units back to their levels (a release, an expiry, a cancelled order). */
export async function releaseHeld(tx: DbTx, itemId: string, allocations: readonly { locationId: string; lotId: string | null; quantity: number }[]) {
  const giving = allocations.filter((allocation) => allocation.quantity > 0);
  if (giving.length === 0) return;
  // Sorted as the ledger locks levels (location, then lot), so a release and a posting cannot wait in a cycle.
  const ordered = [...giving].sort((a, b) => a.locationId.localeCompare(b.locationId) || (a.lotId ?? "").localeCompare(b.lotId ?? ""));
  const changed = await tx.$executeRaw`
    UPDATE "StockLevel" s SET reserved = s.reserved - t.quantity, "updatedAt" = now()
    FROM unnest(${ordered.map((a) => a.locationId)}::uuid[], ${ordered.map((a) => a.lotId)}::uuid[], ${ordered.map((a) => a.quantity)}::int[])
      AS t(location, lot, quantity)
    WHERE s."itemId" = ${itemId}::uuid AND s."locationId" = t.location AND s."lotId" IS NOT DISTINCT FROM t.lot`;
  if (changed !== ordered.length) throw new Error(`releasing a hold of item ${itemId} found ${changed} of ${ordered.length} levels`);
}

async function availableWithoutLocks(tx: DbTx, request: HoldRequest): Promise<number> {
  const lotFilter = request.lotId ? Prisma.sql`AND s."lotId" = ${request.lotId}::uuid` : Prisma.empty;
  const [row] = await tx.$queryRaw<{ available: number }[]>`
    SELECT COALESCE(SUM(s."onHand" - s.reserved), 0)::int AS available
    FROM "StockLevel" s JOIN "Location" loc ON loc.id = s."locationId" LEFT JOIN "Lot" lot ON lot.id = s."lotId"
    WHERE s."itemId" = ${request.itemId}::uuid AND loc."siteId" = ${request.siteId}::uuid AND s."onHand" > s.reserved
      AND ${SELLABLE_LEVEL} ${lotFilter}`;
  return row.available;
}

/** The levels an item's hold at a site may take from, locked in the ledger's order (location, lot). */
async function lockHoldableLevels(tx: DbTx, request: HoldRequest): Promise<HoldableLevel[]> {
  const lotFilter = request.lotId ? Prisma.sql`AND s."lotId" = ${request.lotId}::uuid` : Prisma.empty;
  const levelFilter = request.exceptLevelId ? Prisma.sql`AND s.id <> ${request.exceptLevelId}::uuid` : Prisma.empty;
  const rows = await tx.$queryRaw<HoldableLevel[]>`
    SELECT s.id AS "levelId", s."locationId", loc.code AS "locationCode", s."lotId", lot.number AS "lotNumber", lot."expiresOn",
      (s."onHand" - s.reserved)::int AS available
    FROM "StockLevel" s
    JOIN "Location" loc ON loc.id = s."locationId"
    LEFT JOIN "Lot" lot ON lot.id = s."lotId"
    WHERE s."itemId" = ${request.itemId}::uuid AND loc."siteId" = ${request.siteId}::uuid AND s."onHand" > s.reserved
      AND ${SELLABLE_LEVEL} ${lotFilter} ${levelFilter}
    ORDER BY s."locationId", s."lotId" NULLS FIRST
    FOR UPDATE OF s`;
  return rows;
}
