import { valueChangesBetween } from "../valuation/valued-lines";
import { z } from "zod";
import { Prisma } from "../db/generated/client";
import { analyticLines } from "./analytic-lines";
import { categoryCondition, periodBounds } from "./report-scope";
import { categoryFilterField, defineReport, periodFilters, siteFilterField, type ReportRow, type ReportSites } from "./report";

type Row = {
  sku: string | null;
  name: string | null;
  category: string | null;
  site: string | null;
  cogs: string;
  openingValue: string;
  closingValue: string;
  averageValue: string;
  sortKey: string | null;
};

/** Per grouping: what a row is keyed by, the columns it fills (the others null), and the order of the rows. */
const GROUPINGS = {
  item: { key: Prisma.sql`i.id, c.path`, select: Prisma.sql`i.sku, i.name, c.path AS category, NULL::text AS site, i."skuKey" AS "sortKey"` },
  category: {
    key: Prisma.sql`c.path`,
    select: Prisma.sql`NULL::text AS sku, NULL::text AS name, c.path AS category, NULL::text AS site, c.path AS "sortKey"`,
  },
  site: {
    key: Prisma.sql`s.code`,
    select: Prisma.sql`NULL::text AS sku, NULL::text AS name, NULL::text AS category, s.code AS site, s.code AS "sortKey"`,
  },
} as const;

const DAY_MS = 86_400_000;

/** A row's sort key (null: the row of items without a category, which comes last). */
const sortKey = z.tuple([z.string().nullable()]).transform(([key]) => key);

/**
 * Turnover and days of inventory over the period, per item (its sites in scope together), per category or per site.
 * Cost of goods sold is −Σ of the period's values in the `cogs` category, movements' (sales less customer returns)
 * and revaluations' (a landed cost's share for units already gone) alike, as the reconciliation counts it. The
 * average inventory is the daily average: the mean of the value at the end of each day of the period, computed in
 * closed form (opening × days + each change × the days it was on the books) rather than a row per day.
 * Turns = cogs ÷ average value (2 places; null when the average is 0); days of inventory = days ÷ turns (1 place;
 * null when turns are 0 or null). Turns are a ratio, not money, so they are numbers.
 */
export const turnoverReport = defineReport({
  name: "turnover",
  title: "Turnover and days of inventory",
  description:
    "Cost of goods sold over the period against the average value on hand (the mean of every day's closing value): turns and days of inventory, per item, category or site.",
  emptyText: "No valued stock was on hand or sold in this period. Choose a longer period or another site, or receive stock with a unit cost.",
  permission: "reports.view",
  filters: periodFilters({
    site: siteFilterField,
    category: categoryFilterField,
    by: z.enum(["item", "category", "site"]).default("item").describe("One row per item (its sites together), per category or per site"),
  }),
  formFields: [
    { name: "category", label: "Category" },
    {
      name: "by",
      label: "One row per",
      options: [
        { value: "item", label: "Item" },
        { value: "category", label: "Category" },
        { value: "site", label: "Site" },
      ],
    },
  ],
  columns: [
    { key: "sku", label: "SKU", type: "text", description: "With by=item" },
    { key: "name", label: "Name", type: "text", description: "With by=item" },
    { key: "category", label: "Category", type: "text", description: "With by=item or by=category" },
    { key: "site", label: "Site", type: "text", description: "With by=site" },
    { key: "cogs", label: "Cost of goods sold", type: "decimal", description: "Value that left to customers in the period, less returns" },
    { key: "openingValue", label: "Opening value", type: "decimal", description: "At the start of the first day" },
    { key: "closingValue", label: "Closing value", type: "decimal", description: "At the end of the last day" },
    { key: "averageValue", label: "Average value", type: "decimal", description: "Mean of the value at the end of each day, 4 places" },
    { key: "turns", label: "Turns", type: "decimal", description: "Cost of goods sold ÷ average value, 2 places" },
    { key: "daysOfInventory", label: "Days of inventory", type: "decimal", description: "Days in the period ÷ turns, 1 place" },
  ],
  // A row per item: 200,000 over the benchmark's catalogue.
  ...analyticLines<Filters, string | null, Row>({
    query: turnoverQuery,
    key: sortKey,
    keyOf: (row) => [row.sortKey === null ? null : String(row.sortKey)],
    toRow: withTurns,
  }),
});

