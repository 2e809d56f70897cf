import { z } from "zod";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { ValidationFailed } from "../domain-error";
import { codeField } from "../contract/code-field";
import { decodeCursor, encodeCursor } from "../db/key-cursor";
import { AVAILABLE_OF_LEVEL } from "./availability-rule";

export const availabilityQuery = z.object({
  sku: z.string().trim().min(1).max(64).optional().describe("One item; every item with stock when left out"),
  site: codeField.optional().describe("One site; every site the caller may see when left out"),
  cursor: z.string().max(200).optional().describe("`next` of the previous page"),
  limit: z.coerce.number().int().min(1).max(1000).optional().describe("Page size, 500 when left out"),
});

export const availabilityRow = z
  .object({
    sku: z.string(),
    site: z.string(),
    onHand: z.number().int().describe("Units physically at the site (bins, staging and quarantine; not in transit)"),
    reserved: z.number().int().describe("Units held by reservations and orders"),
    available: z
      .number()
      .int()
      .describe("What can still be promised: on hand − reserved in storage bins, lots past expiry left out, never below zero"),
  })
  .meta({ id: "Availability" });

export type AvailabilityRow = z.infer<typeof availabilityRow>;

/** A page's cursor: the last row's SKU key and site, the order the rows come in. */
const cursorKey = z.tuple([z.string(), z.string()]).transform(([skuKey, site]) => ({ skuKey, site }));

/**
 * Availability per item × site under the one rule (./availability-rule.ts), limited to the caller's sites. An
 * item asked for by SKU answers a row per visible site even where it has no stock (available 0), so a shop
 * can tell "none" from "unknown".
 */
export async function getAvailability(
  db: Db,
  actor: Actor,
  query: z.input<typeof availabilityQuery>,
): Promise<{ data: AvailabilityRow[]; next: string | null }> {
  authorize(actor, "stock.view");
  const q = availabilityQuery.parse(query);
  const limit = q.limit ?? 500;
  const item = q.sku ? await db.item.findUnique({ where: { skuKey: q.sku.toLowerCase() }, select: { id: true } }) : null;
  if (q.sku && !item) throw new ValidationFailed([{ field: "sku", message: `No item has the SKU ${q.sku}` }]);
  const site = q.site ? await db.site.findUnique({ where: { code: q.site }, select: { id: true } }) : null;
  if (q.site && !site) throw new ValidationFailed([{ field: "site", message: `No site has the code ${q.site}` }]);
  if (site && actor.sites !== "all" && !actor.sites.includes(site.id)) authorize(actor, "stock.view", { siteId: site.id });

  const cursor = q.cursor ? decodeCursor(q.cursor, cursorKey) : null;
  const siteIds = actor.sites === "all" ? null : [...actor.sites];
  const conditions = [
    site ? Prisma.sql`st.id = ${site.id}::uuid` : Prisma.sql`st.active`,
    siteIds ? Prisma.sql`st.id = ANY(${siteIds}::uuid[])` : Prisma.sql`true`,
    item ? Prisma.sql`i.id = ${item.id}::uuid` : Prisma.sql`true`,
    cursor ? Prisma.sql`(i."skuKey", st.code) > (${cursor.skuKey}, ${cursor.site})` : Prisma.sql`true`,
  ];
  // With a SKU: every visible site, stock or not; without: the item × site pairs that have levels.
  const levels = Prisma.sql`"StockLevel" s JOIN "Location" loc ON loc.id = s."locationId" LEFT JOIN "Lot" lot ON lot.id = s."lotId"`;
  const from = item
    ? Prisma.sql`"Site" st CROSS JOIN "Item" i LEFT JOIN (${levels}) ON s."itemId" = i.id AND loc."siteId" = st.id`
    : Prisma.sql`${levels} JOIN "Site" st ON st.id = loc."siteId" JOIN "Item" i ON i.id = s."itemId"`;
  const rows = await db.$queryRaw<(AvailabilityRow & { skuKey: string })[]>`
    SELECT i.sku, i."skuKey", st.code AS site,
      COALESCE(SUM(s."onHand") FILTER (WHERE NOT loc."isVirtual"), 0)::int AS "onHand",
      COALESCE(SUM(s.reserved) FILTER (WHERE NOT loc."isVirtual"), 0)::int AS reserved,
      COALESCE(SUM(${AVAILABLE_OF_LEVEL}), 0)::int AS available
    FROM ${from}
    WHERE ${Prisma.join(conditions, " AND ")}
    GROUP BY i.sku, i."skuKey", st.code
    ${item ? Prisma.empty : Prisma.sql`HAVING SUM(s."onHand") FILTER (WHERE NOT loc."isVirtual") <> 0 OR SUM(s.reserved) <> 0`}
    ORDER BY i."skuKey", st.code
    LIMIT ${limit + 1}`;
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    data: page.map(({ skuKey: _skuKey, ...row }) => row),
    next: rows.length > limit && last ? encodeCursor([last.skuKey, last.site]) : null,
  };
}
