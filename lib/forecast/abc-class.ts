import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { abcClassCase, DEFAULT_ABC_SHARES } from "../reports/abc-xyz";
import type { AbcClass } from "./reorder-point";

const YEAR_MS = 365 * 86_400_000;

/**
 * The items' ABC classes at a site by consumption value over the year to `now` — the valued cost of goods sold, as
 * the abc-xyz report ranks with its default shares (value, then SKU in code-point order): the items making up the
 * first 80% of the value are A, the next 15% B, the rest C. An item with no sales, or none with a cost, is C. Each row of the site's year
 * is read whatever is asked, so a caller classing many items asks once (siteAbcClasses).
 */
function classesAtSite(siteId: string, now: Date): Prisma.Sql {
  return Prisma.sql`
    WITH value AS (
      SELECT v."itemId", -sum(v.value) AS worth
      FROM "MovementValue" v
      WHERE v."siteId" = ${siteId}::uuid AND v.category = 'cogs'
        AND v."occurredAt" > ${new Date(now.getTime() - YEAR_MS)} AND v."occurredAt" <= ${now}
      GROUP BY v."itemId" HAVING sum(v.value) < 0
    ), ranked AS (
      SELECT v."itemId", sum(v.worth) OVER (ORDER BY v.worth DESC, i.sku COLLATE "C" ROWS UNBOUNDED PRECEDING) - v.worth AS before,
             sum(v.worth) OVER () AS total
      FROM value v JOIN "Item" i ON i.id = v."itemId"
    )
    SELECT "itemId", ${abcClassCase(DEFAULT_ABC_SHARES)} AS class
    FROM ranked`;
}

/** One item's ABC class at a site (the forecast page). */
export async function abcClassOf(db: Db, itemId: string, siteId: string, now = new Date()): Promise<AbcClass> {
  const [row] = await db.$queryRaw<{ class: AbcClass }[]>`SELECT class FROM (${classesAtSite(siteId, now)}) c WHERE "itemId" = ${itemId}::uuid`;
  return row?.class ?? "C";
}

/** Every item's ABC class at a site, in one read: those not in the map are C. */
export async function siteAbcClasses(db: Db, siteId: string, now = new Date()): Promise<Map<string, AbcClass>> {
  const rows = await db.$queryRaw<{ itemId: string; class: AbcClass }[]>`
    SELECT "itemId", class FROM (${classesAtSite(siteId, now)}) c WHERE class <> 'C'`;
  return new Map(rows.map((row) => [row.itemId, row.class]));
}
