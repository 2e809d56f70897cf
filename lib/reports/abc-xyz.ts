import { z } from "zod";
import { analyticRows } from "../db/analytic-read";
import { Prisma } from "../db/generated/client";
import { categoryCondition, periodBounds, siteCondition } from "./report-scope";
import { categoryFilterField, defineReport, periodFilters, siteFilterField } from "./report";

type Row = { sku: string; name: string; site: string; abc: "A" | "B" | "C"; units: number; sumOfSquares: number; value: string; valueShare: number };

const WEEK_MS = 7 * 86_400_000;
/** The cumulative shares of consumption value that end class A and class B, unless the caller says otherwise. */
export const DEFAULT_ABC_SHARES = { a: 0.8, b: 0.95 } as const;
/** Days between counts per ABC class; a Z item (erratic demand) is counted as often as the class above it. */
const COUNT_EVERY_DAYS = { A: 30, B: 90, C: 180 } as const;

const share = (description: string, fallback: number) => z.coerce.number().gt(0).lt(1).default(fallback).describe(description);

/**
 * ABC by consumption value over the period — A the items making up the first `a` of the site's value, B up to
 * `b`, C the rest — crossed with XYZ by the variability of weekly demand (coefficient of variation: X up to `x`,
 * Y up to `y`, Z above; weeks without demand count as 0), with the count frequency the class calls for. Items
 * with demand in the period, per site. Consumption value is what the units cost when they left (valued cost of
 * goods sold, net of returns and reversals; docs/valuation.md), so an item nobody priced ranks last.
 */
