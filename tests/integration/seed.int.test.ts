import { beforeAll, describe, expect, it } from "vitest";
import { readSiteMap } from "../../lib/maps/read-site-map";
import { planPickRoute } from "../../lib/routing/plan-pick-route";
import { signInWithPassword } from "../../lib/auth/sign-in";
import { getDb } from "../../lib/db/client";
import { hasValidGs1CheckDigit } from "../../lib/gs1/check-digit";
import { DEMO_USERS, isEmptyDatabase, seedDemo } from "../../prisma/seed";

const db = getDb();

async function counts() {
  const [users, sites, locations, items, lots, serials, movements, levels, audit] = await Promise.all([
    db.user.count(),
    db.site.count(),
    db.location.count(),
    db.item.count(),
    db.lot.count(),
    db.serial.count(),
    db.stockMovement.count(),
    db.stockLevel.count(),
    db.auditEntry.count(),
  ]);
  return { users, sites, locations, items, lots, serials, movements, levels, audit };
}

describe("the demo seed", () => {
  beforeAll(async () => {
    expect(await isEmptyDatabase(db)).toBe(true);
    await seedDemo(db, { password: "demo-pass-1" });
  }, 120_000);

  it("builds two sites with zones and a few hundred bins", async () => {
    const sites = await db.site.findMany({ orderBy: { code: "asc" }, select: { code: true } });
    expect(sites.map((s) => s.code)).toEqual(["WH1", "WH2"]);
    expect(await db.location.count({ where: { type: "bin" } })).toBeGreaterThanOrEqual(200);
    expect(await db.location.count({ where: { type: "zone" } })).toBeGreaterThanOrEqual(6);
    for (const site of sites) expect(await db.location.count({ where: { site: { code: site.code }, isVirtual: true } })).toBe(7);
  });

  it("draws the first site's floor plan with every bin on it, and a pick route on it beats the naive order", async () => {
    const map = await db.siteMap.findFirstOrThrow({ where: { site: { code: "WH1" } } });
    const drawn = new Set((map.shapes as { location?: string }[]).map((s) => s.location).filter(Boolean));
    const bins = await db.location.findMany({ where: { site: { code: "WH1" }, type: "bin" }, select: { code: true } });
    expect(bins.every((b) => drawn.has(b.code))).toBe(true);
    // Every ninth bin, in an order spread over the zones: the route must walk less than the bin-code order.
    const loaded = await readSiteMap(db, map.siteId);
    const route = planPickRoute(
      loaded!.graph,
      bins.filter((_, i) => i % 9 === 0).map((b) => b.code),
    );
    expect(route.length).toBeLessThan(route.naiveLength);
  });

  it("has ~300 items, each with a supplier and a valid GTIN-13", async () => {
    const items = await db.item.findMany({ include: { barcodes: true, suppliers: true, category: true } });
    expect(items.length).toBeGreaterThanOrEqual(280);
    for (const item of items) {
      expect(item.suppliers.length, item.sku).toBeGreaterThan(0);
      const gtin = item.barcodes.find((b) => b.kind === "gtin")!.code;
      expect(gtin).toMatch(/^0\d{13}$/); // a GTIN-13 stored as GTIN-14
      expect(hasValidGs1CheckDigit(gtin), gtin).toBe(true);
      expect(item.category?.path).toContain(" > ");
    }
  });

  it("gives perishables lots with expiry dates and tools serials with a place", async () => {
    expect(await db.lot.count({ where: { expiresOn: null } })).toBe(0);
    expect(await db.lot.count()).toBeGreaterThan(50);
    expect(await db.serial.count({ where: { locationId: null } })).toBe(0);
    expect(await db.serial.count()).toBeGreaterThan(20);
  });

  it("posts opening stock as movements, and every kept level equals the sum of its movements", async () => {
    expect(await db.stockMovement.count()).toBeGreaterThan(300);
    const mismatches = await db.$queryRaw<{ n: bigint }[]>`
      WITH ledger AS (
        SELECT "itemId", "locationId", "lotId", SUM(delta)::int AS total FROM (
          SELECT "itemId", "toLocationId" AS "locationId", "lotId", quantity AS delta FROM "StockMovement"
          UNION ALL SELECT "itemId", "fromLocationId", "lotId", -quantity FROM "StockMovement") d
        JOIN "Location" loc ON loc.id = d."locationId" AND stockroom_keeps_levels(loc.type)
        GROUP BY 1, 2, 3)
      SELECT count(*) AS n FROM ledger l FULL JOIN "StockLevel" s
        ON s."itemId" = l."itemId" AND s."locationId" = l."locationId" AND s."lotId" IS NOT DISTINCT FROM l."lotId"
      WHERE s."onHand" IS DISTINCT FROM l.total`;
    expect(Number(mismatches[0].n)).toBe(0);
    const serialMovements = await db.movementSerial.count();
    expect(serialMovements).toBe(await db.serial.count());
  });

  it("creates one user per role who can sign in, the clerk at the first site only", async () => {
    for (const user of DEMO_USERS) {
      expect(await signInWithPassword(db, { email: user.email, password: "demo-pass-1" }), user.email).not.toBeNull();
    }
    const clerk = await db.user.findUniqueOrThrow({ where: { email: "clerk@example.com" }, include: { sites: { include: { site: true } } } });
    expect(clerk.sites.map((s) => s.site.code)).toEqual(["WH1"]);
  });

  it("changes nothing when run again", async () => {
    const before = await counts();
    await seedDemo(db, { password: "demo-pass-1" });
    expect(await counts()).toEqual(before);
  });
});
