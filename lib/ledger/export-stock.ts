import { siteFilter, type Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import { stringifyCsv, type CsvRecord } from "../csv/stringify-csv";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { STOCK_CSV_COLUMNS, writeStockRow, type StockLevelRow } from "./stock-csv-row";

/**
 * Physical stock on hand at the actor's sites, a page at a time: keyset on the level's id (its primary key), so
 * each page is one index range however far into the file it is. The site filter is in the query itself.
 */
async function* levelPages(db: Db, actor: Actor, pageSize: number): AsyncGenerator<CsvRecord[]> {
  const sites = siteFilter(actor).siteId?.in;
  let after: string | undefined;
  for (;;) {
    const levels = await db.$queryRaw<(StockLevelRow & { id: string })[]>`
      SELECT sl.id, i.sku, l.code AS location, sl."onHand" AS quantity, lot.number AS lot,
        to_char(lot."expiresOn", 'YYYY-MM-DD') AS expires,
        CASE WHEN i.tracking = 'serial' THEN ARRAY(
          SELECT s.serial FROM "Serial" s
          WHERE s."itemId" = sl."itemId" AND s."locationId" = sl."locationId" AND s."lotId" IS NOT DISTINCT FROM sl."lotId"
          ORDER BY s.serial
        ) END AS serials
      FROM "StockLevel" sl
      JOIN "Item" i ON i.id = sl."itemId"
      JOIN "Location" l ON l.id = sl."locationId"
      LEFT JOIN "Lot" lot ON lot.id = sl."lotId"
      WHERE NOT sl."isVirtual" AND sl."onHand" > 0
        ${sites ? Prisma.sql`AND l."siteId" = ANY (${sites}::uuid[])` : Prisma.empty}
        ${after === undefined ? Prisma.empty : Prisma.sql`AND sl.id > ${after}::uuid`}
      ORDER BY sl.id
      LIMIT ${pageSize}`;
    if (levels.length > 0) yield levels.map(writeStockRow);
    if (levels.length < pageSize) return;
    after = levels[levels.length - 1].id;
  }
}

/**
 * Stock on hand at physical locations of the actor's sites as CSV text, in the columns the opening-stock
 * import reads (./stock-csv-row.ts): one row per item, location and lot, with the serials there for serial
 * items. Produced a page at a time as it is read, never as one string. Virtual locations (in transit, suppliers…)
 * are left out: they cannot be received into.
 */
export function exportStock(db: Db, actor: Actor, options: { pageSize?: number } = {}): AsyncIterable<string> {
  authorize(actor, "stock.view");
  return stringifyCsv(STOCK_CSV_COLUMNS, levelPages(db, actor, options.pageSize ?? 1_000));
}
