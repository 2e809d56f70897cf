import { Prisma } from "../db/generated/client";
import { happenedBetween } from "../ledger/happened-between";
import { categoryCondition, periodBounds, siteCondition } from "./report-scope";
import { categoryFilterField, defineReport, periodFilters, siteFilterField } from "./report";

/** Where stock goes when it is lost to the warehouse (and comes back from when it turns up again). */
const SHRINK_ENDS = ["loss", "scrap", "damage", "adjustment"];

type Row = { site: string; reason: string; reasonLabel: string; movements: number; unitsOut: number; unitsBack: number };

/**
 * Shrinkage by site and reason: units that left physical stock for loss, scrap, damage or a count's adjustment,
 * less units that came back from them (found, a count up, a reversal), in the period. Reversals keep the reason
 * of what they reverse, so a mistake and its correction cancel out under one reason. Units only: values follow
 * once movements are valued (docs/valuation.md).
 */
export const shrinkageReport = defineReport({
  name: "shrinkage",
  title: "Shrinkage",
  description: "Per site and reason, units lost to loss, scrap, damage and count differences in the period, less those that turned up again.",
  emptyText: "Nothing was lost, scrapped, damaged or counted short in this period. Choose a longer period or another site.",
  permission: "reports.view",
  filters: periodFilters({
    site: siteFilterField,
    category: categoryFilterField,
  }),
  columns: [
    { key: "site", label: "Site", type: "text" },
    { key: "reason", label: "Reason", type: "text" },
    { key: "reasonLabel", label: "Reason in words", type: "text" },
    { key: "movements", label: "Movements", type: "integer" },
    { key: "unitsOut", label: "Units out", type: "integer", description: "Left physical stock for loss, scrap, damage or a count's adjustment" },
    { key: "unitsBack", label: "Units back", type: "integer", description: "Came back: found, counted up, reversed" },
    { key: "netUnits", label: "Net shrinkage (units)", type: "integer" },
  ],
  async run(db, _actor, filters, sites) {
    const { start, end } = periodBounds(filters);
    const rows = await db.$queryRaw<Row[]>`
      SELECT s.code AS site, m."reasonCode" AS reason, r.label AS "reasonLabel", count(*)::int AS movements,
             COALESCE(SUM(m.quantity) FILTER (WHERE NOT fl."isVirtual"), 0)::int AS "unitsOut",
             COALESCE(SUM(m.quantity) FILTER (WHERE fl."isVirtual"), 0)::int AS "unitsBack"
      FROM "StockMovement" m
      JOIN "Location" fl ON fl.id = m."fromLocationId"
      JOIN "Location" tl ON tl.id = m."toLocationId"
      JOIN "Site" s ON s.id = CASE WHEN fl."isVirtual" THEN tl."siteId" ELSE fl."siteId" END
      JOIN "ReasonCode" r ON r.code = m."reasonCode"
      JOIN "Item" i ON i.id = m."itemId"
      WHERE ${happenedBetween("m", start, end)}
        AND ((NOT fl."isVirtual" AND tl.type::text = ANY(${SHRINK_ENDS})) OR (NOT tl."isVirtual" AND fl.type::text = ANY(${SHRINK_ENDS})))
        ${siteCondition(Prisma.sql`s.id`, sites)}
        ${categoryCondition(Prisma.sql`i."categoryId"`, filters.category)}
      GROUP BY s.code, m."reasonCode", r.label
      ORDER BY s.code, m."reasonCode"`;
    return { rows: rows.map((row) => ({ ...row, netUnits: row.unitsOut - row.unitsBack })) };
  },
});
