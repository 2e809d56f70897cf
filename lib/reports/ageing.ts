import { z } from "zod";
import { analyticRows, NESTED_LOOPS } from "../db/analytic-read";
import type { CostingMethod } from "../db/generated/client";
import { Prisma } from "../db/generated/client";
import { AGE_BUCKETS } from "./age-buckets";
import { analyticLines } from "./analytic-lines";
import { categoryCondition, siteCondition } from "./report-scope";
import {
  categoryFilterField,
  defineReport,
  periodFilters,
  siteFilterField,
  utcToday,
  type ReportColumn,
  type ReportFilters,
  type ReportSites,
} from "./report";

type Row = { sku: string; name: string; category: string | null; site: string; method: CostingMethod } & Record<string, string | number | null>;

const bucketColumns: ReportColumn[] = AGE_BUCKETS.flatMap((b) => [
  { key: `units${b.key}`, label: `Units ${b.label}`, type: "integer" as const },
  { key: `value${b.key}`, label: `Value ${b.label}`, type: "decimal" as const },
]);

type LineKey = { skuKey: string; site: string };

/** The line a cursor names: the item's SKU key and the site's code, the answer's order. */
const lineKey = z.tuple([z.string(), z.string()]).transform(([skuKey, site]): LineKey => ({ skuKey, site }));

/**
 * Ageing of the stock on hand today, per item × site: the units of the cost layers still open (quantity > 0) by
 * how long ago they came in (the layer's receivedAt: the receipt's day, kept across transfers), in five buckets,
 * with their value. A FIFO or standard layer carries its own value; an average-method layer carries none (the
 * state holds it), so its value is the state's value × layer units ÷ state units, shared by cumulative rounding to
 * 4 places in receipt order so the shares add up to the state's value exactly when the layers hold all its units.
 * Units on hand beyond the layers (stock that predates valuation) have no receipt date and are not aged.
 */
export const ageingReport = defineReport({
  name: "ageing",
  title: "Stock ageing",
  description:
    "Per item and site, the units on hand today and their value by how long ago they were received: 0–30, 31–60, 61–90, 91–180 and over 180 days. Today's stock: the period does not apply.",
  emptyText: "No received stock is on hand here. Choose another site or category, or receive stock first.",
  permission: "reports.view",
  filters: periodFilters({ site: siteFilterField, category: categoryFilterField }),
  usesPeriod: false,
  formFields: [{ name: "category", label: "Category" }],
  columns: [
    { key: "sku", label: "SKU", type: "text" },
    { key: "name", label: "Name", type: "text" },
    { key: "category", label: "Category", type: "text" },
    { key: "site", label: "Site", type: "text" },
    { key: "method", label: "Method", type: "text" },
    ...bucketColumns,
    { key: "units", label: "Units", type: "integer", description: "All open layers" },
    { key: "value", label: "Value", type: "decimal", description: "All open layers, exact" },
  ],
  // A line per item × site with open layers: as many as items × sites. The layers of an item × site are found by
  // their keys, row by row.
  ...analyticLines<ReportFilters, LineKey, Row>({
    query: ageingQuery,
    key: lineKey,
    keyOf: (row) => [String(row.skuKey), String(row.site)],
    settings: () => NESTED_LOOPS,
    toRow: (row) => row,
  }),
  // The chart on its page: every line's buckets summed (one row), not the page shown.
  chartRows(db, _actor, filters, sites) {
    return analyticRows(db, ageingQuery(filters, sites, { answer: "totals" }), NESTED_LOOPS);
  },
});

/** The lines in their order (after `after`), their number, or every line's buckets summed. */
function ageingQuery(
  filters: ReportFilters,
  sites: ReportSites,
  { answer, after }: { answer: "rows" | "count" | "totals"; after?: LineKey },
): Prisma.Sql {
  const today = utcToday();
  const bucketSums = Prisma.join(
    AGE_BUCKETS.map((b) => {
      const inBucket = Prisma.raw(b.max === null ? `age >= ${b.min}` : `age BETWEEN ${b.min} AND ${b.max}`);
      return Prisma.sql`coalesce(sum(quantity) FILTER (WHERE ${inBucket}), 0)::int AS ${Prisma.raw(`"units${b.key}"`)},
          coalesce(sum(value) FILTER (WHERE ${inBucket}), 0)::numeric(18,4)::text AS ${Prisma.raw(`"value${b.key}"`)}`;
    }),
  );
  const layers = Prisma.sql`
      WITH open_layers AS (
        SELECT l."itemId", l."siteId", l.quantity, l.value, l."receivedAt", l.id,
               (${today}::date - l."receivedAt"::date) AS age,
               cs.method, cs.quantity AS "stateQuantity", cs.value AS "stateValue",
               sum(l.quantity) OVER (PARTITION BY l."itemId", l."siteId" ORDER BY l."receivedAt", l.id) AS through
          FROM "CostLayer" l
          JOIN "CostState" cs ON cs."itemId" = l."itemId" AND cs."siteId" = l."siteId"
          JOIN "Item" i ON i.id = l."itemId"
         WHERE l.quantity > 0 ${siteCondition(Prisma.sql`l."siteId"`, sites)} ${categoryCondition(Prisma.sql`i."categoryId"`, filters.category)}
      ), valued AS (
        SELECT "itemId", "siteId", method, quantity, age,
               CASE WHEN method <> 'average' THEN value
                    WHEN "stateQuantity" <= 0 THEN 0
                    ELSE round("stateValue" * through / "stateQuantity", 4) - round("stateValue" * (through - quantity) / "stateQuantity", 4)
               END AS value
          FROM open_layers
      )`;
  if (answer === "count") return Prisma.sql`${layers} SELECT count(DISTINCT ("itemId", "siteId")) AS count FROM valued`;
  if (answer === "totals") return Prisma.sql`${layers} SELECT ${bucketSums} FROM valued`;
  return Prisma.sql`${layers}
      SELECT i.sku, i."skuKey", i.name, c.path AS category, s.code AS site, v.method::text AS method, ${bucketSums},
             sum(v.quantity)::int AS units, sum(v.value)::numeric(18,4)::text AS value
        FROM valued v
        JOIN "Item" i ON i.id = v."itemId" LEFT JOIN "Category" c ON c.id = i."categoryId"
        JOIN "Site" s ON s.id = v."siteId"
       WHERE ${after ? Prisma.sql`(i."skuKey", s.code) > (${after.skuKey}, ${after.site})` : Prisma.sql`true`}
       GROUP BY i.id, c.path, s.code, v.method
       ORDER BY i."skuKey", s.code`;
}
