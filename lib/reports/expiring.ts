import { z } from "zod";
import { NESTED_LOOPS } from "../db/analytic-read";
import { Prisma } from "../db/generated/client";
import { analyticLines } from "./analytic-lines";
import { categoryCondition, siteCondition } from "./report-scope";
import { categoryFilterField, defineReport, periodFilters, siteFilterField, type ReportRow, type ReportSites } from "./report";

type Row = { site: string; sku: string; name: string; lot: string; expiresOn: Date; onHand: number; locations: number; value: string | null };

const DAY_MS = 86_400_000;

type Filters = { from: string; to: string; category?: string; withinDays: number };
type Key = { expiresOn: string; sku: string; lot: string; site: string };

/** The line a cursor names, by the answer's order: soonest first, then SKU, lot and site. */
const lineKey = z
  .tuple([z.iso.date(), z.string(), z.string(), z.string()])
  .transform(([expiresOn, sku, lot, site]): Key => ({ expiresOn, sku, lot, site }));

/**
 * Lots with stock on hand that expire within `withinDays` of the period's last day, or have expired already: per
 * site and lot, soonest first, with the units and how many locations hold them. Lots are not valued on their own
 * (cost layers are per item × site), so a lot's value is its units × the item's value per unit at the site now
 * (CostState value ÷ quantity), rounded to 4 places half away from zero; empty when the site holds no valued units.
 */
export const expiringReport = defineReport({
  name: "expiring",
  title: "Expiring stock",
  description: "Lots on hand that expire within the chosen number of days of the last day of the period (or already have), soonest first.",
  emptyText: "No lot on hand expires within this horizon. Choose a longer horizon or another site.",
  permission: "reports.view",
  filters: periodFilters({
    site: siteFilterField,
    category: categoryFilterField,
    withinDays: z.coerce.number().int().min(0).max(3650).default(30).describe("Lots expiring within this many days of `to` (expired ones too)"),
  }),
  columns: [
    { key: "site", label: "Site", type: "text" },
    { key: "sku", label: "SKU", type: "text" },
    { key: "name", label: "Name", type: "text" },
    { key: "lot", label: "Lot", type: "text" },
    { key: "expiresOn", label: "Expires", type: "date" },
    { key: "daysLeft", label: "Days left", type: "integer", description: "From the last day of the period; negative when expired" },
    { key: "onHand", label: "On hand", type: "integer" },
    { key: "locations", label: "Locations", type: "integer" },
    { key: "value", label: "Value", type: "decimal", description: "On hand × the item's value per unit at the site now, 4 places" },
  ],
  // A line per lot × site: many where a warehouse holds short-dated goods in many lots. Levels are found per lot
  // by their keys, row by row.
  ...analyticLines<Filters, Key, Row>({
    query: expiringQuery,
    key: lineKey,
    keyOf: (row) => [String(row.expiresOn), String(row.sku), String(row.lot), String(row.site)],
    settings: () => NESTED_LOOPS,
    toRow: withDaysLeft,
  }),
});

const asOfOf = (filters: Filters) => new Date(`${filters.to}T00:00:00Z`);

function withDaysLeft(row: Row, filters: Filters): ReportRow {
  return {
    ...row,
    expiresOn: row.expiresOn.toISOString().slice(0, 10),
    daysLeft: Math.round((row.expiresOn.getTime() - asOfOf(filters).getTime()) / DAY_MS),
  };
}

/** The lines in their order (after `after`), or their number. */
function expiringQuery(filters: Filters, sites: ReportSites, { answer, after }: { answer: "rows" | "count"; after?: Key }): Prisma.Sql {
  const horizon = new Date(asOfOf(filters).getTime() + filters.withinDays * DAY_MS);
  const lines = Prisma.sql`
      SELECT s.code AS site, i.sku, i.name, lot.number AS lot, lot."expiresOn", SUM(sl."onHand")::int AS "onHand",
             count(DISTINCT sl."locationId")::int AS locations,
             CASE WHEN cs.quantity > 0 THEN round(cs.value * SUM(sl."onHand") / cs.quantity, 4)::numeric(18,4)::text END AS value
      FROM "StockLevel" sl
      JOIN "Lot" lot ON lot.id = sl."lotId"
      JOIN "Location" loc ON loc.id = sl."locationId" JOIN "Site" s ON s.id = loc."siteId"
      JOIN "Item" i ON i.id = sl."itemId"
      LEFT JOIN "CostState" cs ON cs."itemId" = i.id AND cs."siteId" = s.id
      WHERE NOT sl."isVirtual" AND sl."onHand" > 0 AND lot."expiresOn" <= ${horizon}::date
        ${siteCondition(Prisma.sql`loc."siteId"`, sites)}
        ${categoryCondition(Prisma.sql`i."categoryId"`, filters.category)}
        ${after ? Prisma.sql`AND (lot."expiresOn", i.sku, lot.number, s.code) > (${after.expiresOn}::date, ${after.sku}, ${after.lot}, ${after.site})` : Prisma.empty}
      GROUP BY s.code, i.sku, i.name, lot.number, lot."expiresOn", cs.value, cs.quantity`;
  if (answer === "count") return Prisma.sql`SELECT count(*) AS count FROM (${lines}) lines`;
  return Prisma.sql`${lines} ORDER BY lot."expiresOn", i.sku, lot.number, s.code`;
}
