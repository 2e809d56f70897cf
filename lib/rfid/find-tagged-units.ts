import type { Db } from "../db/client";

/** The item a tag's GTIN names and, when known, the unit its serial names and where the ledger has it. */
export type TaggedUnit = {
  gtin: string;
  serial: string;
  itemId: string;
  sku: string;
  tracking: "none" | "lot" | "serial";
  lot: string | null;
  /** Null when the unit was never received, or its location is not physical (sold, scrapped, in transit…). */
  stockedAt: { id: string; code: string; siteId: string } | null;
};

export const unitKey = (unit: { gtin: string; serial: string }) => `${unit.gtin}|${unit.serial}`;

/**
 * Items by GTIN and units by serial for a whole batch in one statement: the (GTIN, serial) pairs are unnested
 * and joined through Barcode to Item and Serial. A pair whose GTIN no item carries is absent from the answer.
 */
export async function findTaggedUnits(db: Db, units: readonly { gtin: string; serial: string }[]): Promise<Map<string, TaggedUnit>> {
  if (units.length === 0) return new Map();
  const rows = await db.$queryRaw<
    (Omit<TaggedUnit, "stockedAt"> & { locationId: string | null; locationCode: string | null; siteId: string | null })[]
  >`
    SELECT t.gtin, t.serial, i.id::text AS "itemId", i.sku, i.tracking::text AS tracking, lot.number AS lot,
           l.id::text AS "locationId", l.code AS "locationCode", l."siteId"::text AS "siteId"
    FROM unnest(${units.map((u) => u.gtin)}::text[], ${units.map((u) => u.serial)}::text[]) AS t(gtin, serial)
    JOIN "Barcode" b ON b.code = t.gtin AND b.kind = 'gtin'
    JOIN "Item" i ON i.id = b."itemId"
    LEFT JOIN "Serial" s ON s."itemId" = i.id AND s.serial = t.serial
    LEFT JOIN "Lot" lot ON lot.id = s."lotId"
    LEFT JOIN "Location" l ON l.id = s."locationId" AND NOT l."isVirtual" AND l.type <> 'site'`;
  return new Map(
    rows.map(({ locationId, locationCode, siteId, ...unit }) => [
      unitKey(unit),
      { ...unit, stockedAt: locationId ? { id: locationId, code: locationCode!, siteId: siteId! } : null },
    ]),
  );
}
