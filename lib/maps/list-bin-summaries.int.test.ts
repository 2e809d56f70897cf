import { describe, expect, it } from "vitest";
import { buildUser } from "../../tests/factories/access";
import { buildWarehouse } from "../../tests/factories/stock";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getDb } from "../db/client";
import { postMovement } from "../ledger/post-movement";
import { listLocations } from "../locations/list-locations";
import { setThresholds } from "../thresholds/set-thresholds";
import { chooseMapSite } from "./choose-map-site";
import { listBinSummaries } from "./list-bin-summaries";

const db = getDb();
const bins0 = (list: { location: string }[]) => Object.fromEntries(list.map((b) => [b.location, b]));

describe("listBinSummaries and chooseMapSite", () => {
  it("sums units per bin, counts lots near expiry, names items below their reorder point, and finds the site to show", async () => {
    const w = await buildWarehouse(db);
    await setThresholds(db, SYSTEM_ACTOR, w.items.plain.sku, { site: w.site.code, reorderPoint: 10 });
    await setThresholds(db, SYSTEM_ACTOR, w.items.lotted.sku, { reorderPoint: 1, min: 0 }); // the default, 3 on hand: not low
    await postMovement(db, SYSTEM_ACTOR, { kind: "receive", sku: w.items.plain.sku, to: w.bins.a1.code, quantity: 4, reason: "received" });
    const soon = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    await postMovement(db, SYSTEM_ACTOR, {
      kind: "receive",
      sku: w.items.lotted.sku,
      to: w.bins.a1.code,
      quantity: 3,
      lot: "SOON",
      expiresAt: soon,
      reason: "received",
    });
    await postMovement(db, SYSTEM_ACTOR, {
      kind: "receive",
      sku: w.items.lotted.sku,
      to: w.bins.a2.code,
      quantity: 2,
      lot: "LATER",
      expiresAt: "2031-01-01",
      reason: "received",
    });

    const locations = await listLocations(db, SYSTEM_ACTOR, { site: w.site.code });
    const bins = new Map((await listBinSummaries(db, SYSTEM_ACTOR, w.site.id, locations)).map((b) => [b.location, b]));
    await db.itemSupplier.create({
      data: {
        itemId: w.items.plain.id,
        supplierId: (await db.supplier.create({ data: { code: `S${w.site.code}`, name: "S" } })).id,
        unitCost: 2.5,
        preferred: true,
      },
    });
    await postMovement(db, SYSTEM_ACTOR, { kind: "issue", sku: w.items.plain.sku, from: w.bins.a1.code, quantity: 1, reason: "sold" });
    await postMovement(db, SYSTEM_ACTOR, { kind: "issue", sku: w.items.plain.sku, from: w.bins.a1.code, quantity: 1, reason: "sold" });
    const counted = await db.countSession.create({
      data: { siteId: w.site.id, locationId: w.bins.a2.id, status: "submitted", startedByLabel: "t", closedAt: new Date() },
    });
    expect(counted.id).toBeTruthy();
    expect(bins0(await listBinSummaries(db, SYSTEM_ACTOR, w.site.id, await listLocations(db, SYSTEM_ACTOR, { site: w.site.code })))).toMatchObject({
      [w.bins.a1.code]: { units: 5, value: 5, picks: 2, isCountOverdue: true },
      [w.bins.a2.code]: { picks: 0, isCountOverdue: false },
    });
    expect(bins.get(w.bins.a1.code)).toMatchObject({ units: 7, expiringLots: 1, belowReorder: [w.items.plain.sku] });
    expect(bins.get(w.bins.a2.code)).toMatchObject({ units: 2, expiringLots: 0, belowReorder: [] });
    expect(bins.get(w.bins.cage.code)).toMatchObject({ units: 0 });

    expect(await chooseMapSite(db, SYSTEM_ACTOR, { focus: w.bins.a2.code.toLowerCase() })).toBe(w.site.code);
    expect(await chooseMapSite(db, SYSTEM_ACTOR, { highlight: w.items.plain.sku })).toBe(w.site.code);
    const other = await buildWarehouse(db);
    const clerk = await buildUser(db, "clerk", { sites: [other.site.code] });
    expect(await chooseMapSite(db, clerk.actor, { focus: w.bins.a2.code })).toBeNull();
    await expect(listBinSummaries(db, clerk.actor, w.site.id, locations)).rejects.toMatchObject({ code: "forbidden" });
  });
});
