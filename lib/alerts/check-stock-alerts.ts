/**
 * Alerts that a change of stock raises or clears: low stock, stockout and overstock per item × site against the
 * thresholds in force, and bins over their capacity. Checked for what a batch of events touched, from the event
 * relay's own transaction (one relay at a time, so checks of one item never interleave): the ledger's write path
 * pays nothing for them, and an alert follows its change within the relay's delay (tens of milliseconds).
 */
import type { DbTx } from "../db/client";
import { AVAILABLE_OF_LEVEL } from "../availability/availability-rule";
import type { TouchedByEvents } from "../events/touched-by-events";
import { checkLotAlerts } from "./scan-aged-alerts";
import { settleAlerts, type AlertCondition, type SettledAlerts } from "./settle-alerts";

export type ItemAtSite = { itemId: string; siteId: string };

/** Demand that makes "none available" a stockout rather than an item nobody wants: this far back. */
const RECENT_DEMAND_DAYS = 90;

type StockFigures = ItemAtSite & {
  onHand: number;
  available: number;
  reorderPoint: number | null;
  maxQty: number | null;
  hasDemand: boolean;
};

export async function checkItemAlerts(tx: DbTx, pairs: readonly ItemAtSite[]): Promise<SettledAlerts> {
  if (pairs.length === 0) return { raised: [], resolved: [] };
  const figures = await stockFiguresOf(tx, pairs);
  const keys = pairs.flatMap(({ itemId, siteId }) => (["low_stock", "stockout", "overstock"] as const).map((kind) => `${kind}:${itemId}:${siteId}`));
  return settleAlerts(tx, { keys }, figures.flatMap(itemConditions));
}

/** The conditions that hold for one item at one site. Exported for the unit tests of the rules. */
export function itemConditions(f: StockFigures): AlertCondition[] {
  const about = { siteId: f.siteId, itemId: f.itemId };
  const conditions: AlertCondition[] = [];
  if (f.reorderPoint !== null && f.available <= f.reorderPoint)
    conditions.push({
      kind: "low_stock",
      key: `low_stock:${f.itemId}:${f.siteId}`,
      ...about,
      detail: { available: f.available, onHand: f.onHand, reorderPoint: f.reorderPoint },
    });
  if (f.available === 0 && f.hasDemand)
    conditions.push({ kind: "stockout", key: `stockout:${f.itemId}:${f.siteId}`, ...about, detail: { available: 0, onHand: f.onHand } });
  if (f.maxQty !== null && f.onHand > f.maxQty)
    conditions.push({
      kind: "overstock",
      key: `overstock:${f.itemId}:${f.siteId}`,
      ...about,
      detail: { onHand: f.onHand, max: f.maxQty },
    });
  return conditions;
}

/**
 * One statement for the whole batch: on hand and available under the one availability rule, the thresholds in
 * force, and whether there is demand (a reorder point, an open order line, or an issue to a customer lately).
 */
async function stockFiguresOf(tx: DbTx, pairs: readonly ItemAtSite[]): Promise<StockFigures[]> {
  return tx.$queryRaw<StockFigures[]>`
    WITH pairs AS (
      SELECT DISTINCT item_id, site_id FROM unnest(${pairs.map((p) => p.itemId)}::uuid[], ${pairs.map((p) => p.siteId)}::uuid[]) AS p(item_id, site_id)
    ), figures AS (
      SELECT p.item_id, p.site_id,
        COALESCE(SUM(s."onHand") FILTER (WHERE NOT loc."isVirtual"), 0)::int AS on_hand,
        COALESCE(SUM(${AVAILABLE_OF_LEVEL}), 0)::int AS available
      FROM pairs p
      LEFT JOIN ("StockLevel" s JOIN "Location" loc ON loc.id = s."locationId" LEFT JOIN "Lot" lot ON lot.id = s."lotId")
        ON s."itemId" = p.item_id AND loc."siteId" = p.site_id
      GROUP BY p.item_id, p.site_id
    )
    SELECT f.item_id::text AS "itemId", f.site_id::text AS "siteId", f.on_hand AS "onHand", f.available,
      t."reorderPoint", t."maxQty",
      (f.available = 0 AND (
        COALESCE(t."reorderPoint", 0) > 0
        OR EXISTS (
          SELECT 1 FROM "SalesOrderLine" l JOIN "SalesOrder" o ON o.id = l."orderId"
          WHERE l."itemId" = f.item_id AND o."siteId" = f.site_id AND o.status NOT IN ('shipped', 'cancelled') AND l.quantity > l.shipped)
        OR EXISTS (
          SELECT 1 FROM "StockMovement" m JOIN "Location" c ON c.id = m."toLocationId"
          WHERE m."itemId" = f.item_id AND c.type = 'customer' AND c."siteId" = f.site_id
            AND m.at > (now() AT TIME ZONE 'UTC') - make_interval(days => ${RECENT_DEMAND_DAYS}))
      )) AS "hasDemand"
    FROM figures f
    LEFT JOIN "StockThresholdInForce" t ON t."itemId" = f.item_id AND t."siteId" = f.site_id`;
}

/** Bins whose units on hand exceed their capacity; every location asked about is checked (capacity may be gone). */
export async function checkBinCapacity(tx: DbTx, locationIds: readonly string[]): Promise<SettledAlerts> {
  if (locationIds.length === 0) return { raised: [], resolved: [] };
  const bins = await tx.$queryRaw<{ id: string; siteId: string; capacity: number; onHand: number }[]>`
    SELECT loc.id::text, loc."siteId"::text AS "siteId", loc."capacityUnits" AS capacity, COALESCE(SUM(s."onHand"), 0)::int AS "onHand"
    FROM "Location" loc LEFT JOIN "StockLevel" s ON s."locationId" = loc.id
    WHERE loc.id = ANY(${[...locationIds]}::uuid[]) AND loc."capacityUnits" IS NOT NULL
    GROUP BY loc.id
    HAVING COALESCE(SUM(s."onHand"), 0) > loc."capacityUnits"`;
  const holding: AlertCondition[] = bins.map((bin) => ({
    kind: "bin_over_capacity",
    key: `bin_over_capacity:${bin.id}`,
    siteId: bin.siteId,
    locationId: bin.id,
    detail: { onHand: bin.onHand, capacity: bin.capacity },
  }));
  return settleAlerts(tx, { keys: locationIds.map((id) => `bin_over_capacity:${id}`) }, holding);
}

/** The relay's hook: checks what the events of a relay pass touched (lib/events/touched-by-events.ts). */
export async function checkAlertsForEvents(tx: DbTx, touched: TouchedByEvents): Promise<void> {
  await checkItemAlerts(tx, touched.itemSites);
  await checkBinCapacity(tx, touched.capacityBinIds);
  await checkLotAlerts(tx, touched.lotIds);
}
