/**
 * The demo warehouse: two sites with zones and a few hundred bins, ~300 items with suppliers and GTIN-13
 * barcodes, lots for perishables, serials for tools, opening stock posted as movements, one user per role.
 * Idempotent: each part is created only when missing, so a second run changes nothing.
 */
import { SYSTEM_ACTOR } from "../lib/auth/actor";
import { hashPassword } from "../lib/auth/passwords";
import type { Db } from "../lib/db/client";
import type { Location } from "../lib/db/generated/client";
import { ensureCategory } from "../lib/catalog/ensure-category";
import { gs1CheckDigit } from "../lib/gs1/check-digit";
import { OPENING_STOCK_REFERENCE, postOpeningStock, type OpeningStockLine } from "../lib/ledger/post-opening-stock";
import { DEMO_CATEGORY_METHODS, DEMO_ITEM_METHODS, hasDemoHistory, seedHistory, type HistoryItem } from "./demo-history";
import { ensureDefaultReasonCodes } from "../lib/reasons/default-reason-codes";
import { createSite } from "../lib/locations/create-site";
import { virtualLocationCode } from "../lib/locations/virtual-locations";
import { demoItems, demoSuppliers, type DemoItem } from "./demo-catalog";
import { saveSiteMap } from "../lib/maps/save-site-map";
import { refreshSearchWords } from "../lib/search/refresh-search-words";
import { demoMapShapes } from "./demo-map";

export const DEMO_USERS = [
  { email: "admin@example.com", name: "Avery Admin", role: "admin", sites: [] },
  { email: "manager@example.com", name: "Morgan Manager", role: "manager", sites: [] },
  { email: "clerk@example.com", name: "Casey Clerk", role: "clerk", sites: ["WH1"] },
  { email: "viewer@example.com", name: "Vic Viewer", role: "viewer", sites: [] },
] as const;

type ZoneSpec = { code: string; name: string; aisles: number; binsPerAisle: number; tempMinC?: number; tempMaxC?: number; hazardClasses?: string[] };

const SITES: { code: string; name: string; timezone: string; address: string; zones: ZoneSpec[] }[] = [
  {
    code: "WH1",
    name: "Rotterdam DC",
    timezone: "Europe/Amsterdam",
    address: "Waalhaven Z.z. 40, Rotterdam",
    zones: [
      { code: "A", name: "Ambient racking", aisles: 6, binsPerAisle: 20 },
      { code: "B", name: "Bulk floor", aisles: 2, binsPerAisle: 10 },
      { code: "C", name: "Chilled 2–8 °C", aisles: 2, binsPerAisle: 12, tempMinC: 2, tempMaxC: 8 },
      { code: "F", name: "Frozen −25…−18 °C", aisles: 1, binsPerAisle: 10, tempMinC: -25, tempMaxC: -18 },
      { code: "H", name: "Hazmat cage", aisles: 1, binsPerAisle: 8, hazardClasses: ["2.1", "3", "8", "9"] },
    ],
  },
  {
    code: "WH2",
    name: "Hamburg Hub",
    timezone: "Europe/Berlin",
    address: "Am Sandtorkai 12, Hamburg",
    zones: [
      { code: "A", name: "Ambient racking", aisles: 4, binsPerAisle: 15 },
      { code: "C", name: "Chilled 2–8 °C", aisles: 1, binsPerAisle: 10, tempMinC: 2, tempMaxC: 8 },
      { code: "H", name: "Hazmat cage", aisles: 1, binsPerAisle: 6, hazardClasses: ["2.1", "3", "8", "9"] },
    ],
  },
];

/** GS1 company prefix reserved for demonstrations (GS1 "020-029" restricted-circulation range). */
const DEMO_GTIN_PREFIX = "0200000";

function gtin13(index: number) {
  const body = `${DEMO_GTIN_PREFIX}${String(index + 1).padStart(5, "0")}`;
  return `${body}${gs1CheckDigit(body)}`;
}

