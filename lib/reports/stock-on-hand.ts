import { z } from "zod";
import { AVAILABLE_OF_LEVEL } from "../availability/availability-rule";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { decodeCursor, encodeCursor } from "../db/key-cursor";
import { categoryCondition, siteCondition } from "./report-scope";
import {
  allRows,
  categoryFilterField,
  defineReport,
  periodFilters,
  siteFilterField,
  STREAM_BATCH_SIZE,
  type ReportRow,
  type ReportSites,
  type StreamPage,
} from "./report";

type Row = {
  /** The sort key's first part (SKUs are unique without regard to case); not a column. */
  skuKey: string;
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

type Filters = { site?: string; category?: string; by: "site" | "location" };

/** Where a page resumes: the last row's item (skuKey), site code and, by location, location code. */
type Key = { skuKey: string; site: string; location: string | null };

/**
 * Stock on hand now, per item × site (or per item × location with `by=location`): on hand and reserved in the
 * physical locations (not in transit nor the virtual ends), and available under the one availability rule
 * (lib/availability/availability-rule.ts), summed over the levels. Rows with nothing on hand and nothing
 * reserved are left out. The period filters are accepted, as by every report, but do not apply: this is today's
 * stock. `value` is the item × site's value in the ledger now (its CostState: every unit the site holds, in transit
 * from it too); with `by=location` it is left empty, as value is kept per site, not per bin.
 *
 * A large catalogue makes hundreds of thousands of rows, so it streams like the movement journal: a batch per
 * query in the report's order (SKU, site, location), each resuming after the last row's key. Unlike the journal
 * the levels are not append-only: each batch is the stock as its query read it.
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
  run(db, _actor, filters, sites) {
    return allRows(stockBatches(db, filters, sites, { after: null, size: STREAM_BATCH_SIZE }));
  },
  streamed: {
    rows(db, _actor, filters, sites, page) {
      return stockBatches(db, filters, sites, page);
    },
    cursorOf: (row) => encodeCursor([String(row.skuKey), String(row.site), row.location === null ? null : String(row.location)]),
    async count(db, _actor, filters, sites) {
      const [{ count }] = await db.$queryRaw<{ count: bigint }[]>`
        SELECT count(*) AS count FROM (
          SELECT 1
          FROM "StockLevel" s
          JOIN "Location" loc ON loc.id = s."locationId"
          JOIN "Item" i ON i.id = s."itemId"
          WHERE NOT loc."isVirtual"
            ${siteCondition(Prisma.sql`loc."siteId"`, sites)}
            ${categoryCondition(Prisma.sql`i."categoryId"`, filters.category)}
          GROUP BY s."itemId", ${filters.by === "location" ? Prisma.sql`loc.id` : Prisma.sql`loc."siteId"`}
          HAVING SUM(s."onHand") <> 0 OR SUM(s.reserved) <> 0
        ) g`;
      return Number(count);
    },
  },
});

/**
 * The report's rows after `page.after`, `page.size` a query. Items are walked in skuKey order (its unique index)
 * and each one's levels summed in a lateral subquery (the (itemId, …) index), so a page reads about as many items
 * as it answers rows, wherever in the catalogue it starts — no OFFSET, and one statement per batch.
 */
async function* stockBatches(db: Db, filters: Filters, sites: ReportSites, page: StreamPage): AsyncGenerator<ReportRow[]> {
  const byLocation = filters.by === "location";
  let after = page.after === null ? null : decodeCursor(page.after, byLocation ? cursorKeys.byLocation : cursorKeys.bySite);
  for (;;) {
    const rows = await db.$queryRaw<Row[]>`
      SELECT i."skuKey", i.sku, i.name, c.path AS category, g.site, g.location, g."onHand", g.reserved, g.available, i.unit,
             ${byLocation ? Prisma.sql`NULL::text` : Prisma.sql`coalesce(cs.value, 0)::numeric(18,4)::text`} AS value
      FROM "Item" i
      CROSS JOIN LATERAL (
        SELECT st.id AS "siteId", st.code AS site, ${byLocation ? Prisma.sql`loc.code` : Prisma.sql`NULL::text`} AS location,
               SUM(s."onHand")::int AS "onHand", SUM(s.reserved)::int AS reserved, SUM(${AVAILABLE_OF_LEVEL})::int AS available
        FROM "StockLevel" s
        JOIN "Location" loc ON loc.id = s."locationId" LEFT JOIN "Lot" lot ON lot.id = s."lotId"
        JOIN "Site" st ON st.id = loc."siteId"
        WHERE s."itemId" = i.id AND NOT loc."isVirtual"
          ${siteCondition(Prisma.sql`loc."siteId"`, sites)}
        GROUP BY st.id ${byLocation ? Prisma.sql`, loc.code` : Prisma.empty}
        HAVING SUM(s."onHand") <> 0 OR SUM(s.reserved) <> 0
      ) g
      LEFT JOIN "Category" c ON c.id = i."categoryId"
      ${byLocation ? Prisma.empty : Prisma.sql`LEFT JOIN "CostState" cs ON cs."itemId" = i.id AND cs."siteId" = g."siteId"`}
      WHERE TRUE
        ${categoryCondition(Prisma.sql`i."categoryId"`, filters.category)}
        ${after ? afterKey(after, byLocation) : Prisma.empty}
      ORDER BY i."skuKey", g.site ${byLocation ? Prisma.sql`, g.location` : Prisma.empty}
      LIMIT ${page.size}`;
    if (rows.length > 0) yield rows;
    if (rows.length < page.size) return;
    const last = rows[rows.length - 1];
    after = { skuKey: last.skuKey, site: last.site, location: last.location };
  }
}

/** Rows after the key in the report's order; the bare skuKey bound lets the item index start there. */
function afterKey(key: Key, byLocation: boolean): Prisma.Sql {
  const tuple = byLocation
    ? Prisma.sql`(i."skuKey", g.site, g.location) > (${key.skuKey}, ${key.site}, ${key.location})`
    : Prisma.sql`(i."skuKey", g.site) > (${key.skuKey}, ${key.site})`;
  return Prisma.sql`AND i."skuKey" >= ${key.skuKey} AND ${tuple}`;
}

/** The key a cursor names; a cursor of the other `by` (a location where there is none, or none where one is due) is refused. */
const keyOf = (byLocation: boolean) =>
  z
    .tuple([z.string(), z.string(), z.string().nullable()])
    .refine(([, , location]) => (location !== null) === byLocation)
    .transform(([skuKey, site, location]): Key => ({ skuKey, site, location }));
const cursorKeys = { byLocation: keyOf(true), bySite: keyOf(false) };
