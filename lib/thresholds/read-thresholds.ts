import { Prisma } from "../db/generated/client";
import type { Db, DbTx } from "../db/client";
import { THRESHOLD_FIELDS, type ThresholdField, type ThresholdsInForce } from "./schemas";

type Row = { site: string; own: Record<string, number | null> | null; force: Record<string, number | null> | null };
type DefaultRow = Record<string, number | null>;

const VALUES = Prisma.sql`json_build_object('min', "minQty", 'max', "maxQty", 'reorderPoint', "reorderPoint",
  'reorderQuantity', "reorderQuantity", 'safetyStock', "safetyStock")`;

/**
 * The thresholds in force for an item at each site (all, or `siteIds`), by site code, with which fields are the
 * site's own and which come from the item-wide default. Values are read from the "StockThresholdInForce" view, the
 * one rule every reader shares; a site with nothing in force answers nulls.
 */
export async function readSiteThresholds(db: Db | DbTx, item: { id: string; sku: string }, siteIds: "all" | readonly string[]) {
  const sites = siteIds === "all" ? Prisma.sql`s.active` : Prisma.sql`s.active AND s.id = ANY(${[...siteIds]}::uuid[])`;
  const rows = await db.$queryRaw<Row[]>`
    SELECT s.code AS site,
      (SELECT ${VALUES} FROM "StockThreshold" WHERE "itemId" = ${item.id}::uuid AND "siteId" = s.id) AS own,
      (SELECT ${VALUES} FROM "StockThresholdInForce" WHERE "itemId" = ${item.id}::uuid AND "siteId" = s.id) AS force
    FROM "Site" s WHERE ${sites} ORDER BY s.code`;
  return rows.map((row) => siteView(item.sku, row));
}

/** The item-wide default row's values (nulls when it has none). */
export async function readDefaultThresholds(db: Db | DbTx, item: { id: string; sku: string }): Promise<ThresholdsInForce> {
  const [row] = await db.$queryRaw<{ values: DefaultRow }[]>`
    SELECT ${VALUES} AS values FROM "StockThreshold" WHERE "itemId" = ${item.id}::uuid AND "siteId" IS NULL`;
  const values = Object.fromEntries(THRESHOLD_FIELDS.map((f) => [f, row?.values[f] ?? null])) as Record<ThresholdField, number | null>;
  return { sku: item.sku, site: null, ...values, own: THRESHOLD_FIELDS.filter((f) => values[f] !== null), inherited: [] };
}

function siteView(sku: string, row: Row): ThresholdsInForce {
  const value = (f: ThresholdField) => row.force?.[f] ?? null;
  const isOwn = (f: ThresholdField) => row.own?.[f] !== undefined && row.own[f] !== null;
  return {
    sku,
    site: row.site,
    min: value("min"),
    max: value("max"),
    reorderPoint: value("reorderPoint"),
    reorderQuantity: value("reorderQuantity"),
    safetyStock: value("safetyStock"),
    own: THRESHOLD_FIELDS.filter(isOwn),
    inherited: THRESHOLD_FIELDS.filter((f) => !isOwn(f) && value(f) !== null),
  };
}
