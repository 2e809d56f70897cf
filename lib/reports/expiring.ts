import { z } from "zod";
import { Prisma } from "../db/generated/client";
import { categoryCondition, siteCondition } from "./report-scope";
import { categoryFilterField, defineReport, periodFilters, siteFilterField } from "./report";

type Row = { site: string; sku: string; name: string; lot: string; expiresOn: Date; onHand: number; locations: number; value: string | null };

const DAY_MS = 86_400_000;

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
  async run(db, _actor, filters, sites) {
    const asOf = new Date(`${filters.to}T00:00:00Z`);
    const horizon = new Date(asOf.getTime() + filters.withinDays * DAY_MS);
    const rows = await db.$queryRaw<Row[]>`
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
      GROUP BY s.code, i.sku, i.name, lot.number, lot."expiresOn", cs.value, cs.quantity
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
