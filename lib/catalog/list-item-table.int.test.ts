import { describe, expect, it } from "vitest";
import { buildUser } from "../../tests/factories/access";
import { buildItem, buildSupplier, validGtin13 } from "../../tests/factories/catalog";
import { buildWarehouse } from "../../tests/factories/stock";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getDb } from "../db/client";
import { postMovement } from "../ledger/post-movement";
import { setThresholds } from "../thresholds/set-thresholds";
import { listItemTable } from "./list-item-table";
import type { ItemInput, ItemTableQuery } from "./schemas";
import { updateItem } from "./update-item";

const db = getDb();
let sequence = 0;
/** A SKU prefix of its own per test: every test filters on it, so the items of other tests never get in. */
const prefix = () => `T${Date.now().toString(36).toUpperCase()}${sequence++}`;

async function receive(sku: string, bin: { code: string }, quantity: number) {
  await postMovement(db, SYSTEM_ACTOR, { kind: "receive", sku, quantity, to: bin.code, reason: "received" });
}

// No use case reserves stock yet; the level's reserved column is what listItemTable reads, so the test sets it.
async function reserve(sku: string, bin: { id: string }, quantity: number) {
  await db.stockLevel.updateMany({ where: { item: { sku }, locationId: bin.id }, data: { reserved: quantity } });
}

/** An item; `reorderPoint` is its item-wide default threshold. */
async function item(sku: string, { reorderPoint, ...overrides }: Partial<ItemInput> & { reorderPoint?: number } = {}) {
  const built = await buildItem(db, { sku, name: `Item ${sku}`, ...overrides });
  if (reorderPoint !== undefined) await setThresholds(db, SYSTEM_ACTOR, sku, { reorderPoint });
  return built;
}

