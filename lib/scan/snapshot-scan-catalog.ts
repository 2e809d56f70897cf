import type { ScanCatalog, ScanItem, ScanLot, ScanSerial } from "./resolve-scan";
import type { SiteSnapshot } from "./schemas";

/** The browser's ScanCatalog in a Wi-Fi hole: the last synced copy of one site, indexed once. */
export function snapshotScanCatalog(snapshot: SiteSnapshot): ScanCatalog {
  const items = snapshot.items.map((item): ScanItem => ({
    id: item.sku,
    sku: item.sku,
    name: item.name,
    gtin: item.gtin,
    tracking: item.tracking,
    unit: item.unit,
  }));
  const bySku = new Map(items.map((item) => [item.sku.toLowerCase(), item]));
  const byGtin = new Map(items.filter((item) => item.gtin).map((item) => [item.gtin!, item]));
  const byAlias = new Map(snapshot.items.flatMap((item) => item.aliases.map((alias) => [alias, bySku.get(item.sku.toLowerCase())!] as const)));
  const locations = new Map(snapshot.locations.map((l) => [l.code, { ...l, site: snapshot.site }]));
  const lots = (number: string, item?: ScanItem): ScanLot[] =>
    snapshot.lots
      .filter((lot) => lot.number === number && (!item || lot.sku === item.sku))
      .map((lot) => ({ item: bySku.get(lot.sku.toLowerCase())!, number: lot.number, expiresOn: lot.expiresOn }));
  const serials = (serial: string, item?: ScanItem): ScanSerial[] =>
    snapshot.serials
      .filter((s) => s.serial === serial && (!item || s.sku === item.sku))
      .map((s) => ({ item: bySku.get(s.sku.toLowerCase())!, serial: s.serial, location: s.location, lot: s.lot }));
  return {
    itemByGtin: async (gtin14) => byGtin.get(gtin14) ?? null,
    itemByCode: async (code) => bySku.get(code.toLowerCase()) ?? byAlias.get(code) ?? null,
    locationByCode: async (code) => locations.get(code) ?? null,
    lots: async (number, item) => lots(number, item),
    serials: async (serial, item) => serials(serial, item),
  };
}
