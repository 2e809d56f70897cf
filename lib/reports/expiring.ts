import { z } from "zod";
import { Prisma } from "../db/generated/client";
import { categoryCondition, siteCondition } from "./report-scope";
import { categoryFilterField, defineReport, periodFilters, siteFilterField } from "./report";

type Row = { site: string; sku: string; name: string; lot: string; expiresOn: Date; onHand: number; locations: number };

const DAY_MS = 86_400_000;

/**
 * Lots with stock on hand that expire within `withinDays` of the period's last day, or have expired already: per
 * site and lot, soonest first, with the units and how many locations hold them. Units only: values follow once
 * movements are valued (docs/valuation.md).
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
  ],
  async run(db, _actor, filters, sites) {
    const asOf = new Date(`${filters.to}T00:00:00Z`);
    const horizon = new Date(asOf.getTime() + filters.withinDays * DAY_MS);
    const rows = await db.$queryRaw<Row[]>`
      SELECT s.code AS site, i.sku, i.name, lot.number AS lot, lot."expiresOn", SUM(sl."onHand")::int AS "onHand",
             count(DISTINCT sl."locationId")::int AS locations
      FROM "StockLevel" sl
      JOIN "Lot" lot ON lot.id = sl."lotId"
      JOIN "Location" loc ON loc.id = sl."locationId" JOIN "Site" s ON s.id = loc."siteId"
      JOIN "Item" i ON i.id = sl."itemId"
      WHERE NOT sl."isVirtual" AND sl."onHand" > 0 AND lot."expiresOn" <= ${horizon}::date
        ${siteCondition(Prisma.sql`loc."siteId"`, sites)}
        ${categoryCondition(Prisma.sql`i."categoryId"`, filters.category)}
      GROUP BY s.code, i.sku, i.name, lot.number, lot."expiresOn"
      ORDER BY lot."expiresOn", i.sku, lot.number, s.code`;
    return {
      rows: rows.map((row) => ({
        ...row,
        expiresOn: row.expiresOn.toISOString().slice(0, 10),
        daysLeft: Math.round((row.expiresOn.getTime() - asOf.getTime()) / DAY_MS),
      })),
    };
  },
});
