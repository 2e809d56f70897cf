import { describe, expect, it } from "vitest";
import { buildUser } from "../../tests/factories/access";
import { buildItem, validGtin13 } from "../../tests/factories/catalog";
import { buildWarehouse } from "../../tests/factories/stock";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getDb } from "../db/client";
import { loadLabelSubjects } from "./load-label-subjects";
import { printLabels } from "./print-labels";

const db = getDb();

/** A shelf with two bins inside, and a bin beside it whose code starts like the shelf's. */
async function buildShelf(siteId: string, siteCode: string) {
  const root = await db.location.findUniqueOrThrow({ where: { code: siteCode } });
  const shelf = await db.location.create({
    data: { siteId, parentId: root.id, code: `${siteCode}-S`, name: "Shelf S", type: "shelf", path: `${root.path}/${siteCode}-S` },
  });
  const bin = (code: string, parent: { id: string; path: string }) =>
    db.location.create({ data: { siteId, parentId: parent.id, code, name: `Bin ${code}`, type: "bin", path: `${parent.path}/${code}` } });
  await bin(`${siteCode}-S-2`, shelf);
  await bin(`${siteCode}-S-1`, shelf);
  await bin(`${siteCode}-S9`, root);
  return shelf;
}

describe("loadLabelSubjects", () => {
  it("finds items by SKU in any case, in the order asked, with their GTIN (not an alias) or none", async () => {
    const gtin = validGtin13();
    const [withGtin, without] = [await buildItem(db, { name: "Drill", barcodes: ["ALIAS-1", gtin] }), await buildItem(db, { name: "Screws" })];
    const subjects = await loadLabelSubjects(db, SYSTEM_ACTOR, { kind: "item", refs: [without.sku.toLowerCase(), withGtin.sku, without.sku] });
    expect(subjects).toEqual([
      { kind: "item", sku: without.sku, name: "Screws", gtin: null },
      { kind: "item", sku: withGtin.sku, name: "Drill", gtin: `0${gtin}` },
    ]);
  });

  it("answers NotFound for an unknown SKU, naming it", async () => {
    const known = await buildItem(db);
    await expect(loadLabelSubjects(db, SYSTEM_ACTOR, { kind: "item", refs: [known.sku, "NO-SUCH-SKU"] })).rejects.toMatchObject({
      code: "not_found",
      details: { what: "Item", key: "NO-SUCH-SKU" },
    });
  });

  it("gives every bin under a location for a subtree, in path order, and nothing that only shares its code's start", async () => {
    const w = await buildWarehouse(db);
    const code = w.site.code;
    await buildShelf(w.site.id, code);
    const codes = async (ref: string, subtree: boolean) =>
      (await loadLabelSubjects(db, SYSTEM_ACTOR, { kind: "bin", refs: [ref], subtree })).map((s) => (s.kind === "bin" ? s.code : s.kind));
    expect(await codes(code, true)).toEqual([`${code}-A1`, `${code}-A2`, `${code}-C1`, `${code}-H1`, `${code}-S-1`, `${code}-S-2`, `${code}-S9`]);
    expect(await codes(`${code}-s`, true)).toEqual([`${code}-S-1`, `${code}-S-2`]);
    expect(await codes(`${code}-S`, false)).toEqual([`${code}-S`]);
    expect(await codes(`${code}-A1`, true)).toEqual([`${code}-A1`]);
  });

  it("prints the location itself when nothing under it is a bin yet", async () => {
    const w = await buildWarehouse(db);
    const root = await db.location.findUniqueOrThrow({ where: { code: w.site.code } });
    await db.location.create({
      data: {
        siteId: w.site.id,
        parentId: root.id,
        code: `${w.site.code}-Z`,
        name: "Empty zone",
        type: "zone",
        path: `${root.path}/${w.site.code}-Z`,
      },
    });
    expect(await loadLabelSubjects(db, SYSTEM_ACTOR, { kind: "bin", refs: [`${w.site.code}-Z`], subtree: true })).toEqual([
      { kind: "bin", code: `${w.site.code}-Z`, name: "Empty zone" },
    ]);
  });

  it("answers NotFound for an unknown location and Forbidden for a bin at a site the clerk does not work at", async () => {
    const [home, away] = [await buildWarehouse(db), await buildWarehouse(db)];
    const clerk = await buildUser(db, "clerk", { sites: [home.site.code] });
    await expect(loadLabelSubjects(db, clerk.actor, { kind: "bin", refs: ["NO-SUCH-BIN"] })).rejects.toMatchObject({ code: "not_found" });
    await expect(loadLabelSubjects(db, clerk.actor, { kind: "bin", refs: [home.bins.a1.code, away.bins.a1.code] })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(loadLabelSubjects(db, clerk.actor, { kind: "bin", refs: [away.site.code], subtree: true })).rejects.toMatchObject({
      code: "forbidden",
    });
    expect(await loadLabelSubjects(db, clerk.actor, { kind: "bin", refs: [home.bins.a1.code] })).toHaveLength(1);
    await expect(loadLabelSubjects(db, { ...clerk.actor, sites: [] }, { kind: "item", refs: ["X"] })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("finds a lot and a serial of the item named by sku, and needs the sku", async () => {
    const gtin = validGtin13();
    const item = await buildItem(db, { name: "Milk", tracking: "lot", barcodes: [gtin] });
    const itemId = (await db.item.findUniqueOrThrow({ where: { skuKey: item.sku.toLowerCase() } })).id;
    await db.lot.create({ data: { itemId, number: "L-7", expiresOn: new Date("2031-01-31") } });
    await db.serial.create({ data: { itemId, serial: "SN-7" } });

    expect(await loadLabelSubjects(db, SYSTEM_ACTOR, { kind: "lot", refs: ["L-7"], sku: item.sku.toLowerCase() })).toEqual([
      { kind: "lot", sku: item.sku, name: "Milk", gtin: `0${gtin}`, lot: "L-7", expiresOn: new Date("2031-01-31") },
    ]);
    expect(await loadLabelSubjects(db, SYSTEM_ACTOR, { kind: "serial", refs: ["SN-7"], sku: item.sku })).toEqual([
      { kind: "serial", sku: item.sku, name: "Milk", gtin: `0${gtin}`, serial: "SN-7" },
    ]);
    await expect(loadLabelSubjects(db, SYSTEM_ACTOR, { kind: "lot", refs: ["L-8"], sku: item.sku })).rejects.toMatchObject({ code: "not_found" });
    await expect(loadLabelSubjects(db, SYSTEM_ACTOR, { kind: "serial", refs: ["SN-7"] })).rejects.toMatchObject({ code: "validation_failed" });
    await expect(loadLabelSubjects(db, SYSTEM_ACTOR, { kind: "serial", refs: ["SN-7"], sku: "NO-SUCH-SKU" })).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("takes an SSCC with a valid check digit and refuses one without", async () => {
    expect(await loadLabelSubjects(db, SYSTEM_ACTOR, { kind: "sscc", refs: ["(00)034000012345678900"] })).toEqual([
      { kind: "sscc", sscc: "034000012345678900" },
    ]);
    await expect(loadLabelSubjects(db, SYSTEM_ACTOR, { kind: "sscc", refs: ["034000012345678901"] })).rejects.toMatchObject({
      code: "validation_failed",
    });
  });
});

describe("printLabels", () => {
  it("prints one ZPL label per bin of a subtree, and a named PDF of a selection", async () => {
    const w = await buildWarehouse(db);
    const zpl = await printLabels(db, SYSTEM_ACTOR, { kind: "bin", refs: [w.site.code], subtree: true, format: "zpl" });
    expect(zpl).toMatchObject({ contentType: "text/plain; charset=utf-8", fileName: `labels-bin-${w.site.code}.zpl`, inline: false });
    expect(String(zpl.body).match(/\^XA/g)).toHaveLength(4);
    const pdf = await printLabels(db, SYSTEM_ACTOR, { kind: "item", refs: [w.items.plain.sku, w.items.lotted.sku], format: "pdf" });
    expect(pdf).toMatchObject({ contentType: "application/pdf", fileName: "labels-item-2.pdf", inline: true });
    await expect(printLabels(db, SYSTEM_ACTOR, { kind: "bin", refs: [w.site.code], subtree: true, format: "png" })).rejects.toMatchObject({
      code: "validation_failed",
    });
  });
});
