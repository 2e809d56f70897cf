// ABC classes by a year's consumption value, for one item and for a whole site at once: the two must agree.
import { describe, expect, it } from "vitest";
import { backdatePosting } from "../../tests/factories/backdate";
import { buildItem } from "../../tests/factories/catalog";
import { buildWarehouse } from "../../tests/factories/stock";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getDb } from "../db/client";
import { postMovement } from "../ledger/post-movement";
import { abcClassOf, siteAbcClasses } from "./abc-class";

const db = getDb();
const DAY = 86_400_000;

describe("ABC classes", () => {
  it("ranks a site's items by the year's consumption value, one at a time or all at once", async () => {
    const w = await buildWarehouse(db);
    const now = new Date();
    const sell = async (sku: string, quantity: number, daysAgo: number) => {
      const sale = await postMovement(db, SYSTEM_ACTOR, { kind: "issue", sku, quantity, from: w.bins.a1.code, reason: "sold" });
      await backdatePosting(db, sale.postingId, new Date(now.getTime() - daysAgo * DAY));
    };
    const items: { sku: string }[] = [];
    for (const unitCost of ["10", "5", "1", "1", "1"]) {
      const item = await buildItem(db);
      await postMovement(db, SYSTEM_ACTOR, { kind: "receive", sku: item.sku, quantity: 100, to: w.bins.a1.code, unitCost, reason: "received" });
      items.push(item);
    }
    await sell(items[0].sku, 40, 10); // 400
    await sell(items[1].sku, 20, 100); // 100
    await sell(items[2].sku, 20, 200); // 20
    await sell(items[3].sku, 16, 300); // 16
    await sell(items[4].sku, 50, 400); // more than a year ago: not counted, so C
    // 536 in the year: before each 0, 400, 500, 520 against 80% = 428.8 and 95% = 509.2 → A, A, B, C.
    const expected = ["A", "A", "B", "C", "C"];
    const ids = await Promise.all(
      items.map((item) => db.item.findUniqueOrThrow({ where: { skuKey: item.sku.toLowerCase() }, select: { id: true } })),
    );

    const oneByOne = await Promise.all(ids.map(({ id }) => abcClassOf(db, id, w.site.id, now)));
    expect(oneByOne).toEqual(expected);
    const all = await siteAbcClasses(db, w.site.id, now);
    expect(ids.map(({ id }) => all.get(id) ?? "C")).toEqual(expected);
    expect(all.size).toBe(3); // C is what is not in the map

    // As of 150 days ago, its year holds the 20, the 16 and the 50 of 400 days ago (not yet the 400 or the 100):
    // 86, before each 0 (the 50), 50 (the 20), 70 (the 16) against 80% = 68.8 and 95% = 81.7 → A, A, B.
    const earlier = new Date(now.getTime() - 150 * DAY);
    expect(await Promise.all(ids.map(({ id }) => abcClassOf(db, id, w.site.id, earlier)))).toEqual(["C", "C", "A", "B", "A"]);
  });
});
