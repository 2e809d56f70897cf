import { describe, expect, it } from "vitest";
import { buildUser } from "../../tests/factories/access";
import { buildItem, buildSupplier, validGtin13 } from "../../tests/factories/catalog";
import { buildWarehouse } from "../../tests/factories/stock";
import { SYSTEM_ACTOR } from "../auth/actor";
import type { ItemInput } from "../catalog/schemas";
import { getDb } from "../db/client";
import { postMovement } from "../ledger/post-movement";
import { setThresholds } from "../thresholds/set-thresholds";
import { refreshSearchWords } from "./refresh-search-words";
import type { SearchQuery } from "./schemas";
import { searchEverything } from "./search-everything";

const db = getDb();
let sequence = 0;
/** A code of its own per test, so the rows of other tests never match. */
const tag = () => `Q${Date.now().toString(36).toUpperCase()}${sequence++}`;
const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const search = (q: string, extra: Omit<SearchQuery, "q"> = {}) => searchEverything(db, SYSTEM_ACTOR, { q, ...extra });
const skus = (hits: { sku?: string; type: string }[]) => hits.filter((h) => h.type === "item").map((h) => h.sku);

async function item(sku: string, name: string, more: Partial<ItemInput> = {}) {
  return buildItem(db, { sku, name, ...more });
}

async function receive(sku: string, to: string, quantity: number, more: { lot?: string; expiresAt?: string; serials?: string[] } = {}) {
  await postMovement(db, SYSTEM_ACTOR, { kind: "receive", sku, quantity, to, reason: "received", ...more });
}

describe("searchEverything: ranking", () => {
  it("answers an exact SKU alone and first, above names that resemble it", async () => {
    const p = tag();
    await item(`${p}HAMMER`, "Claw tool");
    await item(`${p}-2`, `Heavy ${p}HAMMR mallet`);
    const hits = await search(`${p}hammer`);
    expect(hits[0]).toMatchObject({ type: "item", sku: `${p}HAMMER`, score: 1 });
    expect(skus(hits)).toEqual([`${p}HAMMER`]);
  });

  it("ranks a SKU prefix above the words of a name, and a name above a description", async () => {
    const p = tag();
    await item(`${p}-100`, "Plain part");
    await item(`${p}-200`, `${p}-10 mentioned in the name`);
    await item(`${p}-300`, "Other part", { description: `Compatible with ${p}-10` });
    expect(skus(await search(`${p}-10`))).toEqual([`${p}-100`, `${p}-200`, `${p}-300`]);
  });

  it("finds multi-word names with a typo or two in every word among the first five", async () => {
    const p = tag();
    const names = [
      "Makita Stainless Hex Bolt M8",
      "Makita Stainless Hex Nut M8",
      "Makita Galvanised Hex Bolt M10",
      "Bosch Cordless Hammer Drill 18V",
      "Bosch Cordless Impact Driver 18V",
      "Bosch Compact Jigsaw 230V",
      "Stanley Folding Utility Knife",
      "Stanley Tape Measure 5 m",
      "Knipex Insulated Side Cutter",
      "Knipex Insulated Pliers",
      "Wera Insulated Screwdriver Set",
      "Hilti Hammer Drill Bit 10 mm",
      "Loctite Threadlocker 50 ml",
      "Uvex Safety Glasses Clear",
      "Ansell Nitrile Gloves Size 9",
      "Fischer Wall Plug 8 mm",
    ];
    for (const [n, name] of names.entries()) await item(`${p}-${n}`, name);
    await refreshSearchWords(db);
    const cases: [string, string][] = [
      ["makta stainles hexx bolr m8", "Makita Stainless Hex Bolt M8"],
      ["bosh cordles hamer dril", "Bosch Cordless Hammer Drill 18V"],
      ["stanly foldng utilty knif", "Stanley Folding Utility Knife"],
      ["knipx insulted sde cuter", "Knipex Insulated Side Cutter"],
      ["ansel nitirle glvoes", "Ansell Nitrile Gloves Size 9"],
    ];
    for (const [q, name] of cases) {
      const hits = await search(q);
      expect(
        hits.slice(0, 5).map((h) => h.name),
        q,
      ).toContain(name);
      expect(hits[0].score, q).toBeLessThan(0.5);
    }
  });

  it("still finds a misspelled name whose words are newer than the vocabulary", async () => {
    const p = tag();
    await item(`${p}-1`, "Quixotron Flangewidget Assembly");
    // No refreshSearchWords: the whole-query comparison with every name is the fallback.
    expect(skus((await search("quixotrn flangewidgit assembly")).slice(0, 5))).toContain(`${p}-1`);
  });
});

