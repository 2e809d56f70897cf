import type { DbTx } from "../db/client";
import { countedLocations, type CountSessionRow } from "./count-view";
import { ScanRefused } from "./errors";
import type { ParsedCountScan } from "./schemas";

/**
 * Checks scans against the session and appends them. A serial already counted in this session (earlier or in
 * the same batch) is skipped by the (session, item, serial) unique index rather than counted twice. Answers how
 * many scans were kept.
 */
export async function recordScans(tx: DbTx, session: CountSessionRow, scans: readonly ParsedCountScan[]): Promise<number> {
  if (scans.length === 0) return 0;
  const locations = await countedLocations(tx, session);
  const locationByCode = new Map(locations.map((l) => [l.code, l]));
  const items = await tx.item.findMany({
    where: { skuKey: { in: [...new Set(scans.map((s) => s.sku.toLowerCase()))] } },
    select: { id: true, sku: true, skuKey: true, tracking: true },
  });
  const itemBySku = new Map(items.map((i) => [i.skuKey, i]));
  const lots = await tx.lot.findMany({
    where: {
      OR: scans.flatMap((s) =>
        s.lot && itemBySku.has(s.sku.toLowerCase()) ? [{ itemId: itemBySku.get(s.sku.toLowerCase())!.id, number: s.lot }] : [],
      ),
    },
    select: { id: true, itemId: true, number: true },
  });
  const lotIdOf = new Map(lots.map((l) => [`${l.itemId}|${l.number}`, l.id]));
  const serials = await tx.serial.findMany({
    where: {
      OR: scans.flatMap((s) =>
        s.serial && itemBySku.has(s.sku.toLowerCase()) ? [{ itemId: itemBySku.get(s.sku.toLowerCase())!.id, serial: s.serial }] : [],
      ),
    },
    select: { itemId: true, serial: true, lotId: true },
  });
  const serialLot = new Map(serials.map((s) => [`${s.itemId}|${s.serial}`, s.lotId]));

  const rows = scans.map((scan, index) => {
    const location = locationByCode.get(scan.location);
    if (!location) throw new ScanRefused(index, "location", `${scan.location} is not within ${session.location.code}, the location being counted`);
    const item = itemBySku.get(scan.sku.toLowerCase());
    if (!item) throw new ScanRefused(index, "sku", `No item has the SKU ${scan.sku}`);
    if (item.tracking === "lot" && !scan.lot) throw new ScanRefused(index, "lot", `${item.sku} is lot-tracked: scan or enter the lot`);
    if (item.tracking === "none" && scan.lot) throw new ScanRefused(index, "lot", `${item.sku} is not lot-tracked`);
    if (item.tracking === "serial" && !scan.serial) throw new ScanRefused(index, "serial", `${item.sku} is serial-tracked: scan each serial`);
    if (item.tracking !== "serial" && scan.serial) throw new ScanRefused(index, "serial", `${item.sku} is not serial-tracked`);
    if (scan.serial && scan.quantity !== 1) throw new ScanRefused(index, "quantity", "A serial is one unit");
    let lotId: string | null = scan.lot ? (lotIdOf.get(`${item.id}|${scan.lot}`) ?? null) : null;
    if (scan.lot && !lotId) throw new ScanRefused(index, "lot", `${item.sku} has no lot ${scan.lot}`);
    // A serial scanned without its lot is counted in the lot it was received in.
    if (!lotId && scan.serial) lotId = serialLot.get(`${item.id}|${scan.serial}`) ?? null;
    return {
      sessionId: session.id,
      locationId: location.id,
      itemId: item.id,
      lotId,
      serial: scan.serial ?? null,
      quantity: scan.quantity,
      source: scan.source,
    };
  });
  const { count } = await tx.countScan.createMany({ data: rows, skipDuplicates: true });
  return count;
}