describe("listItemTable", () => {
  it("sorts by SKU, name, category, on hand and available, both ways, missing categories last", async () => {
    const viewer = await buildUser(db, "viewer");
    const w = await buildWarehouse(db);
    const p = prefix();
    await item(`${p}-A`, { name: "Cog", category: `${p} Zeta` });
    await item(`${p}-B`, { name: "Bolt", category: `${p} Alpha` });
    await item(`${p}-C`, { name: "Axle" });
    await receive(`${p}-A`, w.bins.a1, 5);
    await receive(`${p}-B`, w.bins.a1, 20);
    await reserve(`${p}-B`, w.bins.a1, 18);
    const order = async (query: ItemTableQuery) =>
      (await listItemTable(db, viewer.actor, { q: p, ...query })).rows.map((r) => r.sku.slice(-1)).join("");

    expect(await order({})).toBe("ABC");
    expect(await order({ sort: "sku", dir: "desc" })).toBe("CBA");
    expect(await order({ sort: "name" })).toBe("CBA");
    expect(await order({ sort: "name", dir: "desc" })).toBe("ABC");
    expect(await order({ sort: "category" })).toBe("BAC");
    expect(await order({ sort: "category", dir: "desc" })).toBe("ABC");
    expect(await order({ sort: "onHand" })).toBe("CAB");
    expect(await order({ sort: "onHand", dir: "desc" })).toBe("BAC");
    expect(await order({ sort: "available" })).toBe("CBA");
    expect(await order({ sort: "available", dir: "desc" })).toBe("ABC");
  });

  it("answers each row with its stock, reorder point and status", async () => {
    const viewer = await buildUser(db, "viewer");
    const w = await buildWarehouse(db);
    const p = prefix();
    await item(`${p}-1`, { name: "Gloves", category: `${p} PPE > Hands`, unit: "pair", tracking: "none", reorderPoint: 4 });
    await receive(`${p}-1`, w.bins.a1, 6);
    await receive(`${p}-1`, w.bins.a2, 3);
    await reserve(`${p}-1`, w.bins.a2, 2);
    const { rows, total, page, pageSize } = await listItemTable(db, viewer.actor, { q: p });
    expect({ total, page, pageSize }).toEqual({ total: 1, page: 1, pageSize: 25 });
    expect(rows).toEqual([
      {
        sku: `${p}-1`,
        name: "Gloves",
        category: `${p} PPE > Hands`,
        unit: "pair",
        tracking: "none",
        onHand: 9,
        reserved: 2,
        available: 7,
        reorderPoint: 4,
        status: "in",
      },
    ]);
  });

  it("finds items by part of the SKU or name in any case, or by a whole barcode, taking % and _ literally", async () => {
    const viewer = await buildUser(db, "viewer");
    const p = prefix();
    const gtin = validGtin13();
    await item(`${p}-DRILL`, { name: "Hammer Drill 50%", barcodes: [gtin, `${p}ALIAS`] });
    await item(`${p}-SAW`, { name: "Jigsaw" });
    const skus = async (q: string) => (await listItemTable(db, viewer.actor, { q })).rows.map((r) => r.sku);
    expect(await skus(`${p}-dr`.toLowerCase())).toEqual([`${p}-DRILL`]);
    expect(await skus(`${p}-`)).toEqual([`${p}-DRILL`, `${p}-SAW`]);
    expect(await skus("hammer drill")).toEqual([`${p}-DRILL`]);
    expect(await skus(`0${gtin}`)).toEqual([`${p}-DRILL`]);
    expect(await skus(`${p}ALIAS`)).toEqual([`${p}-DRILL`]);
    expect(await skus("drill 50%")).toEqual([`${p}-DRILL`]);
    expect(await skus("drill 5_%")).toEqual([]);
  });

  it("filters by category with its sub-categories, not a sibling sharing its prefix", async () => {
    const viewer = await buildUser(db, "viewer");
    const p = prefix();
    await item(`${p}-1`, { category: `${p} Power` });
    await item(`${p}-2`, { category: `${p} Power > Drills` });
    await item(`${p}-3`, { category: `${p} Power > Drills > Cordless` });
    await item(`${p}-4`, { category: `${p} Power tools` });
    const skus = async (category: string) => (await listItemTable(db, viewer.actor, { category })).rows.map((r) => r.sku.slice(-1)).join("");
    expect(await skus(`${p} Power`)).toBe("123");
    expect(await skus(`${p} Power>Drills`)).toBe("23");
    expect(await skus(`${p} Nothing`)).toBe("");
  });

  it("filters by supplier code in any case", async () => {
    const viewer = await buildUser(db, "viewer");
    const p = prefix();
    const [first, second] = [await buildSupplier(db, `${p}S1`), await buildSupplier(db, `${p}S2`)];
    await item(`${p}-1`, { suppliers: [{ supplier: first.code }] });
    await item(`${p}-2`, { suppliers: [{ supplier: first.code }, { supplier: second.code }] });
    await item(`${p}-3`);
    const skus = async (supplier: string) => (await listItemTable(db, viewer.actor, { q: p, supplier })).rows.map((r) => r.sku.slice(-1)).join("");
    expect(await skus(first.code.toLowerCase())).toBe("12");
    expect(await skus(second.code)).toBe("2");
    expect(await skus("NO-SUCH-SUPPLIER")).toBe("");
  });

  it("sums one site's stock when a site is asked for, still listing items with none there", async () => {
    const viewer = await buildUser(db, "viewer");
    const [north, south] = [await buildWarehouse(db), await buildWarehouse(db)];
    const p = prefix();
    await item(`${p}-1`);
    await item(`${p}-2`);
    await receive(`${p}-1`, north.bins.a1, 10);
    await receive(`${p}-1`, south.bins.a1, 4);
    await receive(`${p}-2`, south.bins.a2, 3);
    const onHand = async (site?: string) => (await listItemTable(db, viewer.actor, { q: p, site })).rows.map((r) => [r.sku.slice(-1), r.onHand]);
    expect(await onHand()).toEqual([
      ["1", 14],
      ["2", 3],
    ]);
    expect(await onHand(north.site.code)).toEqual([
      ["1", 10],
      ["2", 0],
    ]);
    expect(await onHand(south.site.code.toLowerCase())).toEqual([
      ["1", 4],
      ["2", 3],
    ]);
  });

  it("tells out, low and in apart against the reorder point, and filters and counts by them", async () => {
    const viewer = await buildUser(db, "viewer");
    const w = await buildWarehouse(db);
    const p = prefix();
    const cases: [string, number, number | undefined][] = [
      ["1", 0, 10], // nothing: out
      ["2", 5, 10], // below: low
      ["3", 10, 10], // at: low
      ["4", 11, 10], // above: in
      ["5", 3, undefined], // no reorder point: in
      ["6", 3, undefined], // a reorder point at its site only, read when the site is asked for
    ];
    for (const [suffix, quantity, reorderPoint] of cases) {
      await item(`${p}-${suffix}`, { reorderPoint });
      if (quantity > 0) await receive(`${p}-${suffix}`, w.bins.a1, quantity);
    }
    await setThresholds(db, SYSTEM_ACTOR, `${p}-6`, { site: w.site.code, reorderPoint: 7 });
    await setThresholds(db, SYSTEM_ACTOR, `${p}-4`, { site: w.site.code, min: 1 }); // the default's reorder point still in force
    await item(`${p}-7`, { reorderPoint: 2 });
    await receive(`${p}-7`, w.bins.a1, 6);
    await reserve(`${p}-7`, w.bins.a1, 6); // all of it promised: out
    const all = await listItemTable(db, viewer.actor, { q: p });
    expect(all.rows.map((r) => [r.sku.slice(-1), r.available, r.reorderPoint, r.status])).toEqual([
      ["1", 0, 10, "out"],
      ["2", 5, 10, "low"],
      ["3", 10, 10, "low"],
      ["4", 11, 10, "in"],
      ["5", 3, 0, "in"],
      ["6", 3, 0, "in"],
      ["7", 0, 2, "out"],
    ]);
    for (const [status, expected] of [
      ["out", "17"],
      ["low", "23"],
      ["in", "456"],
    ] as const) {
      const filtered = await listItemTable(db, viewer.actor, { q: p, status });
      expect(filtered.rows.map((r) => r.sku.slice(-1)).join("")).toBe(expected);
      expect(filtered.total).toBe(expected.length);
    }
    const atSite = await listItemTable(db, viewer.actor, { q: p, site: w.site.code });
    expect(atSite.rows.map((r) => [r.sku.slice(-1), r.reorderPoint, r.status])).toEqual([
      ["1", 10, "out"],
      ["2", 10, "low"],
      ["3", 10, "low"],
      ["4", 10, "in"],
      ["5", 0, "in"],
      ["6", 7, "low"],
      ["7", 2, "out"],
    ]);
    expect((await listItemTable(db, viewer.actor, { q: p, site: w.site.code, status: "low" })).rows.map((r) => r.sku.slice(-1))).toEqual([
      "2",
      "3",
      "6",
    ]);
  });

  it("pages through the matches with the same total on every page", async () => {
    const viewer = await buildUser(db, "viewer");
    const w = await buildWarehouse(db);
    const p = prefix();
    for (let n = 0; n < 23; n++) {
      const sku = `${p}-${String(n).padStart(2, "0")}`;
      await item(sku, { reorderPoint: 5 });
      if (n % 2 === 0) await receive(sku, w.bins.a1, n + 1); // even n: 1, 3, 5 on hand are low; 7 and up are in
    }
    const pages = await Promise.all([1, 2, 3, 4].map((page) => listItemTable(db, viewer.actor, { q: p, page, pageSize: 10 })));
    expect(pages.map((page) => [page.rows.length, page.total])).toEqual([
      [10, 23],
      [10, 23],
      [3, 23],
      [0, 23],
    ]);
    expect(pages.flatMap((page) => page.rows.map((r) => r.sku))).toEqual(Array.from({ length: 23 }, (_, n) => `${p}-${String(n).padStart(2, "0")}`));

    const inStock = await listItemTable(db, viewer.actor, { q: p, status: "in", sort: "available", dir: "desc", pageSize: 10, page: 1 });
    expect(inStock.total).toBe(9);
    expect(inStock.rows.map((r) => r.available)).toEqual([23, 21, 19, 17, 15, 13, 11, 9, 7]);
  });

  it("leaves archived items out", async () => {
    const viewer = await buildUser(db, "viewer");
    const p = prefix();
    await item(`${p}-1`);
    await item(`${p}-2`);
    await updateItem(db, SYSTEM_ACTOR, `${p}-2`, { active: false });
    const table = await listItemTable(db, viewer.actor, { q: p });
    expect([table.rows.map((r) => r.sku), table.total]).toEqual([[`${p}-1`], 1]);
  });

  it("sums only the clerk's own site, whatever site the clerk asks for", async () => {
    const [mine, theirs] = [await buildWarehouse(db), await buildWarehouse(db)];
    const clerk = await buildUser(db, "clerk", { sites: [mine.site.code] });
    const manager = await buildUser(db, "manager");
    const p = prefix();
    await item(`${p}-1`, { reorderPoint: 1 });
    await item(`${p}-2`, { reorderPoint: 1 });
    await receive(`${p}-1`, mine.bins.a1, 10);
    await receive(`${p}-1`, theirs.bins.a1, 7);
    await receive(`${p}-2`, theirs.bins.a1, 9);
    const onHand = async (actor: typeof clerk.actor, query: ItemTableQuery = {}) =>
      (await listItemTable(db, actor, { q: p, ...query })).rows.map((r) => [r.sku.slice(-1), r.onHand, r.status]);

    expect(await onHand(manager.actor)).toEqual([
      ["1", 17, "in"],
      ["2", 9, "in"],
    ]);
    expect(await onHand(clerk.actor)).toEqual([
      ["1", 10, "in"],
      ["2", 0, "out"],
    ]);
    expect(await onHand(clerk.actor, { site: theirs.site.code })).toEqual([
      ["1", 0, "out"],
      ["2", 0, "out"],
    ]);
    expect(await onHand(clerk.actor, { sort: "onHand", dir: "desc" })).toEqual([
      ["1", 10, "in"],
      ["2", 0, "out"],
    ]);
    const outForClerk = await listItemTable(db, clerk.actor, { q: p, status: "out" });
    expect([outForClerk.rows.map((r) => r.sku), outForClerk.total]).toEqual([[`${p}-2`], 1]);
  });

  it("falls back to the defaults for values a hand-edited URL may carry", async () => {
    const viewer = await buildUser(db, "viewer");
    const p = prefix();
    await item(`${p}-1`);
    const table = await listItemTable(db, viewer.actor, {
      q: p,
      page: "x",
      pageSize: "5000",
      sort: "price",
      dir: "sideways",
      status: "maybe",
    } as unknown as ItemTableQuery);
    expect({ page: table.page, pageSize: table.pageSize, rows: table.rows.length }).toEqual({ page: 1, pageSize: 25, rows: 1 });
  });

  it("refuses a clerk without a site", async () => {
    const someone = await buildUser(db, "viewer");
    const siteless = { ...someone.actor, role: "clerk" as const, sites: [] };
    await expect(listItemTable(db, siteless, {})).rejects.toMatchObject({ code: "forbidden" });
  });
});
