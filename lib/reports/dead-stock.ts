import { z } from "zod";
import { Prisma } from "../db/generated/client";
import { categoryCondition, periodBounds, siteCondition } from "./report-scope";
import { categoryFilterField, defineReport, periodFilters, siteFilterField } from "./report";

type Row = { sku: string; name: string; site: string; onHand: number; issued: number; lastIssuedAt: Date | null };

const DAY_MS = 86_400_000;

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
  async run(db, _actor, filters, sites) {
    const { start, end } = periodBounds(filters);
    const days = Math.round((end.getTime() - start.getTime()) / DAY_MS);
    const rows = await db.$queryRaw<Row[]>`
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
      )
      SELECT i.sku, i.name, s.code AS site, oh.on_hand AS "onHand", COALESCE(d.issued, 0) AS issued, d.last_issued AS "lastIssuedAt"
      FROM on_hand oh
      JOIN "Item" i ON i.id = oh."itemId" JOIN "Site" s ON s.id = oh."siteId"
      LEFT JOIN demand d ON d."itemId" = oh."itemId" AND d."siteId" = oh."siteId"
      WHERE true ${categoryCondition(Prisma.sql`i."categoryId"`, filters.category)}
      ORDER BY oh.on_hand DESC, i.sku, s.code`;
    const judged = rows.map((row) => {
      const coverageDays = row.issued > 0 ? Math.round((row.onHand * days) / row.issued) : null;
      const status = coverageDays === null ? "dead" : coverageDays > filters.slowAfterDays ? "slow" : null;
      return { ...row, status, coverageDays, lastIssuedAt: row.lastIssuedAt?.toISOString().slice(0, 10) ?? null };
    });
    const order = (status: string | null) => (status === "dead" ? 0 : 1);
    return { rows: judged.filter((row) => row.status !== null).sort((a, b) => order(a.status) - order(b.status)) };
  },
});
