import { PrismaPg } from "@prisma/adapter-pg";
import { describe, expect, it } from "vitest";
import { buildUser } from "../../tests/factories/access";
import { buildItem, validGtin13 } from "../../tests/factories/catalog";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getDb, type Db } from "../db/client";
import { PrismaClient } from "../db/generated/client";
import { listItems } from "./list-items";
import { updateItem } from "./update-item";

describe("listing items", () => {
  const db = getDb();

  it("visits every item exactly once, in SKU order regardless of case, 7 at a time", async () => {
    const viewer = await buildUser(db, "viewer");
    const skus = Array.from({ length: 25 }, (_, i) => `${i % 3 === 0 ? "PAGE" : "page"}-${String(i).padStart(2, "0")}`);
    for (const sku of skus) await buildItem(db, { sku, category: "Paging" });
    const seen: string[] = [];
    const pageSizes: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await listItems(db, viewer.actor, { category: "Paging", limit: 7, cursor });
      pageSizes.push(page.data.length);
      seen.push(...page.data.map((item) => item.sku));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(pageSizes).toEqual([7, 7, 7, 4]);
    expect(seen).toEqual(skus);
  });

  it("finds items by part of the SKU or name in any case, or by a whole barcode in any GTIN length", async () => {
    const viewer = await buildUser(db, "viewer");
    const gtin = validGtin13();
    const drill = await buildItem(db, { sku: "FIND-DRILL", name: "Hammer Drill", barcodes: [gtin, "ALIAS-77"] });
    await buildItem(db, { sku: "FIND-SAW", name: "Jigsaw" });
    const skusFor = async (q: string) => (await listItems(db, viewer.actor, { q })).data.map((i) => i.sku);
    expect(await skusFor("find-dr")).toEqual([drill.sku]);
    expect(await skusFor("hammer")).toEqual([drill.sku]);
    expect(await skusFor(gtin)).toEqual([drill.sku]);
    expect(await skusFor(`0${gtin}`)).toEqual([drill.sku]);
    expect(await skusFor("ALIAS-77")).toEqual([drill.sku]);
    expect(await skusFor(gtin.slice(0, 8))).toEqual([]);
    expect(await skusFor("find-")).toEqual(["FIND-DRILL", "FIND-SAW"]);
  });

  it("includes sub-categories of the category asked for, but not a sibling that shares its prefix", async () => {
    const viewer = await buildUser(db, "viewer");
    await buildItem(db, { sku: "CAT-1", category: "Power" });
    await buildItem(db, { sku: "CAT-2", category: "Power > Drills" });
    await buildItem(db, { sku: "CAT-3", category: "Power > Drills > Cordless" });
    await buildItem(db, { sku: "CAT-4", category: "Power tools" });
    const skusIn = async (category: string) => (await listItems(db, viewer.actor, { category })).data.map((i) => i.sku);
    expect(await skusIn("Power")).toEqual(["CAT-1", "CAT-2", "CAT-3"]);
    expect(await skusIn("Power>Drills")).toEqual(["CAT-2", "CAT-3"]);
    expect(await skusIn("Nothing")).toEqual([]);
  });

  it("leaves archived items out", async () => {
    const viewer = await buildUser(db, "viewer");
    await buildItem(db, { sku: "ARCH-1" });
    await buildItem(db, { sku: "ARCH-2" });
    await updateItem(db, SYSTEM_ACTOR, "ARCH-1", { active: false });
    expect((await listItems(db, viewer.actor, { q: "arch-" })).data.map((i) => i.sku)).toEqual(["ARCH-2"]);
  });

  it("loads a page with its relations in a fixed number of queries, however many items it holds", async () => {
    const viewer = await buildUser(db, "viewer");
    for (let i = 0; i < 12; i++) await buildItem(db, { sku: `QC-${i}`, category: "Queries > Counted", barcodes: [validGtin13()] });
    // A client of its own that reports each statement, so the count covers exactly this call.
    const logged = new PrismaClient({
      adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }),
      log: [{ emit: "event", level: "query" }],
    });
    let queries = 0;
    logged.$on("query", () => queries++);
    const countFor = async (limit: number) => {
      queries = 0;
      const page = await listItems(logged as unknown as Db, viewer.actor, { q: "qc-", limit });
      expect(page.data).toHaveLength(limit);
      return queries;
    };
    const few = await countFor(2);
    const many = await countFor(12);
    await logged.$disconnect();
    expect(few).toBeGreaterThan(0);
    expect(many).toBe(few);
  });

  it("refuses a limit outside 1..200", async () => {
    const viewer = await buildUser(db, "viewer");
    await expect(listItems(db, viewer.actor, { limit: 201 })).rejects.toMatchObject({ issues: [{ path: ["limit"] }] });
  });
});
