import { describe, expect, it } from "vitest";
import { buildUser } from "../../tests/factories/access";
import { relayAll } from "../../tests/factories/events";
import { buildWarehouse } from "../../tests/factories/stock";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getDb } from "../db/client";
import { postMovement } from "../ledger/post-movement";
import { listLocations } from "../locations/list-locations";
import { afterEventsWritten } from "../system/after-events-written";
import { setThresholds } from "../thresholds/set-thresholds";
import { chooseMapSite } from "./choose-map-site";
import { listBinSummaries } from "./list-bin-summaries";

const db = getDb();
const bins0 = <T extends { location: string }>(list: T[]) => Object.fromEntries(list.map((b) => [b.location, b]));
const kindsIn = (bin: { alerts: { kind: string }[] } | undefined) => bin?.alerts.map((a) => a.kind).sort();

describe("listBinSummaries and chooseMapSite", () => {
  it("sums units, value and picks per bin, and finds the site to show", async () => {
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
    expect(bins0(await listBinSummaries(db, SYSTEM_ACTOR, w.site.id, await listLocations(db, SYSTEM_ACTOR, { site: w.site.code })))).toMatchObject({
      [w.bins.a1.code]: { units: 5, value: 5, picks: 2 },
      [w.bins.a2.code]: { picks: 0 },
    });
    expect(bins.get(w.bins.a1.code)).toMatchObject({ units: 7 });
    expect(bins.get(w.bins.a2.code)).toMatchObject({ units: 2 });
    expect(bins.get(w.bins.cage.code)).toMatchObject({ units: 0 });

    expect(await chooseMapSite(db, SYSTEM_ACTOR, { focus: w.bins.a2.code.toLowerCase() })).toBe(w.site.code);
    expect(await chooseMapSite(db, SYSTEM_ACTOR, { highlight: w.items.plain.sku })).toBe(w.site.code);
    const other = await buildWarehouse(db);
    const clerk = await buildUser(db, "clerk", { sites: [other.site.code] });
    expect(await chooseMapSite(db, clerk.actor, { focus: w.bins.a2.code })).toBeNull();
    await expect(listBinSummaries(db, clerk.actor, w.site.id, locations)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("places the site's active alerts on the bins they concern: by location, by lot, by item, and the bins a site-wide alert lists", async () => {
    const w = await buildWarehouse(db);
    const { plain, lotted } = w.items;
    await setThresholds(db, SYSTEM_ACTOR, plain.sku, { site: w.site.code, reorderPoint: 10 });
    await db.location.update({ where: { id: w.bins.cage.id }, data: { capacityUnits: 1 } });
    const receive = (sku: string, to: string, quantity: number, lot?: { lot: string; expiresAt: string }) =>
      postMovement(db, SYSTEM_ACTOR, { kind: "receive", sku, to, quantity, reason: "received", ...lot });
    await receive(plain.sku, w.bins.a1.code, 4);
    await receive(plain.sku, w.bins.a2.code, 2);
    await receive(lotted.sku, w.bins.a1.code, 3, { lot: "SOON", expiresAt: new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10) });
    await receive(lotted.sku, w.bins.a2.code, 2, { lot: "LATER", expiresAt: "2031-01-01" });
    await receive(lotted.sku, w.bins.cage.code, 2, { lot: "LATER", expiresAt: "2031-01-01" });
    await relayAll(db, afterEventsWritten); // raises low stock (plain), expiring (lot SOON), over capacity (cage)

    // A site-wide alert naming its bins, already acknowledged; a resolved one; the same item low at another site.
    const other = await buildWarehouse(db);
    await db.alert.createMany({
      data: [
        {
          kind: "count_overdue",
          state: "acknowledged",
          conditionKey: `count_overdue:${w.site.id}`,
          siteId: w.site.id,
          detail: { bins: 1, cycleDays: 90, locations: [w.bins.a2.code] },
        },
        {
          kind: "quarantine_aged",
          state: "resolved",
          conditionKey: `q:${w.site.id}`,
          siteId: w.site.id,
          locationId: w.bins.a1.id,
          resolvedAt: new Date(),
        },
        { kind: "stockout", conditionKey: `stockout:${lotted.id}:${other.site.id}`, siteId: other.site.id, itemId: lotted.id },
      ],
    });

    const locations = await listLocations(db, SYSTEM_ACTOR, { site: w.site.code });
    const bins = bins0(await listBinSummaries(db, SYSTEM_ACTOR, w.site.id, locations));
    expect(kindsIn(bins[w.bins.a1.code])).toEqual(["expiring", "low_stock"]);
    expect(bins[w.bins.a1.code].alerts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "expiring", sku: lotted.sku, lot: "SOON" }),
        expect.objectContaining({ kind: "low_stock", sku: plain.sku, lot: null }),
      ]),
    );
    expect(kindsIn(bins[w.bins.a2.code])).toEqual(["count_overdue", "low_stock"]);
    expect(kindsIn(bins[w.bins.cage.code])).toEqual(["bin_over_capacity"]);
    // The same low-stock alert on both bins holding the item, once each.
    expect(bins[w.bins.a1.code].alerts.find((a) => a.kind === "low_stock")!.id).toBe(
      bins[w.bins.a2.code].alerts.find((a) => a.kind === "low_stock")!.id,
    );

    // Restocked, the low-stock alert resolves by itself and leaves the map with it.
    await receive(plain.sku, w.bins.a1.code, 20);
    await relayAll(db, afterEventsWritten);
    const after = bins0(await listBinSummaries(db, SYSTEM_ACTOR, w.site.id, locations));
    expect(kindsIn(after[w.bins.a1.code])).toEqual(["expiring"]);
    expect(kindsIn(after[w.bins.a2.code])).toEqual(["count_overdue"]);
  });
});
