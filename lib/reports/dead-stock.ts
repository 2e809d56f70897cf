import { z } from "zod";
import { NESTED_LOOPS } from "../db/analytic-read";
import { Prisma } from "../db/generated/client";
import { analyticLines } from "./analytic-lines";
import { categoryCondition, periodBounds, siteCondition } from "./report-scope";
import { categoryFilterField, defineReport, periodFilters, siteFilterField, type ReportRow, type ReportSites } from "./report";

type Row = {
  status: "dead" | "slow";
  sku: string;
  name: string;
  site: string;
  onHand: number;
  issued: number;
  coverageDays: number | null;
  lastIssuedAt: Date | null;
};

const DAY_MS = 86_400_000;

type Filters = { from: string; to: string; category?: string; slowAfterDays: number };
type Key = { status: "dead" | "slow"; onHand: number; sku: string; site: string };

/** The line a cursor names, by the answer's order: dead before slow, most on hand first, then SKU and site. */
const lineKey = z
  .tuple([z.enum(["dead", "slow"]), z.coerce.number().int(), z.string(), z.string()])
  .transform(([status, onHand, sku, site]): Key => ({ status, onHand, sku, site }));

/**
 * Slow and dead stock: items on hand at a site that customers took nothing of in the period (dead), or so little
 * that what is on hand would last longer than `slowAfterDays` at the period's pace (slow). Issues to customers
 * count, less their reversals; transfers, counts and damage are not demand.
 */
export const deadStockReport = defineReport({
  name: "dead-stock",
  title: "Slow and dead stock",
  description:
    "Items on hand that nothing left to customers in the period (dead), or whose stock would last longer than the slow limit at the period's pace (slow).",
  emptyText: "Everything on hand sold in this period at a healthy pace. Choose a longer period, another site or a lower slow limit.",
  permission: "reports.view",
  filters: periodFilters({
    site: siteFilterField,
    category: categoryFilterField,
    slowAfterDays: z.coerce
      .number()
      .int()
      .min(1)
      .max(3650)
      .default(180)
      .describe("Stock lasting longer than this many days at the period's pace is slow"),
  }),
  columns: [
    { key: "status", label: "Status", type: "text", description: "dead: nothing issued in the period; slow: stock lasts longer than the limit" },
    { key: "sku", label: "SKU", type: "text" },
    { key: "name", label: "Name", type: "text" },
    { key: "site", label: "Site", type: "text" },
    { key: "onHand", label: "On hand", type: "integer" },
    { key: "issued", label: "Issued in period", type: "integer" },
    {
      key: "coverageDays",
      label: "Days of stock",
      type: "integer",
      description: "On hand ÷ the period's issues per day; empty when nothing was issued",
    },
    { key: "lastIssuedAt", label: "Last issued", type: "date" },
  ],
  // A line per item × site with stock: as many as items × sites when little sells. Movements are found per item
  // on hand by their keys, row by row.
  ...analyticLines<Filters, Key, Row>({
    query: deadStockQuery,
    key: lineKey,
    keyOf: (row) => [String(row.status), String(row.onHand), String(row.sku), String(row.site)],
    settings: () => NESTED_LOOPS,
    toRow: withDay,
  }),
});

function withDay(row: Row): ReportRow {
  return { ...row, lastIssuedAt: row.lastIssuedAt?.toISOString().slice(0, 10) ?? null };
}

/**
 * The lines in their order (after `after`), or their number. Days of stock = on hand × the period's days ÷ issued,
 * rounded half up (none when nothing was issued: dead); slow when that is over the limit; the rest is not shown.
 */
function deadStockQuery(filters: Filters, sites: ReportSites, { answer, after }: { answer: "rows" | "count"; after?: Key }): Prisma.Sql {
  const { start, end } = periodBounds(filters);
  const days = Math.round((end.getTime() - start.getTime()) / DAY_MS);
  const judged = Prisma.sql`
      WITH on_hand AS (
        SELECT sl."itemId", loc."siteId", SUM(sl."onHand")::int AS on_hand
        FROM "StockLevel" sl JOIN "Location" loc ON loc.id = sl."locationId"
        WHERE NOT sl."isVirtual" AND sl."onHand" > 0 ${siteCondition(Prisma.sql`loc."siteId"`, sites)}
        GROUP BY sl."itemId", loc."siteId"
      ), demand AS (
        SELECT m."itemId", CASE WHEN fl."isVirtual" THEN tl."siteId" ELSE fl."siteId" END AS "siteId",
               COALESCE(SUM(CASE WHEN tl.type = 'customer' THEN m.quantity ELSE -m.quantity END)
                 FILTER (WHERE m."occurredAt" >= ${start} AND m."occurredAt" < ${end}), 0)::int AS issued,
               MAX(m."occurredAt") FILTER (WHERE tl.type = 'customer' AND m.kind = 'issue') AS last_issued
        FROM "StockMovement" m
        JOIN "Location" fl ON fl.id = m."fromLocationId" JOIN "Location" tl ON tl.id = m."toLocationId"
        WHERE m."itemId" IN (SELECT "itemId" FROM on_hand)
          AND ((m.kind = 'issue' AND tl.type = 'customer') OR (m.kind = 'reversal' AND fl.type = 'customer'))
          AND m."occurredAt" < ${end}
        GROUP BY 1, 2
      ), covered AS (
        SELECT i.sku, i.name, s.code AS site, oh.on_hand AS "onHand", COALESCE(d.issued, 0) AS issued, d.last_issued AS "lastIssuedAt",
               CASE WHEN d.issued > 0 THEN round(oh.on_hand * ${days}::numeric / d.issued)::int END AS "coverageDays"
        FROM on_hand oh
        JOIN "Item" i ON i.id = oh."itemId" JOIN "Site" s ON s.id = oh."siteId"
        LEFT JOIN demand d ON d."itemId" = oh."itemId" AND d."siteId" = oh."siteId"
        WHERE true ${categoryCondition(Prisma.sql`i."categoryId"`, filters.category)}
      ), judged AS (
        SELECT *, CASE WHEN "coverageDays" IS NULL THEN 'dead' WHEN "coverageDays" > ${filters.slowAfterDays} THEN 'slow' END AS status
        FROM covered
      )`;
  if (answer === "count") return Prisma.sql`${judged} SELECT count(*) AS count FROM judged WHERE status IS NOT NULL`;
  const resume = after
    ? Prisma.sql`AND (status, -"onHand", sku, site) > (${after.status}, ${-after.onHand}::int, ${after.sku}, ${after.site})`
    : Prisma.empty;
  return Prisma.sql`${judged}
      SELECT status, sku, name, site, "onHand", issued, "coverageDays", "lastIssuedAt"
      FROM judged
      WHERE status IS NOT NULL ${resume}
      ORDER BY status, "onHand" DESC, sku, site`;
}
