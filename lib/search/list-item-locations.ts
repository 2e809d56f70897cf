import { siteFilter, type Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import { availableOfLevel } from "../availability/availability-rule";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { NotFound } from "../domain-error";
import type { ItemLocation } from "./schemas";

type Row = {
  location: string | null;
  site: string | null;
  lot: string | null;
  expiresOn: string | null;
  onHand: number | null;
  available: number | null;
  x: number | null;
  y: number | null;
  width: number | null;
  height: number | null;
};

/** A level's available quantity under the one rule (lib/availability/availability-rule.ts), in the statement's aliases. */
const AVAILABLE = availableOfLevel({ level: "sl", location: "l", lot: "lo" });

/** A number of a map shape, or null when the shape has none (maps are edited by hand; nothing is trusted). */
const shapeNumber = (key: string) => Prisma.raw(`(CASE WHEN jsonb_typeof(shape -> '${key}') = 'number' THEN (shape ->> '${key}')::float8 END)`);

/**
 * The statement behind listItemLocations, apart for bench/search.ts. One row per physical level with stock at
 * the sites the actor may see, with the bin's shape on its site's map (SiteMap.shapes, the first shape whose
 * `location` is the bin's code); a single row of nulls when the item exists but has no such stock, none when
 * there is no item.
 */
export function itemLocationsStatement(actor: Actor, sku: string): Prisma.Sql {
  const scope = siteFilter(actor).siteId?.in;
  const inScope = !scope ? Prisma.empty : scope.length > 0 ? Prisma.sql`AND l."siteId" IN (${Prisma.join(scope)})` : Prisma.sql`AND false`;
  return Prisma.sql`
    SELECT v.location, v.site, v.lot, v."expiresOn", v."onHand", v.available,
      ${shapeNumber("x")} AS x, ${shapeNumber("y")} AS y, ${shapeNumber("width")} AS width, ${shapeNumber("height")} AS height
    FROM "Item" i
    LEFT JOIN LATERAL (
      SELECT l.code AS location, s.code AS site, lo.number AS lot, to_char(lo."expiresOn", 'YYYY-MM-DD') AS "expiresOn",
        sl."onHand"::int AS "onHand", ${AVAILABLE}::int AS available, lo."expiresOn" AS expiry,
        jsonb_path_query_first(m.shapes, '$[*] ? (@.location == $code)', jsonb_build_object('code', l.code)) AS shape
      FROM "StockLevel" sl
      JOIN "Location" l ON l.id = sl."locationId"
      JOIN "Site" s ON s.id = l."siteId"
      LEFT JOIN "Lot" lo ON lo.id = sl."lotId"
      LEFT JOIN "SiteMap" m ON m."siteId" = l."siteId"
      WHERE sl."itemId" = i.id AND NOT sl."isVirtual" AND sl."onHand" > 0 ${inScope}
    ) v ON true
    WHERE i."skuKey" = ${sku.trim().toLowerCase()}
    ORDER BY v.expiry NULLS LAST, v.site, v.location, v.lot`;
}

/**
 * "Where is item X": every bin holding it at the sites the actor may see, earliest expiry first, each with its
 * lot and, when the site's map has a shape for the bin, where to find it on the map. Throws NotFound for an
 * unknown SKU; an item with no stock in sight answers an empty list.
 */
export async function listItemLocations(db: Db, actor: Actor, sku: string): Promise<ItemLocation[]> {
  authorize(actor, "stock.view");
  const rows = await db.$queryRaw<Row[]>(itemLocationsStatement(actor, sku));
  if (rows.length === 0) throw new NotFound("Item", sku);
  return rows.flatMap(({ location, site, lot, expiresOn, onHand, available, x, y, width, height }) => {
    if (location === null || site === null || onHand === null) return [];
    const place = x !== null && y !== null ? { x, y, ...(width !== null ? { width } : {}), ...(height !== null ? { height } : {}) } : {};
    return [{ location, site, lot, expiresOn, onHand, available: available ?? 0, ...place }];
  });
}
