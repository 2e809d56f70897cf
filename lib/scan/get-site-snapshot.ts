import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db } from "../db/client";
import { NotFound } from "../domain-error";
import type { SiteSnapshot } from "./schemas";

/**
 * What a phone keeps of one site for scanning in Wi-Fi holes: the active catalogue with its barcodes, the site's
 * physical locations, and the lots, serials and levels there. Four queries, whatever the size.
 */
export async function getSiteSnapshot(db: Db, actor: Actor, siteCode: string): Promise<SiteSnapshot> {
  const site = await db.site.findUnique({ where: { code: siteCode.toUpperCase() }, select: { id: true, code: true } });
  if (!site) throw new NotFound("Site", siteCode);
  authorize(actor, "stock.view", { siteId: site.id });
  const [items, locations, levels, serials] = await Promise.all([
    db.item.findMany({
      where: { active: true },
      select: { sku: true, name: true, tracking: true, unit: true, barcodes: { select: { code: true, kind: true }, orderBy: { code: "asc" } } },
      orderBy: { skuKey: "asc" },
    }),
    db.location.findMany({
      where: { siteId: site.id, isVirtual: false, active: true },
      select: { code: true, name: true, type: true },
      orderBy: { path: "asc" },
    }),
    db.stockLevel.findMany({
      where: { location: { siteId: site.id }, isVirtual: false, onHand: { gt: 0 } },
      select: {
        onHand: true,
        item: { select: { sku: true } },
        location: { select: { code: true } },
        lot: { select: { number: true, expiresOn: true } },
      },
    }),
    db.serial.findMany({
      where: { location: { siteId: site.id } },
      select: { serial: true, item: { select: { sku: true } }, location: { select: { code: true } }, lot: { select: { number: true } } },
    }),
  ]);
  const lots = new Map<string, SiteSnapshot["lots"][number]>();
  for (const level of levels) {
    if (level.lot)
      lots.set(`${level.item.sku}\u0000${level.lot.number}`, {
        sku: level.item.sku,
        number: level.lot.number,
        expiresOn: level.lot.expiresOn?.toISOString().slice(0, 10) ?? null,
      });
  }
  return {
    site: site.code,
    generatedAt: new Date().toISOString(),
    items: items.map((item) => ({
      sku: item.sku,
      name: item.name,
      tracking: item.tracking,
      unit: item.unit,
      gtin: item.barcodes.find((b) => b.kind === "gtin")?.code ?? null,
      aliases: item.barcodes.filter((b) => b.kind === "alias").map((b) => b.code),
    })),
    locations,
    lots: [...lots.values()],
    serials: serials.map((s) => ({ sku: s.item.sku, serial: s.serial, location: s.location?.code ?? null, lot: s.lot?.number ?? null })),
    levels: levels.map((l) => ({ sku: l.item.sku, location: l.location.code, lot: l.lot?.number ?? null, onHand: l.onHand })),
  };
}
