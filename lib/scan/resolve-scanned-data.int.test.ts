import { describe, expect, it } from "vitest";
import { buildUser } from "../../tests/factories/access";
import { validGtin13 } from "../../tests/factories/catalog";
import { buildWarehouse } from "../../tests/factories/stock";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getDb } from "../db/client";
import { toGtin14 } from "../gs1/check-digit";
import { postMovement } from "../ledger/post-movement";
import { getSiteSnapshot } from "./get-site-snapshot";
import { resolveScannedData } from "./resolve-scanned-data";

const db = getDb();
const GS = "\u001d";

async function scannedWarehouse() {
  const w = await buildWarehouse(db);
  const [gtinLot, gtinSerial] = [validGtin13(), validGtin13()];
  await db.barcode.createMany({
    data: [
      { itemId: w.items.lotted.id, kind: "gtin", code: toGtin14(gtinLot) },
      { itemId: w.items.serialised.id, kind: "gtin", code: toGtin14(gtinSerial) },
      { itemId: w.items.plain.id, kind: "alias", code: `ALIAS-${w.site.code}` },
    ],
  });
  await postMovement(db, SYSTEM_ACTOR, {
    kind: "receive",
    sku: w.items.lotted.sku,
    to: w.bins.a1.code,
    quantity: 5,
    lot: `L-${w.site.code}`,
    expiresAt: "2031-01-31",
    reason: "received",
  });
  await postMovement(db, SYSTEM_ACTOR, {
    kind: "receive",
    sku: w.items.serialised.sku,
    to: w.bins.a2.code,
    quantity: 1,
    serials: [`SN-${w.site.code}`],
    reason: "received",
  });
  return { ...w, gtinLot, gtinSerial };
}

describe("resolveScannedData", () => {
  it("finds an item by any GTIN length, a known lot with its expiry, a new lot with the scanned expiry, and a serial with its bin", async () => {
    const w = await scannedWarehouse();
    expect(await resolveScannedData(db, SYSTEM_ACTOR, w.gtinLot)).toMatchObject({
      kind: "item",
      item: { sku: w.items.lotted.sku, gtin: toGtin14(w.gtinLot) },
    });
    expect(await resolveScannedData(db, SYSTEM_ACTOR, `]C101${toGtin14(w.gtinLot)}10L-${w.site.code}${GS}17291231`)).toMatchObject({
      kind: "lot",
      lot: { number: `L-${w.site.code}`, expiresOn: "2031-01-31", isKnown: true },
      fields: { lot: `L-${w.site.code}`, expiresAt: "2029-12-31" },
    });
    expect(await resolveScannedData(db, SYSTEM_ACTOR, `(01)${toGtin14(w.gtinLot)}(17)300630(10)NEW-1`)).toMatchObject({
      kind: "lot",
      lot: { number: "NEW-1", expiresOn: "2030-06-30", isKnown: false },
    });
    expect(await resolveScannedData(db, SYSTEM_ACTOR, `${GS}01${toGtin14(w.gtinSerial)}21SN-${w.site.code}`)).toMatchObject({
      kind: "serial",
      item: { sku: w.items.serialised.sku },
      serial: { serial: `SN-${w.site.code}`, location: w.bins.a2.code, isKnown: true },
    });
  });

  it("finds bins, SKUs in any case, aliases, a serial or lot number alone, and says what it could not find", async () => {
    const w = await scannedWarehouse();
    expect(await resolveScannedData(db, SYSTEM_ACTOR, w.bins.a1.code.toLowerCase())).toMatchObject({
      kind: "location",
      location: { code: w.bins.a1.code, type: "bin", site: w.site.code },
    });
    expect(await resolveScannedData(db, SYSTEM_ACTOR, w.items.plain.sku.toLowerCase())).toMatchObject({
      kind: "item",
      item: { sku: w.items.plain.sku },
    });
    expect(await resolveScannedData(db, SYSTEM_ACTOR, `]C0ALIAS-${w.site.code}`)).toMatchObject({ kind: "item", item: { sku: w.items.plain.sku } });
    expect(await resolveScannedData(db, SYSTEM_ACTOR, `SN-${w.site.code}`)).toMatchObject({ kind: "serial", serial: { location: w.bins.a2.code } });
    expect(await resolveScannedData(db, SYSTEM_ACTOR, `L-${w.site.code}`)).toMatchObject({ kind: "lot", item: { sku: w.items.lotted.sku } });
    expect(await resolveScannedData(db, SYSTEM_ACTOR, "NOTHING-HERE")).toMatchObject({
      kind: "unknown",
      raw: "NOTHING-HERE",
      message: expect.stringContaining("NOTHING-HERE"),
    });
    expect(await resolveScannedData(db, SYSTEM_ACTOR, "]C100106141412345678908")).toMatchObject({ kind: "sscc", sscc: "106141412345678908" });
    expect(await resolveScannedData(db, SYSTEM_ACTOR, "(01)09521234543214")).toMatchObject({
      kind: "unknown",
      message: expect.stringMatching(/check digit/),
    });
  });

  it("does not reveal another site's bins or where its serials are to a clerk", async () => {
    const w = await scannedWarehouse();
    const other = await buildWarehouse(db);
    const clerk = await buildUser(db, "clerk", { sites: [other.site.code] });
    expect(await resolveScannedData(db, clerk.actor, w.bins.a1.code)).toMatchObject({ kind: "unknown" });
    expect(await resolveScannedData(db, clerk.actor, `SN-${w.site.code}`)).toMatchObject({ kind: "serial", serial: { location: null } });
  });
});

describe("getSiteSnapshot", () => {
  it("holds the site's bins, levels, lots and serials and the catalogue's barcodes, and only for a site the actor may see", async () => {
    const w = await scannedWarehouse();
    const snapshot = await getSiteSnapshot(db, SYSTEM_ACTOR, w.site.code.toLowerCase());
    expect(snapshot.locations.map((l) => l.code)).toEqual(expect.arrayContaining([w.site.code, w.bins.a1.code, w.bins.cage.code]));
    expect(snapshot.levels).toEqual(
      expect.arrayContaining([{ sku: w.items.lotted.sku, location: w.bins.a1.code, lot: `L-${w.site.code}`, onHand: 5 }]),
    );
    expect(snapshot.lots).toEqual([{ sku: w.items.lotted.sku, number: `L-${w.site.code}`, expiresOn: "2031-01-31" }]);
    expect(snapshot.serials).toEqual([{ sku: w.items.serialised.sku, serial: `SN-${w.site.code}`, location: w.bins.a2.code, lot: null }]);
    expect(snapshot.items.find((i) => i.sku === w.items.plain.sku)).toMatchObject({ aliases: [`ALIAS-${w.site.code}`], gtin: null });
    const other = await buildWarehouse(db);
    const clerk = await buildUser(db, "clerk", { sites: [other.site.code] });
    await expect(getSiteSnapshot(db, clerk.actor, w.site.code)).rejects.toMatchObject({ code: "forbidden" });
  });
});