/** Deterministic numbers, so every seed produces the same warehouse. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function seedUsers(db: Db, password: string) {
  const passwordHash = await hashPassword(password);
  const sites = await db.site.findMany({ select: { id: true, code: true } });
  for (const user of DEMO_USERS) {
    const existing = await db.user.findUnique({ where: { email: user.email } });
    if (existing) continue;
    await db.user.create({
      data: {
        email: user.email,
        name: user.name,
        role: user.role,
        passwordHash,
        sites: { create: sites.filter((s) => (user.sites as readonly string[]).includes(s.code)).map((s) => ({ siteId: s.id })) },
      },
    });
  }
}

async function seedSites(db: Db) {
  for (const spec of SITES) {
    if (await db.site.findUnique({ where: { code: spec.code } })) continue;
    const site = await createSite(db, SYSTEM_ACTOR, { code: spec.code, name: spec.name, timezone: spec.timezone, address: spec.address });
    const root = await db.location.findUniqueOrThrow({ where: { code: spec.code } });
    for (const zone of spec.zones) {
      const zoneCode = `${spec.code}-${zone.code}`;
      const conditions = { tempMinC: zone.tempMinC, tempMaxC: zone.tempMaxC, hazardClasses: zone.hazardClasses ?? [] };
      const zoneRow = await db.location.create({
        data: { siteId: site.id, parentId: root.id, code: zoneCode, name: zone.name, type: "zone", path: `${spec.code}/${zoneCode}`, ...conditions },
      });
      const aisles = await db.location.createManyAndReturn({
        data: Array.from({ length: zone.aisles }, (_, a) => {
          const code = `${zoneCode}${String(a + 1).padStart(2, "0")}`;
          return {
            siteId: site.id,
            parentId: zoneRow.id,
            code,
            name: `Aisle ${code}`,
            type: "aisle" as const,
            path: `${zoneRow.path}/${code}`,
            ...conditions,
          };
        }),
      });
      await db.location.createMany({
        data: aisles.flatMap((aisle) =>
          Array.from({ length: zone.binsPerAisle }, (_, b) => {
            const code = `${aisle.code}-${String(b + 1).padStart(2, "0")}`;
            return {
              siteId: site.id,
              parentId: aisle.id,
              code,
              name: `Bin ${code}`,
              type: "bin" as const,
              path: `${aisle.path}/${code}`,
              capacityUnits: 500,
              ...conditions,
            };
          }),
        ),
      });
    }
  }
}

async function seedCatalog(db: Db) {
  await db.supplier.createMany({
    data: demoSuppliers.map((s) => ({ code: s.code, name: s.name, email: s.email, phone: s.phone })),
    skipDuplicates: true,
  });
  const suppliers = new Map((await db.supplier.findMany({ select: { id: true, code: true } })).map((s) => [s.code, s.id]));
  const categories = new Map<string, string>();
  const categoryFor = async (path: string[]) => {
    const key = path.join(" > ");
    if (!categories.has(key)) {
      const id = await ensureCategory(db, key);
      // Before any stock is posted, so no revaluation is due.
      const method = DEMO_CATEGORY_METHODS[key];
      if (method) await db.category.update({ where: { id }, data: { costingMethod: method } });
      categories.set(key, id);
    }
    return categories.get(key)!;
  };
  const items = demoItems();
  const existing = new Set((await db.item.findMany({ select: { skuKey: true } })).map((i) => i.skuKey));
  for (const [index, item] of items.entries()) {
    if (existing.has(item.sku.toLowerCase())) continue;
    const categoryId = await categoryFor(item.category);
    await db.item.create({
      data: {
        sku: item.sku,
        skuKey: item.sku.toLowerCase(),
        name: item.name,
        description: item.description,
        categoryId,
        unit: item.unit,
        tracking: item.tracking,
        tempMinC: item.tempMinC,
        tempMaxC: item.tempMaxC,
        hazardClass: item.hazardClass,
        handlingNotes: item.handlingNotes,
        costingMethod: DEMO_ITEM_METHODS[item.sku] ?? null,
        standardCost: DEMO_ITEM_METHODS[item.sku] === "standard" ? item.unitCost : null,
        attributes: item.shelfLifeDays ? { shelfLifeDays: item.shelfLifeDays } : {},
        // The item-wide default; sites inherit it until they set their own (lib/thresholds).
        thresholds: { create: [{ reorderPoint: item.reorderPoint, reorderPointSource: "manual", updatedBy: "seed" }] },
        barcodes: { create: [{ kind: "gtin", code: gtin13(index).padStart(14, "0") }] },
        suppliers: {
          create: item.supplierCodes.map((code, rank) => ({
            supplierId: suppliers.get(code)!,
            supplierSku: rank === 0 ? item.supplierSku : null,
            unitCost: item.unitCost,
            leadTimeDays: item.leadTimeDays + rank * 3,
            minOrderQty: item.minOrderQty,
            preferred: rank === 0,
          })),
        },
      },
    });
  }
}

/** A zone whose conditions suit the item: chilled/frozen by temperature, the cage for hazardous goods. */
function zoneFor(item: DemoItem, zones: string[]): string | undefined {
  if (item.tempMaxC !== undefined && item.tempMaxC <= -18) return zones.find((z) => z.endsWith("-F"));
  if (item.tempMaxC !== undefined && item.tempMaxC <= 8) return zones.find((z) => z.endsWith("-C"));
  if (item.hazardClass) return zones.find((z) => z.endsWith("-H"));
  return zones.find((z) => z.endsWith("-A"));
}

