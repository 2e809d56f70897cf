import { z } from "zod";
import type { Db } from "../db/client";
import { divideRounded, fromTenThousandths, toTenThousandths } from "../money/fixed-point";
import { countValuedLines, instantOf, valueByCategory, valuedBatches, type LineKey } from "../valuation/valued-lines";
import { decodeCursor, encodeCursor } from "../db/key-cursor";
import {
  allRows,
  categoryFilterField,
  defineReport,
  isoDay,
  periodFilters,
  siteFilterField,
  STREAM_BATCH_SIZE,
  type ReportRow,
  type ReportSites,
  type StreamPage,
} from "./report";

type Filters = { category?: string; asOf: string };

/**
 * What the stock was worth at the end of a day (UTC), per item × site: the same lines as GET /api/v1/valuation
 * (lib/valuation/valued-lines.ts), with the category and the value per unit. `asOf` defaults to the period's `to`,
 * which is today when left out; the period's `from` plays no part.
 */
export const valuationReport = defineReport({
  name: "valuation",
  title: "Inventory valuation",
  description: "Per item and site, the units and their value at the end of the chosen day (today when left out), by each item's costing method.",
  emptyText: "Nothing was in stock with a value on this day. Choose a later day, another site or category, or receive stock with a unit cost.",
  permission: "reports.view",
  filters: periodFilters({
    site: siteFilterField,
    category: categoryFilterField,
    asOf: isoDay.optional().describe("The day whose end is valued (UTC); the period's `to` (today) when left out"),
  }).transform((q) => ({ ...q, asOf: q.asOf ?? q.to })),
  usesPeriod: false,
  formFields: [
    { name: "asOf", label: "Value as of", type: "date" },
    { name: "category", label: "Category" },
  ],
  columns: [
    { key: "sku", label: "SKU", type: "text" },
    { key: "name", label: "Name", type: "text" },
    { key: "category", label: "Category", type: "text" },
    { key: "site", label: "Site", type: "text" },
    { key: "method", label: "Method", type: "text", description: "fifo, average or standard: the item's costing method at the site today" },
    { key: "quantity", label: "Quantity", type: "integer", description: "Units in the valuation at the end of the day" },
    { key: "unitValue", label: "Unit value", type: "decimal", description: "value ÷ quantity, 4 places (half away from zero); empty when no units" },
    { key: "value", label: "Value", type: "decimal", description: "Exact, 4 places" },
  ],
  run(db, _actor, filters, sites) {
    return allRows(lineBatches(db, filters, sites, { after: null, size: STREAM_BATCH_SIZE }));
  },
  // A line per item × site: 400,000 over the benchmark's catalogue (docs/BENCHMARKS.md).
  streamed: {
    rows(db, _actor, filters, sites, page) {
      return lineBatches(db, filters, sites, page);
    },
    cursorOf: (row) => encodeCursor([String(row.sku), String(row.site)]),
    count(db, _actor, filters, sites) {
      return countValuedLines(db, instantOf(filters.asOf), sites, { category: filters.category });
    },
  },
  chartRows(db, _actor, filters, sites) {
    return valueByCategory(db, instantOf(filters.asOf), sites, { category: filters.category });
  },
});

async function* lineBatches(db: Db, filters: Filters, sites: ReportSites, page: StreamPage): AsyncGenerator<ReportRow[]> {
  const after = page.after === null ? null : decodeCursor(page.after, lineKey);
  const batches = valuedBatches(db, instantOf(filters.asOf), sites, { category: filters.category }, { after, size: page.size, atOnce: page.atOnce });
  for await (const lines of batches) yield lines.map((line) => ({ ...line, unitValue: unitValueOf(line.value, line.quantity) }));
}

const lineKey = z.tuple([z.string(), z.string()]).transform(([sku, site]): LineKey => ({ sku, site }));

/** value ÷ quantity to 4 places, exactly rounded; null when there are no units to divide by. */
export function unitValueOf(value: string, quantity: number): string | null {
  if (quantity === 0) return null;
  return fromTenThousandths(divideRounded(toTenThousandths(value), BigInt(quantity)));
}
