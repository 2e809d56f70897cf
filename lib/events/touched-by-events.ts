/**
 * What a range of the event log touched, for the checks the relay runs in its own transaction
 * (lib/system/after-events-written.ts): one read of the range for all of them, since a relay pass's cost is
 * mostly its number of statements. Only what a check could act on is answered: bins with a capacity or an open
 * over-capacity alert, pick faces with a refill level or an open refill task.
 */
import type { DbTx } from "../db/client";

export type TouchedByEvents = {
  /**
   * Items × sites named by stock, reservation, order, pick list, transfer and item events; an item-wide
   * threshold change names every site that carries the item.
   */
  itemSites: { itemId: string; siteId: string }[];
  capacityBinIds: string[];
  refillFaceIds: string[];
  lotIds: string[];
};

type Touched = { kind: "itemSite" | "capacityBin" | "refillFace" | "lot"; id: string; siteId: string | null };

export async function touchedByEvents(tx: DbTx, afterPosition: bigint, upToPosition: bigint): Promise<TouchedByEvents> {
  const rows = await tx.$queryRaw<Touched[]>`
    WITH e AS MATERIALIZED (
      SELECT type, "siteId", data FROM "Event" WHERE position > ${afterPosition} AND position <= ${upToPosition}
    ), changed AS (
      SELECT DISTINCT data->>'sku' AS sku, data->>'location' AS location, data->>'lot' AS lot FROM e WHERE type = 'stock.changed'
    )
    SELECT 'itemSite' AS kind, i.id::text AS id, e."siteId"::text AS "siteId"
    FROM e
    CROSS JOIN LATERAL (
      SELECT e.data->>'sku' AS sku
      UNION ALL
      SELECT line->>'sku' FROM jsonb_array_elements(CASE WHEN jsonb_typeof(e.data->'lines') = 'array' THEN e.data->'lines' ELSE '[]'::jsonb END) line
    ) named
    JOIN "Item" i ON i."skuKey" = lower(named.sku)
    WHERE e."siteId" IS NOT NULL AND split_part(e.type, '.', 1) IN ('stock', 'reservation', 'order', 'pickList', 'transfer', 'item')
    UNION
    -- an item-wide threshold (no site) is checked at every site that carries the item (has or had stock there):
    -- a default must not raise low stock at sites that never stock it
    SELECT 'itemSite', i.id::text, loc."siteId"::text
    FROM e JOIN "Item" i ON i."skuKey" = lower(e.data->>'sku')
    JOIN "StockLevel" l ON l."itemId" = i.id JOIN "Location" loc ON loc.id = l."locationId" AND NOT loc."isVirtual"
    WHERE e."siteId" IS NULL AND e.type = 'item.thresholds_changed'
    UNION
    SELECT 'capacityBin', bin.id::text, NULL FROM changed c JOIN "Location" bin ON bin.code = c.location
    WHERE bin."capacityUnits" IS NOT NULL
      OR EXISTS (SELECT 1 FROM "Alert" a WHERE a."conditionKey" = 'bin_over_capacity:' || bin.id::text AND a.state <> 'resolved')
    UNION
    SELECT 'refillFace', face.id::text, NULL FROM changed c JOIN "Location" face ON face.code = c.location
    WHERE face."refillLevel" IS NOT NULL OR EXISTS (SELECT 1 FROM "ReplenishmentTask" t WHERE t."toLocationId" = face.id AND t.status = 'open')
    UNION
    SELECT 'lot', lot.id::text, NULL FROM changed c
    JOIN "Item" i ON i."skuKey" = lower(c.sku) JOIN "Lot" lot ON lot."itemId" = i.id AND lot.number = c.lot`;
  const idsOf = (kind: Touched["kind"]) => rows.filter((row) => row.kind === kind).map((row) => row.id);
  return {
    itemSites: rows.filter((row) => row.kind === "itemSite").map((row) => ({ itemId: row.id, siteId: row.siteId! })),
    capacityBinIds: idsOf("capacityBin"),
    refillFaceIds: idsOf("refillFace"),
    lotIds: idsOf("lot"),
  };
}
