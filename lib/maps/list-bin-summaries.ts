import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db } from "../db/client";
import type { LocationView } from "../locations/schemas";

/** One location's stock at a site, summed for the map's overlays. */
export type BinSummary = {
  location: string;
  units: number;
  capacityUnits: number | null;
  /** Money value of what is there, when unit costs are known; absent otherwise. */
  value?: number;
  /** Lots there that expire within the attention window (or have expired). */
  expiringLots: number;
  /** SKUs there whose total at the site is below their reorder point. */
  belowReorder: string[];
  /** Issues (picks) taken from it in the last PICK_WINDOW_DAYS. */
  picks: number;
  /** Holds stock and has not been counted within COUNT_DUE_DAYS (or ever). */
  isCountOverdue: boolean;
};

/** Lots expiring within this many days (or already expired) make a bin need attention. */
const EXPIRY_WINDOW_DAYS = 30;
/** The period the pick-frequency overlay counts over. */
export const PICK_WINDOW_DAYS = 30;
/** A bin with stock should be counted at least this often. */
export const COUNT_DUE_DAYS = 90;

const daysBefore = (date: Date, days: number) => new Date(date.getTime() - days * 86_400_000);

/**
 * Per location of one site, what the map's overlays need: units on hand against capacity, lots about to expire,
 * and items whose total at the site is below their reorder point (the catalogue keeps it in the item's
 * attributes). One query over the site's physical stock.
 */
export async function listBinSummaries(db: Db, actor: Actor, siteId: string, locations: LocationView[], today = new Date()): Promise<BinSummary[]> {
  authorize(actor, "stock.view", { siteId });
  const levels = await db.stockLevel.findMany({
    where: { isVirtual: false, onHand: { gt: 0 }, location: { siteId } },
    select: {
      onHand: true,
      location: { select: { code: true } },
      lot: { select: { expiresOn: true } },
      item: { select: { id: true, sku: true, suppliers: { where: { preferred: true }, select: { unitCost: true }, take: 1 } } },
    },
  });
  const [picks, counted, reorderPointBySku] = await Promise.all([
    picksByBin(db, siteId, daysBefore(today, PICK_WINDOW_DAYS)),
    lastCountByBin(db, siteId),
    reorderPointsInForce(db, siteId, [...new Set(levels.map((level) => level.item.id))]),
  ]);
  const countDue = daysBefore(today, COUNT_DUE_DAYS);
  const horizon = new Date(today);
  horizon.setUTCDate(horizon.getUTCDate() + EXPIRY_WINDOW_DAYS);

  const onHandBySku = new Map<string, number>();
  for (const level of levels) onHandBySku.set(level.item.sku, (onHandBySku.get(level.item.sku) ?? 0) + level.onHand);
  const isLow = (sku: string) => (onHandBySku.get(sku) ?? 0) < (reorderPointBySku.get(sku) ?? -Infinity);

  const bins = new Map<string, BinSummary>();
  for (const location of locations) {
    if (location.isVirtual || location.type === "site") continue;
    bins.set(location.code, {
      location: location.code,
      units: 0,
      capacityUnits: location.capacityUnits,
      expiringLots: 0,
      belowReorder: [],
      picks: picks.get(location.code) ?? 0,
      isCountOverdue: false,
    });
  }
  for (const level of levels) {
    const bin = bins.get(level.location.code);
    if (!bin) continue;
    bin.units += level.onHand;
    const unitCost = level.item.suppliers[0]?.unitCost;
    if (unitCost != null) bin.value = (bin.value ?? 0) + level.onHand * Number(unitCost);
    const lastCounted = counted.get(level.location.code);
    bin.isCountOverdue = !lastCounted || lastCounted < countDue;
    if (level.lot?.expiresOn && level.lot.expiresOn <= horizon) bin.expiringLots++;
    if (isLow(level.item.sku) && !bin.belowReorder.includes(level.item.sku)) bin.belowReorder.push(level.item.sku);
  }
  return [...bins.values()];
}

async function picksByBin(db: Db, siteId: string, since: Date): Promise<Map<string, number>> {
  const rows = await db.$queryRaw<{ code: string; picks: number }[]>`
    SELECT l.code, count(*)::int AS picks
    FROM "StockMovement" m JOIN "Location" l ON l.id = m."fromLocationId"
    WHERE l."siteId" = ${siteId}::uuid AND m.kind = 'issue'::"MovementKind" AND m.at >= ${since}
    GROUP BY l.code`;
  return new Map(rows.map((r) => [r.code, r.picks]));
}

/** When each bin was last counted: by a count of it or of a zone above it. */
async function lastCountByBin(db: Db, siteId: string): Promise<Map<string, Date>> {
  const rows = await db.$queryRaw<{ code: string; at: Date }[]>`
    SELECT b.code, max(s."closedAt") AS at
    FROM "CountSession" s
    JOIN "Location" counted ON counted.id = s."locationId"
    JOIN "Location" b ON b."siteId" = counted."siteId" AND (b.path = counted.path OR b.path LIKE counted.path || '/%')
    WHERE s."siteId" = ${siteId}::uuid AND s.status = 'submitted'::"CountSessionStatus"
    GROUP BY b.code`;
  return new Map(rows.map((r) => [r.code, r.at]));
}

/** The reorder points in force at the site (its own, else the item-wide default's) of these items, by SKU. */
async function reorderPointsInForce(db: Db, siteId: string, itemIds: string[]): Promise<Map<string, number>> {
  if (itemIds.length === 0) return new Map();
  const rows = await db.$queryRaw<{ sku: string; reorderPoint: number }[]>`
    SELECT i.sku, v."reorderPoint" FROM "StockThresholdInForce" v JOIN "Item" i ON i.id = v."itemId"
    WHERE v."siteId" = ${siteId}::uuid AND v."itemId" = ANY(${itemIds}::uuid[]) AND v."reorderPoint" IS NOT NULL`;
  return new Map(rows.map((row) => [row.sku, row.reorderPoint]));
}
