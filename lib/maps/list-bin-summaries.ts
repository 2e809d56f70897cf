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
};

/** Lots expiring within this many days (or already expired) make a bin need attention. */
const EXPIRY_WINDOW_DAYS = 30;

/**
 * Per location of one site, what the map's overlays need: units on hand against capacity, lots about to expire,
 * and items whose total at the site is below their reorder point (the catalogue keeps it in the item's
 * attributes). One query over the site's physical stock.
 */
export async function listBinSummaries(db: Db, actor: Actor, siteId: string, locations: LocationView[], today = new Date()): Promise<BinSummary[]> {
  authorize(actor, "stock.view", { siteId });
  const levels = await db.stockLevel.findMany({
    where: { isVirtual: false, onHand: { gt: 0 }, location: { siteId } },
    select: { onHand: true, location: { select: { code: true } }, item: { select: { sku: true, attributes: true } }, lot: { select: { expiresOn: true } } },
  });
  const horizon = new Date(today);
  horizon.setUTCDate(horizon.getUTCDate() + EXPIRY_WINDOW_DAYS);

  const onHandBySku = new Map<string, number>();
  const reorderPointBySku = new Map<string, number>();
  for (const level of levels) {
    onHandBySku.set(level.item.sku, (onHandBySku.get(level.item.sku) ?? 0) + level.onHand);
    const point = Number((level.item.attributes as Record<string, unknown> | null)?.reorderPoint);
    if (Number.isFinite(point)) reorderPointBySku.set(level.item.sku, point);
  }
  const isLow = (sku: string) => (onHandBySku.get(sku) ?? 0) < (reorderPointBySku.get(sku) ?? -Infinity);

  const bins = new Map<string, BinSummary>();
  for (const location of locations) {
    if (location.isVirtual || location.type === "site") continue;
    bins.set(location.code, { location: location.code, units: 0, capacityUnits: location.capacityUnits, expiringLots: 0, belowReorder: [] });
  }
  for (const level of levels) {
    const bin = bins.get(level.location.code);
    if (!bin) continue;
    bin.units += level.onHand;
    if (level.lot?.expiresOn && level.lot.expiresOn <= horizon) bin.expiringLots++;
    if (isLow(level.item.sku) && !bin.belowReorder.includes(level.item.sku)) bin.belowReorder.push(level.item.sku);
  }
  return [...bins.values()];
}