type Filters = { from: string; to: string; category?: string; by: keyof typeof GROUPINGS };

const daysOf = (filters: Filters) => {
  const { start, end } = periodBounds(filters);
  return Math.round((end.getTime() - start.getTime()) / DAY_MS);
};

function withTurns(row: Row, filters: Filters): ReportRow {
  return { ...row, ...turnsOf(row.cogs, row.averageValue, daysOf(filters)) };
}

/**
 * The rows in their order (after the sort key `after`: null is the last row), or their number. Summed per item ×
 * site first (in memory: an analytic read), then joined to the item, category and site once per sum. Joined per
 * change (1.7 million over 90 days of the valuation benchmark), the planner looked each item up by its key and
 * sorted the changes on disk: 9.1 s in PostgreSQL. Most of what is left is the decimal arithmetic of the four
 * sums, ~2.3 µs a change.
 */
function turnoverQuery(filters: Filters, sites: ReportSites, { answer, after }: { answer: "rows" | "count"; after?: string | null }): Prisma.Sql {
  const { start, end } = periodBounds(filters);
  const days = daysOf(filters);
  const group = GROUPINGS[filters.by];
  const resume =
    after === undefined ? Prisma.empty : after === null ? Prisma.sql`AND false` : Prisma.sql`AND ("sortKey" > ${after} OR "sortKey" IS NULL)`;
  const rows = Prisma.sql`
      WITH changes AS (${valueChangesBetween(start, end, sites)}), per_item_site AS (
        SELECT x."itemId", x."siteId",
               coalesce(sum(x.value) FILTER (WHERE x."occurredAt" < ${start}), 0) AS opening,
               -- A change on day d is on the books at the end of d and of every later day of the period.
               coalesce(sum(x.value * (${filters.to}::date - x."occurredAt"::date + 1)) FILTER (WHERE x."occurredAt" >= ${start}), 0) AS weighted,
               coalesce(-sum(x.value) FILTER (WHERE x."occurredAt" >= ${start} AND x.category = 'cogs'), 0) AS cogs,
               coalesce(sum(x.value), 0) AS closing
          FROM changes x
         GROUP BY x."itemId", x."siteId"
      ), grouped AS (
        SELECT ${group.select}, sum(p.opening) AS opening, sum(p.weighted) AS weighted, sum(p.cogs) AS cogs, sum(p.closing) AS closing
          FROM per_item_site p
          JOIN "Item" i ON i.id = p."itemId" LEFT JOIN "Category" c ON c.id = i."categoryId"
          JOIN "Site" s ON s.id = p."siteId"
         WHERE true ${categoryCondition(Prisma.sql`i."categoryId"`, filters.category)}
         GROUP BY ${group.key}
      )`;
  const shown = Prisma.sql`(opening <> 0 OR weighted <> 0 OR cogs <> 0 OR closing <> 0)`;
  if (answer === "count") return Prisma.sql`${rows} SELECT count(*) AS count FROM grouped WHERE ${shown}`;
  return Prisma.sql`${rows}
      SELECT sku, name, category, site, "sortKey", cogs::numeric(18,4)::text AS cogs,
             opening::numeric(18,4)::text AS "openingValue", closing::numeric(18,4)::text AS "closingValue",
             round((opening * ${days} + weighted) / ${days}, 4)::numeric(18,4)::text AS "averageValue"
        FROM grouped
       WHERE ${shown} ${resume}
       ORDER BY "sortKey" NULLS LAST`;
}

/** Turns (2 places) and days of inventory (1 place) from exact decimals; ratios, so binary numbers are fine here. */
export function turnsOf(cogs: string, averageValue: string, days: number): { turns: number | null; daysOfInventory: number | null } {
  const average = Number(averageValue);
  if (average === 0) return { turns: null, daysOfInventory: null };
  const turns = Number(cogs) / average;
  return { turns: Math.round(turns * 100) / 100, daysOfInventory: turns === 0 ? null : Math.round((days / turns) * 10) / 10 };
}
