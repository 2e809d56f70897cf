// A small warehouse for ledger tests: one site with ambient, chilled and hazmat bins, and items of each
// tracking mode. Made directly in the database (the catalogue's own functions are tested elsewhere).
import { SYSTEM_ACTOR } from "../../lib/auth/actor";
import type { Db } from "../../lib/db/client";
import type { Prisma } from "../../lib/db/generated/client";
import { ensureDefaultReasonCodes } from "../../lib/reasons/default-reason-codes";
import { createSite } from "../../lib/locations/create-site";
import { postMovement } from "../../lib/ledger/post-movement";

let sequence = 0;

export async function buildWarehouse(db: Db) {
  await ensureDefaultReasonCodes(db);
  const code = `W${Date.now().toString(36).toUpperCase()}${sequence++}`;
  const site = await createSite(db, SYSTEM_ACTOR, { code, name: `Warehouse ${code}` });
  const root = await db.location.findUniqueOrThrow({ where: { code } });
  const bin = (suffix: string, conditions: Partial<Prisma.LocationUncheckedCreateInput> = {}) =>
    db.location.create({
      data: {
        siteId: site.id,
        parentId: root.id,
        code: `${code}-${suffix}`,
        name: `Bin ${suffix}`,
        type: "bin",
        path: `${code}/${code}-${suffix}`,
        ...conditions,
      },
    });
  const [a1, a2, chilled, cage] = await Promise.all([
    bin("A1"),
    bin("A2"),
    bin("C1", { tempMinC: 2, tempMaxC: 8 }),
    bin("H1", { hazardClasses: ["3"] }),
  ]);
  const item = (sku: string, data: Partial<Prisma.ItemUncheckedCreateInput> = {}) =>
    db.item.create({ data: { sku: `${code}-${sku}`, skuKey: `${code}-${sku}`.toLowerCase(), name: `Item ${sku}`, ...data } });
  const [plain, lotted, serialised, milk, solvent] = await Promise.all([
    item("PLAIN"),
    item("LOT", { tracking: "lot" }),
    item("SER", { tracking: "serial" }),
    item("MILK", { tracking: "lot", tempMinC: 2, tempMaxC: 8 }),
    item("SOLV", { hazardClass: "3" }),
  ]);
  return { site, bins: { a1, a2, chilled, cage }, items: { plain, lotted, serialised, milk, solvent } };
}

export async function onHand(db: Db, itemId: string, locationId: string, lotId: string | null = null) {
  const level = await db.stockLevel.findFirst({ where: { itemId, locationId, lotId } });
  return level?.onHand ?? 0;
}

/** The warehouse plus a zone Z with bins Z1 and Z2 under it, and a `receive` shortcut, for counts of a zone. */
export async function buildZonedWarehouse(db: Db) {
  const w = await buildWarehouse(db);
  const root = await db.location.findUniqueOrThrow({ where: { code: w.site.code } });
  const zone = await db.location.create({
    data: { siteId: w.site.id, parentId: root.id, code: `${w.site.code}-Z`, name: "Zone", type: "zone", path: `${root.path}/${w.site.code}-Z` },
  });
  const bin = (suffix: string) =>
    db.location.create({
      data: {
        siteId: w.site.id,
        parentId: zone.id,
        code: `${zone.code}${suffix}`,
        name: `Bin ${suffix}`,
        type: "bin",
        path: `${zone.path}/${zone.code}${suffix}`,
      },
    });
  const [z1, z2] = [await bin("1"), await bin("2")];
  const receive = (sku: string, quantity: number, to: string, extra: object = {}) =>
    postMovement(db, SYSTEM_ACTOR, { kind: "receive", sku, quantity, to, reason: "received", ...extra });
  return { ...w, zone, z1, z2, receive };
}
