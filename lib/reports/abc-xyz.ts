import { z } from "zod";
import { analyticRows } from "../db/analytic-read";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { analyticLines } from "./analytic-lines";
import { categoryCondition, periodBounds, siteCondition } from "./report-scope";
import { categoryFilterField, defineReport, periodFilters, siteFilterField, type ReportRow, type ReportSites } from "./report";

const WEEK_MS = 7 * 86_400_000;
/** The cumulative shares of consumption value that end class A and class B, unless the caller says otherwise. */
export const DEFAULT_ABC_SHARES = { a: 0.8, b: 0.95 } as const;
/** Days between counts per ABC class; a Z item (erratic demand) is counted as often as the class above it. */
const COUNT_EVERY_DAYS = { A: 30, B: 90, C: 180 } as const;

const share = (description: string, fallback: number) => z.coerce.number().gt(0).lt(1).default(fallback).describe(description);

/** Where a line stands in the answer's order (site, consumption value down, SKU), to resume after it. */
type Rank = { site: string; value: string; sku: string };

/** The line a cursor names. */
const rank = z.tuple([z.string(), z.string().regex(/^-?\d+(\.\d+)?$/), z.string()]).transform(([site, value, sku]): Rank => ({ site, value, sku }));

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
  // A line per item × site with demand: 400,000 over a year of the benchmark's catalogue (docs/BENCHMARKS.md).
  ...analyticLines<AbcXyzFilters, Rank, ClassedRow>({
    query: classesQuery,
    key: rank,
    keyOf: (row) => [String(row.site), String(row.consumptionValue), String(row.sku)],
    settings: settingsFor,
    toRow: withCountFrequency,
  }),
  // The matrix on its page: items and share of value per class over every line, not the page shown.
  chartRows(db, _actor, filters, sites) {
    return analyticRows<ReportRow>(db, classesQuery(filters, sites, { answer: "cells" }), settingsFor(filters));
  },
});

export type AbcXyzFilters = { from: string; to: string; site?: string; category?: string; a: number; b: number; x: number; y: number };

/** A line as the query answers it: ABC and XYZ classed, the count frequency still to add. */
type ClassedRow = {
  sku: string;
  name: string;
  site: string;
  abc: Abc;
  xyz: "X" | "Y" | "Z";
  units: number;
  value: string;
  valueShare: number;
  cv: number;
};
type Abc = "A" | "B" | "C";

// Measured over 10 million movements (docs/BENCHMARKS.md):
// - over four weeks or more, the period's sales are read by item × site in time order from a partial index that
//   holds them (the weeks come in the order they are grouped: no sort of the period's sales; with sorts allowed,
//   the planner, which cannot know that, reads by date and sorts); over less, by date and sorted, as the whole
//   index is then more to read than the period;
// - weekly groups sorted beat hashing a million of them; a parallel plan ran the aggregation once per worker.
function settingsFor(filters: AbcXyzFilters): Record<string, string> {
  const { start, end } = periodBounds(filters);
  const byItem = end.getTime() - start.getTime() >= 4 * WEEK_MS;
  return { enable_hashagg: "off", max_parallel_workers_per_gather: "0", jit: "off", ...(byItem ? { enable_sort: "off" } : {}) };
}

/**
 * The classes as one query: its lines in the answer's order (after `after`), their number, or the items and share
 * of value per ABC × XYZ cell. Both classes are made here, so the lines and the cells cannot disagree.
 *
 * Consumption is the valued cost of goods sold (MovementValue, category cogs): sales less what customers sent back
 * and reversals, at what the units cost when they left, dated by when it happened — one table, no location joins
 * and no cost look-up per movement. Values are summed as the exact decimals they are, and only each item's sum
 * made integer ten-thousandths, which sort and add faster. The ranking sorts by site first: by the site's ordinal
 * (an integer) rather than its code, which PostgreSQL compares with a generic routine on every row of a site (2–3×
 * slower); codes in code-point order, as the answer's order is the ranking's. XYZ: the coefficient of variation
 * of the weekly demand (the period's weeks, those without demand as 0), in float8 as JavaScript would compute it.
 */
