import type { Actor } from "../auth/actor";
import { siteFilter } from "../auth/actor";
import { can } from "../auth/can";
import type { Db } from "../db/client";
import type { ScanCatalog, ScanItem } from "./resolve-scan";

const itemSelect = {
  id: true,
  sku: true,
  name: true,
  tracking: true,
  unit: true,
  barcodes: { where: { kind: "gtin" as const }, select: { code: true }, orderBy: { code: "asc" as const }, take: 1 },
};

type ItemRow = { id: string; sku: string; name: string; tracking: string; unit: string; barcodes: { code: string }[] };

function toScanItem(row: ItemRow): ScanItem {
  return { id: row.id, sku: row.sku, name: row.name, tracking: row.tracking, unit: row.unit, gtin: row.barcodes[0]?.code ?? null };
}

/** The server's ScanCatalog: the catalogue is shared, locations and serial whereabouts only at the actor's sites. */
export function databaseScanCatalog(db: Db, actor: Actor): ScanCatalog {
  const atActorSites = siteFilter(actor);
  return {
    async itemByGtin(gtin14) {
      const barcode = await db.barcode.findUnique({ where: { code: gtin14 }, select: { item: { select: itemSelect } } });
      return barcode ? toScanItem(barcode.item) : null;
    },
    async itemByCode(code) {
      const bySku = await db.item.findUnique({ where: { skuKey: code.toLowerCase() }, select: itemSelect });
      if (bySku) return toScanItem(bySku);
      const alias = await db.barcode.findUnique({ where: { code }, select: { item: { select: itemSelect } } });
      return alias ? toScanItem(alias.item) : null;
    },
    async locationByCode(code) {
      const location = await db.location.findFirst({
        where: { code, isVirtual: false, ...atActorSites },
        select: { code: true, name: true, type: true, site: { select: { code: true } } },
      });
      return location && { code: location.code, name: location.name, type: location.type, site: location.site.code };
    },
    async lots(number, item) {
      const rows = await db.lot.findMany({
        where: { number, ...(item ? { itemId: item.id } : {}) },
        select: { number: true, expiresOn: true, item: { select: itemSelect } },
        take: 2,
      });
      return rows.map((row) => ({ item: toScanItem(row.item), number: row.number, expiresOn: row.expiresOn?.toISOString().slice(0, 10) ?? null }));
    },
    async serials(serial, item) {
      const rows = await db.serial.findMany({
        where: { serial, ...(item ? { itemId: item.id } : {}) },
        select: { serial: true, item: { select: itemSelect }, lot: { select: { number: true } }, location: { select: { code: true, siteId: true } } },
        take: 2,
      });
      return rows.map((row) => ({
        item: toScanItem(row.item),
        serial: row.serial,
        // Where a unit is at a site the actor cannot see is not theirs to know.
        location: row.location && can(actor, "stock.view", { siteId: row.location.siteId }) ? row.location.code : null,
        lot: row.lot?.number ?? null,
      }));
    },
  };
}