describe("searchEverything: codes", () => {
  it("finds an item by its barcode as scanned and by a supplier's SKU", async () => {
    const p = tag();
    const gtin = validGtin13();
    const supplier = await buildSupplier(db);
    await item(`${p}-1`, "Scanned thing", { barcodes: [gtin], suppliers: [{ supplier: supplier.code, supplierSku: `${p}-VENDOR-9` }] });
    expect(await search(gtin)).toEqual([expect.objectContaining({ type: "item", sku: `${p}-1`, score: 1 })]);
    expect(await search(`0${gtin}`)).toEqual([expect.objectContaining({ sku: `${p}-1`, score: 1 })]);
    expect((await search(`${p}-vendor-9`))[0]).toMatchObject({ sku: `${p}-1`, score: 0.95 });
    expect((await search(`${p}-VENDOR`))[0]).toMatchObject({ sku: `${p}-1`, score: 0.85 });
  });

  it("finds lots, serials and locations by code, with their item, expiry, place and stock", async () => {
    const w = await buildWarehouse(db);
    const p = tag();
    await item(`${p}-L`, "Lotted glue", { tracking: "lot" });
    await item(`${p}-S`, "Serial drill", { tracking: "serial" });
    await receive(`${p}-L`, w.bins.a1.code, 7, { lot: `${p}LOT1`, expiresAt: "2031-05-31" });
    await receive(`${p}-S`, w.bins.a2.code, 2, { serials: [`${p}SN1`, `${p}SN2`] });

    expect((await search(`${p.toLowerCase()}lot1`))[0]).toEqual({
      type: "lot",
      sku: `${p}-L`,
      name: "Lotted glue",
      code: `${p}LOT1`,
      expiresOn: "2031-05-31",
      score: 1,
      stock: [{ location: w.bins.a1.code, onHand: 7, available: 7 }],
    });
    expect((await search(`${p}SN2`))[0]).toEqual({
      type: "serial",
      sku: `${p}-S`,
      name: "Serial drill",
      code: `${p}SN2`,
      site: w.site.code,
      location: w.bins.a2.code,
      score: 1,
    });
    expect((await search(w.bins.a1.code.toLowerCase()))[0]).toMatchObject({ type: "location", code: w.bins.a1.code, site: w.site.code, score: 1 });
    // The start of a code: every location whose code begins so.
    const locations = (await search(`${w.site.code}-a`)).filter((h) => h.type === "location").map((h) => h.code);
    expect(locations).toEqual([w.bins.a1.code, w.bins.a2.code]);
    // The item's own stock comes with it.
    expect((await search(`${p}-L`))[0]).toMatchObject({ type: "item", stock: [{ location: w.bins.a1.code, onHand: 7 }] });
  });
});

describe("searchEverything: who sees what, and filters", () => {
  it("shows a clerk only the locations, lots, serials and stock of their own sites", async () => {
    const mine = await buildWarehouse(db);
    const theirs = await buildWarehouse(db);
    const clerk = await buildUser(db, "clerk", { sites: [mine.site.code] });
    const p = tag();
    await item(`${p}-L`, "Shared glue", { tracking: "lot" });
    await receive(`${p}-L`, mine.bins.a1.code, 3, { lot: `${p}MINE`, expiresAt: "2031-01-31" });
    await receive(`${p}-L`, theirs.bins.a1.code, 5, { lot: `${p}THEIRS`, expiresAt: "2031-01-31" });
    const asClerk = (q: string) => searchEverything(db, clerk.actor, { q });

    expect((await asClerk(`${p}-L`))[0]).toMatchObject({ type: "item", stock: [{ location: mine.bins.a1.code, onHand: 3 }] });
    expect(await asClerk(`${p}THEIRS`)).toEqual([]);
    expect((await asClerk(`${p}MINE`))[0]).toMatchObject({ type: "lot", code: `${p}MINE` });
    expect(await asClerk(theirs.bins.a1.code)).toEqual([]);
    expect((await asClerk(mine.bins.a1.code))[0]).toMatchObject({ type: "location", code: mine.bins.a1.code });
    // Someone with every site sees both.
    expect((await search(`${p}-L`))[0].stock).toHaveLength(2);
  });

  it("narrows by category, supplier, site, zone, stock status and expiry", async () => {
    const a = await buildWarehouse(db);
    const b = await buildWarehouse(db);
    const supplier = await buildSupplier(db);
    const p = tag();
    await item(`${p}-1`, `${p} ratchet strap`, {
      category: `${p} Lifting > Straps`,
      suppliers: [{ supplier: supplier.code }],
    });
    await setThresholds(db, SYSTEM_ACTOR, `${p}-1`, { reorderPoint: 10 });
    await item(`${p}-2`, `${p} ratchet spanner`, { category: `${p} Tools`, tracking: "lot" });
    await item(`${p}-3`, `${p} ratchet handle`, { category: `${p} Tools` });
    await receive(`${p}-1`, a.bins.a1.code, 4);
    await receive(`${p}-2`, b.bins.a2.code, 50, { lot: `${p}-SOON`, expiresAt: daysFromNow(10) });
    await receive(`${p}-2`, b.bins.a2.code, 50, { lot: `${p}-LATER`, expiresAt: daysFromNow(400) });
    const find = async (extra: Omit<SearchQuery, "q">) => skus(await search(`${p} ratchet`, extra)).sort();

    expect(await find({})).toEqual([`${p}-1`, `${p}-2`, `${p}-3`]);
    expect(await find({ category: `${p} Lifting` })).toEqual([`${p}-1`]);
    expect(await find({ supplier: supplier.code })).toEqual([`${p}-1`]);
    expect(await find({ site: b.site.code })).toEqual([`${p}-2`]);
    expect(await find({ zone: a.bins.a1.code })).toEqual([`${p}-1`]);
    expect(await find({ stockStatus: "out" })).toEqual([`${p}-3`]);
    expect(await find({ stockStatus: "low" })).toEqual([`${p}-1`]);
    expect(await find({ stockStatus: "in" })).toEqual([`${p}-2`]);
    expect(await find({ expiringWithinDays: 30 })).toEqual([`${p}-2`]);
    expect(await find({ expiringWithinDays: 5 })).toEqual([]);
    const lots = (await search(`${p}-`, { expiringWithinDays: 30 })).filter((h) => h.type === "lot").map((h) => h.code);
    expect(lots).toEqual([`${p}-SOON`]);
    expect(await search(`${p} ratchet`, { limit: 2 })).toHaveLength(2);
  });
});