function classesQuery(
  filters: AbcXyzFilters,
  sites: ReportSites,
  { answer, after }: { answer: "rows" | "count" | "cells" | "totals"; after?: Rank },
): Prisma.Sql {
  const { start, end } = periodBounds(filters);
  const weeks = Math.max(1, Math.ceil((end.getTime() - start.getTime()) / WEEK_MS));
  const classed = Prisma.sql`
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
        SELECT p."itemId", i.sku, i.name, i."categoryId", s.code AS site, s.ordinal, p.units, p."sumOfSquares", p.worth,
               SUM(p.worth) OVER (PARTITION BY s.ordinal ORDER BY p.worth DESC, i.sku COLLATE "C" ROWS UNBOUNDED PRECEDING) - p.worth AS before,
               SUM(p.worth) OVER (PARTITION BY s.ordinal) AS total
        FROM per_item p JOIN "Item" i ON i.id = p."itemId" JOIN site s ON s.id = p."siteId"
      ), with_cv AS (
        SELECT "itemId", sku, name, site, ordinal, units, worth,
               ${abcClassCase(filters)} AS abc,
               worth::float8 / NULLIF(total, 0)::float8 AS "valueShare",
               sqrt(greatest(0, "sumOfSquares" / ${weeks}::float8 - (units::float8 / ${weeks}) * (units::float8 / ${weeks})))
                 / (units::float8 / ${weeks}) AS cv
        FROM ranked
        WHERE true ${categoryCondition(Prisma.sql`"categoryId"`, filters.category)}
      ), classed AS (
        SELECT *, CASE WHEN cv <= ${filters.x} THEN 'X' WHEN cv <= ${filters.y} THEN 'Y' ELSE 'Z' END AS xyz FROM with_cv
      )`;
  if (answer === "count") return Prisma.sql`${classed} SELECT count(*) AS count FROM classed`;
  if (answer === "totals") {
    // The lines are classed once (a CTE read twice is computed once) and summed two ways, each by a key that sorts
    // cheaply (sorts, not hashes, are this query's setting): the classes byte by byte, the items by their id.
    return Prisma.sql`${classed}, per_item_units AS (
        SELECT "itemId", SUM(units)::int AS units FROM classed GROUP BY "itemId"
      )
      SELECT 'cell' AS kind, abc COLLATE "C" AS abc, xyz COLLATE "C" AS xyz, count(*)::int AS items, SUM(units)::int8 AS units,
             NULL AS sku, NULL AS name
        FROM classed GROUP BY abc COLLATE "C", xyz COLLATE "C"
      UNION ALL
      SELECT 'item', NULL, NULL, NULL, u.units, i.sku, i.name
        FROM per_item_units u JOIN "Item" i ON i.id = u."itemId"
       WHERE u.units >= coalesce((SELECT units FROM per_item_units ORDER BY units DESC OFFSET ${TOP_ITEMS - 1} LIMIT 1), 0)`;
  }
  if (answer === "cells") {
    return Prisma.sql`${classed}
      SELECT abc, xyz, count(*)::int AS items, sum("valueShare") AS "valueShare" FROM classed GROUP BY abc, xyz ORDER BY abc, xyz`;
  }
  return Prisma.sql`${classed}
      SELECT sku, name, site, units, (worth / 10000.0)::numeric(18, 4)::text AS value, abc, xyz, "valueShare", cv
      FROM classed
      WHERE ${
        after
          ? Prisma.sql`(site, -worth, sku COLLATE "C") > (${after.site} COLLATE "C", -round(${after.value}::numeric * 10000)::int8, ${after.sku} COLLATE "C")`
          : Prisma.sql`true`
      }
      ORDER BY ordinal, worth DESC, sku COLLATE "C"`;
}

/**
 * A line's ABC class from the value ranked before it (`before`) and its site's whole value (`total`): A while what
 * comes before is under the share `a` of the total, B under `b`, C after. The report and the reorder points' ABC
 * classes (lib/forecast/abc-class.ts) rank by this one rule.
 */
export function abcClassCase(shares: { a: number; b: number }): Prisma.Sql {
  return Prisma.sql`CASE WHEN before < ${shares.a} * total THEN 'A' WHEN before < ${shares.b} * total THEN 'B' ELSE 'C' END`;
}

/** How many of the most issued items abcXyzTotals answers, with those tied at the last place. */
const TOP_ITEMS = 10;

export type AbcXyzTotals = {
  /** The cells that hold lines: items (item × site lines) and units issued in each. */
  cells: { abc: Abc; xyz: "X" | "Y" | "Z"; items: number; units: number }[];
  /** The items issued most (all sites of the answer together): the top ten and any tied with the tenth. */
  topItems: { sku: string; name: string; units: number }[];
};

/**
 * The report's lines summed for the manager's dashboard, in one query over every line rather than 400,000 lines
 * through the process: the items and units per ABC × XYZ cell, and the items issued most. The same query and
 * filters as the report's, so the tiles cannot disagree with it; `filters` as the report's own parse them.
 */
export async function abcXyzTotals(db: Db, filters: AbcXyzFilters, sites: ReportSites): Promise<AbcXyzTotals> {
  type Total = { kind: "cell" | "item"; abc: Abc; xyz: "X" | "Y" | "Z"; items: number; units: bigint; sku: string; name: string };
  const rows = await analyticRows<Total>(db, classesQuery(filters, sites, { answer: "totals" }), settingsFor(filters));
  return {
    cells: rows.filter((r) => r.kind === "cell").map(({ abc, xyz, items, units }) => ({ abc, xyz, items, units: Number(units) })),
    topItems: rows.filter((r) => r.kind === "item").map(({ sku, name, units }) => ({ sku, name, units: Number(units) })),
  };
}

/** The line as the report answers it, with the count frequency its classes call for. */
function withCountFrequency(row: ClassedRow): ReportRow {
  const { abc, xyz } = row;
  // A Z item (erratic demand) is counted as often as the class above it.
  const countClass: Abc = xyz === "Z" && abc !== "A" ? (abc === "C" ? "B" : "A") : abc;
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
    weeklyCv: row.cv.toFixed(2),
    countEveryDays: COUNT_EVERY_DAYS[countClass],
  };
}
