import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import { stringifyCsv, type CsvRecord } from "../csv/stringify-csv";
import type { Db } from "../db/client";
import { ITEM_CSV_COLUMNS, writeItemRow } from "./item-csv-row";
import { itemWithRelations, toItemView } from "./item-view";

/** Active items a page at a time, in SKU order: keyset on the SKU key (unique, indexed), so each page is one index range. */
async function* itemPages(db: Db, pageSize: number): AsyncGenerator<CsvRecord[]> {
  let after: string | undefined;
  for (;;) {
    const items = await db.item.findMany({
      where: { active: true, ...(after === undefined ? {} : { skuKey: { gt: after } }) },
      include: itemWithRelations,
      orderBy: { skuKey: "asc" },
      take: pageSize,
    });
    const thresholds = await defaultThresholdsOf(
      db,
      items.map((item) => item.id),
    );
    if (items.length > 0) yield items.map((item) => writeItemRow(toItemView(item), thresholds.get(item.id)));
    if (items.length < pageSize) return;
    after = items[items.length - 1].skuKey;
  }
}

/** The item-wide default thresholds of these items, by item id (lib/thresholds). */
async function defaultThresholdsOf(db: Db, itemIds: string[]) {
  const rows = await db.stockThreshold.findMany({ where: { itemId: { in: itemIds }, siteId: null } });
  return new Map(
    rows.map((t) => [
      t.itemId,
      { min: t.minQty, max: t.maxQty, reorderPoint: t.reorderPoint, reorderQuantity: t.reorderQuantity, safetyStock: t.safetyStock },
    ]),
  );
}

/**
 * The catalogue's active items as CSV text, in the columns the items import reads (./item-csv-row.ts), produced
 * a page at a time as it is read, so 100,000 items never become one string. Items are not site-bound: whoever
 * may view stock may read the catalogue (as GET /api/v1/items). Pages are read one after another, not as one
 * snapshot: an item added during a long export appears if its SKU sorts after the page being read.
 */
export function exportItems(db: Db, actor: Actor, options: { pageSize?: number } = {}): AsyncIterable<string> {
  authorize(actor, "stock.view");
  return stringifyCsv(ITEM_CSV_COLUMNS, itemPages(db, options.pageSize ?? 500));
}
