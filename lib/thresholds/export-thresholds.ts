import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import { stringifyCsv, type CsvRecord } from "../csv/stringify-csv";
import type { Db } from "../db/client";
import { THRESHOLD_CSV_COLUMNS, writeThresholdRow } from "./threshold-csv-row";

/** Rows a page at a time in id order (keyset on the primary key), only the sites the actor may view. */
async function* thresholdPages(db: Db, actor: Actor, pageSize: number): AsyncGenerator<CsvRecord[]> {
  const siteScope = actor.sites === "all" ? {} : { OR: [{ siteId: null }, { siteId: { in: [...actor.sites] } }] };
  let after: string | undefined;
  for (;;) {
    const rows = await db.stockThreshold.findMany({
      where: { ...siteScope, ...(after === undefined ? {} : { id: { gt: after } }) },
      select: {
        id: true,
        minQty: true,
        maxQty: true,
        reorderPoint: true,
        reorderQuantity: true,
        safetyStock: true,
        item: { select: { sku: true } },
        site: { select: { code: true } },
      },
      orderBy: { id: "asc" },
      take: pageSize,
    });
    if (rows.length > 0)
      yield rows.map((t) =>
        writeThresholdRow({
          sku: t.item.sku,
          site: t.site?.code ?? null,
          values: { min: t.minQty, max: t.maxQty, reorderPoint: t.reorderPoint, reorderQuantity: t.reorderQuantity, safetyStock: t.safetyStock },
        }),
      );
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1].id;
  }
}

/**
 * Every threshold row — item-wide defaults (site empty) and sites' own rows, each with only the values it sets
 * itself — as CSV in the columns the thresholds import reads, streamed a page at a time.
 */
export function exportThresholds(db: Db, actor: Actor, options: { pageSize?: number } = {}): AsyncIterable<string> {
  authorize(actor, "stock.view");
  return stringifyCsv(THRESHOLD_CSV_COLUMNS, thresholdPages(db, actor, options.pageSize ?? 1000));
}