export const abcXyzReport = defineReport({
  name: "abc-xyz",
  title: "ABC × XYZ",
  description:
    "Per item and site with demand in the period: its share of consumption value (ABC), how steady its weekly demand was (XYZ), and how often to count it.",
  emptyText: "Nothing left to customers in this period. Choose a longer period or another site.",
  permission: "reports.view",
  filters: periodFilters({
    site: siteFilterField,
    category: categoryFilterField,
    a: share("Cumulative share of consumption value that is class A", DEFAULT_ABC_SHARES.a),
    b: share("Cumulative share up to which items are class B (the rest is C)", DEFAULT_ABC_SHARES.b),
    x: z.coerce.number().positive().default(0.5).describe("Weekly demand's coefficient of variation up to which an item is X"),
    y: z.coerce.number().positive().default(1).describe("… up to which it is Y (above: Z)"),
  })
    .refine((f) => f.a < f.b, { path: ["b"], message: "Above a" })
    .refine((f) => f.x < f.y, { path: ["y"], message: "Above x" }),
  columns: [
    { key: "sku", label: "SKU", type: "text" },
    { key: "name", label: "Name", type: "text" },
    { key: "site", label: "Site", type: "text" },
    { key: "abc", label: "ABC", type: "text" },
    { key: "xyz", label: "XYZ", type: "text" },
    { key: "class", label: "Class", type: "text" },
    { key: "units", label: "Units issued", type: "integer" },
    { key: "consumptionValue", label: "Consumption value", type: "decimal" },
    { key: "valueShare", label: "Share of value", type: "percent" },
    { key: "weeklyCv", label: "CV of weekly demand", type: "decimal" },
    { key: "countEveryDays", label: "Count every (days)", type: "integer" },
  ],
  async run(db, _actor, filters, sites) {
    const { start, end } = periodBounds(filters);
    const weeks = Math.max(1, Math.ceil((end.getTime() - start.getTime()) / WEEK_MS));
    // Consumption is the valued cost of goods sold (MovementValue, category cogs): sales less what customers
    // sent back and reversals, at what the units cost when they left, dated by when it happened — one table, no
    // location joins and no cost look-up per movement. Values are summed as the exact decimals they are, and only
    // each item's sum made integer ten-thousandths, which sort and add faster. Measured over 10 million movements
    // (docs/BENCHMARKS.md):
    // - over four weeks or more, the period's sales are read by item × site in time order from a partial index
    //   that holds them (the weeks come in the order they are grouped: no sort of the period's sales; with sorts
    //   allowed, the planner, which cannot know that, reads by date and sorts); over less, by date and sorted,
    //   as the whole index is then more to read than the period;
    // - weekly groups sorted beat hashing a million of them; a parallel plan ran the aggregation once per worker;
    // - the ranking sorts 400,000 rows by site first: by the site's ordinal (an integer) rather than its code,
    //   which PostgreSQL compares with a generic routine on every row of a site (2–3× slower); codes in
    //   code-point order, as the answer's order is the ranking's.
    const byItem = end.getTime() - start.getTime() >= 4 * WEEK_MS;
    const rows = await analyticRows<Row>(
      db,
      Prisma.sql`
      WITH weekly AS (
        SELECT v."siteId", v."itemId", (v."occurredAt"::date - ${filters.from}::date) / 7 AS week,
               (-SUM(v.quantity))::int AS units, -SUM(v.value) AS worth
        FROM "MovementValue" v
        WHERE v.category = 'cogs' AND v."occurredAt" >= ${start} AND v."occurredAt" < ${end}
          ${siteCondition(Prisma.sql`v."siteId"`, sites)}
        GROUP BY 1, 2, 3
      ), per_item AS (
        SELECT "siteId", "itemId", SUM(units)::int AS units, SUM(units::float8 * units) AS "sumOfSquares",
               (SUM(worth) * 10000)::int8 AS worth
        FROM weekly GROUP BY 1, 2 HAVING SUM(units) > 0
      ), site AS (
        SELECT id, code COLLATE "C" AS code, row_number() OVER (ORDER BY code COLLATE "C") AS ordinal FROM "Site"
      ), ranked AS (
        SELECT i.sku, i.name, i."categoryId", s.code AS site, s.ordinal, p.units, p."sumOfSquares", p.worth,
               SUM(p.worth) OVER (PARTITION BY s.ordinal ORDER BY p.worth DESC, i.sku COLLATE "C" ROWS UNBOUNDED PRECEDING) - p.worth AS before,
               SUM(p.worth) OVER (PARTITION BY s.ordinal) AS total
        FROM per_item p JOIN "Item" i ON i.id = p."itemId" JOIN site s ON s.id = p."siteId"
      )
      SELECT sku, name, site, units, "sumOfSquares", (worth / 10000.0)::numeric(18, 4)::text AS value,
             CASE WHEN before < ${filters.a} * total THEN 'A' WHEN before < ${filters.b} * total THEN 'B' ELSE 'C' END AS abc,
             worth::float8 / NULLIF(total, 0)::float8 AS "valueShare"
      FROM ranked
      WHERE true ${categoryCondition(Prisma.sql`"categoryId"`, filters.category)}
      ORDER BY ordinal, worth DESC, sku COLLATE "C"`,
      { enable_hashagg: "off", max_parallel_workers_per_gather: "0", jit: "off", ...(byItem ? { enable_sort: "off" } : {}) },
    );
    return { rows: rows.map((row) => classify(row, weeks, filters)) };
  },
});

/** XYZ from the weekly demand's mean and spread (the weeks of the period, those without demand as 0), and the count frequency. */
function classify(row: Row, weeks: number, limits: { x: number; y: number }) {
  const abc = row.abc;
  const mean = row.units / weeks;
  const variance = Math.max(0, row.sumOfSquares / weeks - mean * mean);
  const cv = Math.sqrt(variance) / mean;
  const xyz = cv <= limits.x ? "X" : cv <= limits.y ? "Y" : "Z";
  const countClass = xyz === "Z" && abc !== "A" ? (abc === "C" ? "B" : "A") : abc;
  return {
    sku: row.sku,
    name: row.name,
    site: row.site,
    abc,
    xyz,
    class: `${abc}${xyz}`,
    units: row.units,
    consumptionValue: row.value,
    valueShare: row.valueShare,
    weeklyCv: cv.toFixed(2),
    countEveryDays: COUNT_EVERY_DAYS[countClass],
  };
}
