import { siteFilter, type Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import { availableOfLevel } from "../availability/availability-rule";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { normaliseBarcode } from "./barcode";
import { normaliseCategoryPath } from "./category-path";
import { itemTableQuery, type ItemTableParams, type ItemTableQuery, type ItemTableSort, type StockStatus } from "./schemas";

export type ItemTableRow = {
  sku: string;
  name: string;
  category: string | null;
  unit: string;
  tracking: "none" | "lot" | "serial";
  onHand: number;
  reserved: number;
  available: number;
  reorderPoint: number;
  status: StockStatus;
};

export type ItemTable = { rows: ItemTableRow[]; total: number; page: number; pageSize: number };

/** Sorts on the item alone: the page can be read along an index and stock summed for its rows only. */
const ITEM_SORTS: ReadonlySet<ItemTableSort> = new Set(["sku", "name", "category"]);

// Sort keys in terms of `i` (item), `c` (category) and `st` (stock sums), from this fixed table and never from
// the request, so Prisma.raw is safe. The SKU key breaks ties so equal values page the same way every time.
const SORT_KEY: Record<ItemTableSort, string> = {
  sku: `i."skuKey"`,
  name: `i.name`,
  category: `c.path`,
  onHand: `COALESCE(st."onHand", 0)`,
  available: `COALESCE(st.available, 0)`,
};

// The reorder point in force: at the site asked for, its own else the item-wide default's (the rule of the
// "StockThresholdInForce" view, written as two joins on the thresholds' unique indexes so the planner can start
// from either side); with no site, the item-wide default's. 0 when there is none.
function reorderPointJoin(query: ItemTableParams): Prisma.Sql {
  const fallback = Prisma.sql`LEFT JOIN "StockThreshold" rpd ON rpd."itemId" = i.id AND rpd."siteId" IS NULL`;
  if (!query.site) return fallback;
  return Prisma.sql`${fallback} LEFT JOIN "StockThreshold" rps ON rps."itemId" = i.id
    AND rps."siteId" = (SELECT s.id FROM "Site" s WHERE s.code = ${query.site})`;
}
const reorderPointOf = (query: ItemTableParams) =>
  query.site ? Prisma.sql`COALESCE(rps."reorderPoint", rpd."reorderPoint", 0)::float8` : Prisma.sql`COALESCE(rpd."reorderPoint", 0)::float8`;

// Written without COALESCE on purpose for low and in: a condition that is false for an item with no stock row lets
// the planner turn the outer join into an inner one and start from the (smaller) set of stocked items.
function statusCondition(status: StockStatus, query: ItemTableParams): Prisma.Sql {
  if (status === "out") return Prisma.sql`COALESCE(st.available, 0) <= 0`;
  const reorderPoint = reorderPointOf(query);
  return status === "low"
    ? Prisma.sql`st.available > 0 AND st.available <= ${reorderPoint}`
    : Prisma.sql`st.available > 0 AND st.available > ${reorderPoint}`;
}

// A level's available quantity under the one rule, in stockByItem's aliases.
const AVAILABLE = availableOfLevel({ level: "sl", location: "l", lot: "lo" });

const escapeLike = (text: string) => text.replace(/[\\%_]/g, "\\$&");

/** Conditions on the item (`i`) alone. */
function itemConditions(query: ItemTableParams): Prisma.Sql {
  const conditions = [Prisma.sql`i.active`];
  if (query.q) {
    const barcodes = [...new Set([query.q, normaliseBarcode(query.q)])];
    // ARRAY(…) runs the barcode lookup once, as an init plan; an EXISTS per item misleads the planner's costs
    // enough to switch on JIT compilation, which costs more than the whole query.
    conditions.push(Prisma.sql`(
      i."skuKey" LIKE ${`%${escapeLike(query.q.toLowerCase())}%`}
      OR i.name ILIKE ${`%${escapeLike(query.q)}%`}
      OR i.id = ANY (ARRAY(SELECT b."itemId" FROM "Barcode" b WHERE b.code IN (${Prisma.join(barcodes)})))
    )`);
  }
  if (query.category) {
    const path = normaliseCategoryPath(query.category);
    // " > " separates levels: "Power" takes "Power > Drills" but not its sibling "Power tools".
    conditions.push(Prisma.sql`i."categoryId" = ANY (ARRAY(
      SELECT c.id FROM "Category" c WHERE c.path = ${path} OR c.path LIKE ${`${escapeLike(path)} > %`}
    ))`);
  }
  if (query.supplier) {
    conditions.push(Prisma.sql`i.id = ANY (ARRAY(
      SELECT x."itemId" FROM "ItemSupplier" x JOIN "Supplier" s ON s.id = x."supplierId" WHERE s.code = ${query.supplier}
    ))`);
  }
  return Prisma.join(conditions, " AND ");
}

/**
 * Physical stock per item over the levels the actor may see: its sites (siteFilter, in the query itself so no
 * screen shows more than the API allows) and, when asked, one site. `available` is the one rule's
 * (lib/availability/availability-rule.ts), summed per level. `onlyItems` limits the sums to some items.
 */
function stockByItem(actor: Actor, query: ItemTableParams, onlyItems?: Prisma.Sql): Prisma.Sql {
  const scope = siteFilter(actor).siteId?.in;
  const conditions = [Prisma.sql`NOT sl."isVirtual"`];
  if (onlyItems) conditions.push(Prisma.sql`sl."itemId" IN (${onlyItems})`);
  if (scope) conditions.push(scope.length > 0 ? Prisma.sql`l."siteId" IN (${Prisma.join(scope)})` : Prisma.sql`false`);
  if (query.site) conditions.push(Prisma.sql`l."siteId" = (SELECT s.id FROM "Site" s WHERE s.code = ${query.site})`);
  return Prisma.sql`(
    SELECT sl."itemId", SUM(sl."onHand") AS "onHand", SUM(sl.reserved) AS reserved, SUM(${AVAILABLE}) AS available
    FROM "StockLevel" sl JOIN "Location" l ON l.id = sl."locationId" LEFT JOIN "Lot" lo ON lo.id = sl."lotId"
    WHERE ${Prisma.join(conditions, " AND ")}
    GROUP BY sl."itemId"
  )`;
}
/**
 * The two statements behind listItemTable, apart so bench/items-table.ts can EXPLAIN ANALYZE them.
 *
 * Rows in two steps: `page` picks the ids of the page, then the outer query reads those few items in full and
 * sums their stock. Sorted by SKU, name or category with no status asked for, `page` walks an index and never
 * touches stock; sorted by a quantity or filtered by status, it joins every item to the grouped stock sums.
 */
export function itemTableStatements(actor: Actor, query: ItemTableParams): { rows: Prisma.Sql; count: Prisma.Sql } {
  const sortKey = Prisma.raw(`${SORT_KEY[query.sort]} ${query.dir === "desc" ? "DESC" : "ASC"} NULLS LAST, i."skuKey" ASC`);
  const needsStock = query.status !== undefined || !ITEM_SORTS.has(query.sort);
  const stockJoin = needsStock ? Prisma.sql`LEFT JOIN ${stockByItem(actor, query)} st ON st."itemId" = i.id` : Prisma.empty;
  const categoryJoin = query.sort === "category" ? Prisma.sql`LEFT JOIN "Category" c ON c.id = i."categoryId"` : Prisma.empty;
  const where = query.status ? Prisma.sql`${itemConditions(query)} AND ${statusCondition(query.status, query)}` : itemConditions(query);
  const statusJoin = query.status ? Prisma.sql`${stockJoin} ${reorderPointJoin(query)}` : Prisma.empty;
  const available = Prisma.raw(SORT_KEY.available);
  const reorderPoint = reorderPointOf(query);

  const rows = Prisma.sql`
    WITH page AS MATERIALIZED (
      SELECT i.id FROM "Item" i ${categoryJoin} ${stockJoin} ${query.status ? reorderPointJoin(query) : Prisma.empty}
      WHERE ${where}
      ORDER BY ${sortKey}
      LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}
    )
    SELECT i.sku, i.name, c.path AS category, i.unit, i.tracking::text AS tracking,
      COALESCE(st."onHand", 0)::float8 AS "onHand",
      COALESCE(st.reserved, 0)::float8 AS reserved,
      ${available}::float8 AS available,
      ${reorderPoint} AS "reorderPoint",
      CASE WHEN ${available} <= 0 THEN 'out' WHEN ${available} <= ${reorderPoint} THEN 'low' ELSE 'in' END AS status
    FROM page p
    JOIN "Item" i ON i.id = p.id
    LEFT JOIN "Category" c ON c.id = i."categoryId"
    LEFT JOIN ${stockByItem(actor, query, Prisma.sql`SELECT id FROM page`)} st ON st."itemId" = i.id
    ${reorderPointJoin(query)}
    ORDER BY ${sortKey}`;
  const count = Prisma.sql`SELECT count(*) AS total FROM "Item" i ${statusJoin} WHERE ${where}`;
  return { rows, count };
}

/**
 * The items screen: active items with their stock at the actor's sites, filtered, sorted and paged in the
 * database (one statement for the page, one for the count, run side by side). Sums cover physical locations
 * only; available under the one rule (storage bins, lots in date, never below zero per level); status out when nothing is available, low at or below the reorder
 * point in force (at the site asked for, else the item-wide default's; 0 when there is none), in above it. A `site` narrows the sums, not the items.
 */
export async function listItemTable(db: Db, actor: Actor, input: ItemTableQuery = {}): Promise<ItemTable> {
  authorize(actor, "stock.view");
  const query = itemTableQuery.parse(input);
  const statements = itemTableStatements(actor, query);
  const [rows, [{ total }]] = await Promise.all([db.$queryRaw<ItemTableRow[]>(statements.rows), db.$queryRaw<{ total: bigint }[]>(statements.count)]);
  return { rows, total: Number(total), page: query.page, pageSize: query.pageSize };
}