async function seedOpeningStock(db: Db) {
  const alreadyPosted = await db.stockMovement.findFirst({ where: { reference: OPENING_STOCK_REFERENCE }, select: { id: true } });
  if (alreadyPosted) return;
  const random = prng(20261127);
  const items = demoItems();
  const itemRows = new Map((await db.item.findMany({ select: { id: true, skuKey: true } })).map((i) => [i.skuKey, i.id]));
  const today = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()));
  const historyBySite: HistoryItem[][] = [];

  for (const site of SITES) {
    const bins = await db.location.findMany({ where: { site: { code: site.code }, type: "bin" }, orderBy: { code: "asc" } });
    const binsByZone = new Map<string, Location[]>();
    for (const bin of bins) {
      const zone = bin.path.split("/")[1];
      binsByZone.set(zone, [...(binsByZone.get(zone) ?? []), bin]);
    }
    const supplierLocation = await db.location.findUniqueOrThrow({ where: { code: virtualLocationCode(site.code, "supplier") } });
    const lines: OpeningStockLine[] = [];
    const withHistory: HistoryItem[] = [];
    historyBySite.push(withHistory);
    for (const item of items) {
      // Every item is stocked at the first site; about half of them at the second as well.
      if (site.code !== SITES[0].code && random() < 0.5) continue;
      const zone = zoneFor(item, [...binsByZone.keys()]);
      if (!zone) continue;
      const zoneBins = binsByZone.get(zone)!;
      const bin = zoneBins[Math.floor(random() * zoneBins.length)];
      const itemId = itemRows.get(item.sku.toLowerCase())!;
      const [low, high] = item.openingQty;
      const quantity = low + Math.floor(random() * (high - low + 1));
      const base = { itemId, binId: bin.id, supplierLocationId: supplierLocation.id, unitCost: item.unitCost };
      if (item.tracking === "serial") {
        const serials = await db.serial.createManyAndReturn({
          data: Array.from({ length: quantity }, (_, n) => ({ itemId, serial: `${item.sku}-${site.code}-${String(n + 1).padStart(4, "0")}` })),
          select: { id: true },
        });
        lines.push({ ...base, quantity, serialIds: serials.map((s) => s.id) });
      } else if (item.tracking === "lot") {
        // Two lots: an older one expiring sooner, so FEFO has something to choose between.
        const shelfLife = item.shelfLifeDays ?? 365;
        for (const [n, share] of [
          [1, 0.4],
          [2, 0.6],
        ] as const) {
          const expiresOn = new Date(today.getTime() + Math.round(shelfLife * (n === 1 ? 0.25 : 0.8)) * 86_400_000);
          const lot = await db.lot.upsert({
            where: { itemId_number: { itemId, number: `L${today.getUTCFullYear() % 100}${String(n * 137 + lines.length).padStart(4, "0")}` } },
            update: {},
            create: {
              itemId,
              number: `L${today.getUTCFullYear() % 100}${String(n * 137 + lines.length).padStart(4, "0")}`,
              expiresOn,
              manufacturedOn: new Date(expiresOn.getTime() - shelfLife * 86_400_000),
            },
          });
          lines.push({ ...base, lotId: lot.id, quantity: Math.max(1, Math.round(quantity * share)) });
        }
      } else if (hasDemoHistory(item.sku)) {
        // Opens with the same quantity, reached through two years of history (prisma/demo-history.ts).
        withHistory.push({ sku: item.sku, bin: bin.code, unitCost: item.unitCost, openingQty: quantity });
      } else {
        lines.push({ ...base, quantity });
      }
    }
    const siteRow = await db.site.findUniqueOrThrow({ where: { code: site.code } });
    await postOpeningStock(db, SYSTEM_ACTOR, lines, siteRow.id);
    // The year of sales this seed used to draw here took this many numbers; the later sites keep their draws.
    if (site.code === SITES[0].code) for (let n = 0; n < 6 * 364; n++) random();
  }
  await seedHistory(db, historyBySite, prng(20241204), today);
}

async function seedMap(db: Db) {
  const site = SITES[0];
  const map = await db.siteMap.findFirst({ where: { site: { code: site.code } }, select: { version: true } });
  if (map) return;
  await saveSiteMap(db, SYSTEM_ACTOR, site.code, { ...demoMapShapes(site.code, site.zones), unit: "m", version: 0 });
}

export async function seedDemo(db: Db, options: { password: string }) {
  await ensureDefaultReasonCodes(db);
  await seedSites(db);
  await seedUsers(db, options.password);
  await seedCatalog(db);
  await refreshSearchWords(db);
  await seedOpeningStock(db);
  await seedMap(db);
}

/** Whether the database has never been seeded (no users at all): `npm start` seeds only then. */
export async function isEmptyDatabase(db: Db) {
  return (await db.user.count()) === 0;
}
