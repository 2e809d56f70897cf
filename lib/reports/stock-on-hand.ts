import { z } from "zod";
import { AVAILABLE_OF_LEVEL } from "../availability/availability-rule";
import { Prisma } from "../db/generated/client";
import { categoryCondition, siteCondition } from "./report-scope";
import { categoryFilterField, defineReport, periodFilters, siteFilterField } from "./report";

type Row = {
  sku: string;
  name: string;
  category: string | null;
  site: string;
  location: string | null;
  onHand: number;
  reserved: number;
  available: number;
  unit: string;
  value: string | null;
};

/**
 * Stock on hand now, per item × site (or per item × location with `by=location`): on hand and reserved in the
 * physical locations (not in transit nor the virtual ends), and available under the one availability rule
 * (lib/availability/availability-rule.ts), summed over the levels. Rows with nothing on hand and nothing
 * reserved are left out. The period filters are accepted, as by every report, but do not apply: this is today's
 * stock. `value` is the item × site's value in the ledger now (its CostState: every unit the site holds, in transit
 * from it too); with `by=location` it is left empty, as value is kept per site, not per bin.
 */
export const stockOnHandReport = defineReport({
  name: "stock-on-hand",
  title: "Stock on hand",
  description:
    "Per item and site (or location), the units on hand now, reserved, and available to promise. Today's stock: the period does not apply.",
  emptyText: "No stock is on hand or reserved here. Choose another site or category, or receive stock first.",
  permission: "reports.view",
  filters: periodFilters({
    site: siteFilterField,
    category: categoryFilterField,
    by: z.enum(["site", "location"]).default("site").describe("One row per item × site, or per item × location"),
  }),
  usesPeriod: false,
  formFields: [
    { name: "category", label: "Category" },
    {
      name: "by",
      label: "One row per",
      options: [
        { value: "site", label: "Item and site" },
        { value: "location", label: "Item and location" },
      ],
    },
  ],
  columns: [
    { key: "sku", label: "SKU", type: "text" },
    { key: "name", label: "Name", type: "text" },
    { key: "category", label: "Category", type: "text" },
    { key: "site", label: "Site", type: "text" },
    { key: "location", label: "Location", type: "text", description: "With by=location only" },
    { key: "onHand", label: "On hand", type: "integer", description: "Units physically at the site: bins, staging and quarantine, not in transit" },
    { key: "reserved", label: "Reserved", type: "integer", description: "Units held by reservations, orders and transfers" },
    {
      key: "available",
      label: "Available",
      type: "integer",
      description: "On hand − reserved in storage bins, lots past expiry left out, never below zero",
    },
    { key: "unit", label: "Unit", type: "text" },
    { key: "value", label: "Value", type: "decimal", description: "The item's value at the site now, 4 places; with by=site only" },
  ],
  async run(db, _actor, filters, sites) {
    const byLocation = filters.by === "location";
    const location = byLocation ? Prisma.sql`loc.code` : Prisma.sql`NULL::text`;
    const value = byLocation ? Prisma.sql`NULL::text` : Prisma.sql`coalesce(cs.value, 0)::numeric(18,4)::text`;
    const rows = await db.$queryRaw<Row[]>`
      SELECT i.sku, i.name, c.path AS category, st.code AS site, ${location} AS location,
             SUM(s."onHand")::int AS "onHand", SUM(s.reserved)::int AS reserved, SUM(${AVAILABLE_OF_LEVEL})::int AS available, i.unit,
             ${value} AS value
      FROM "StockLevel" s
      JOIN "Location" loc ON loc.id = s."locationId" LEFT JOIN "Lot" lot ON lot.id = s."lotId"
      JOIN "Site" st ON st.id = loc."siteId"
      JOIN "Item" i ON i.id = s."itemId" LEFT JOIN "Category" c ON c.id = i."categoryId"
      LEFT JOIN "CostState" cs ON cs."itemId" = i.id AND cs."siteId" = st.id
      WHERE NOT loc."isVirtual"
        ${siteCondition(Prisma.sql`loc."siteId"`, sites)}
        ${categoryCondition(Prisma.sql`i."categoryId"`, filters.category)}
      GROUP BY i.id, c.path, st.code, cs.value ${byLocation ? Prisma.sql`, loc.code` : Prisma.empty}
      HAVING SUM(s."onHand") <> 0 OR SUM(s.reserved) <> 0
      ORDER BY i."skuKey", st.code ${byLocation ? Prisma.sql`, loc.code` : Prisma.empty}`;
    return { rows };
  },
});
