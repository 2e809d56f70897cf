import { describe, expect, it } from "vitest";
import { buildUser } from "../../tests/factories/access";
import { buildWarehouse } from "../../tests/factories/stock";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getDb } from "../db/client";
import { postMovement } from "../ledger/post-movement";
import { listItemLots } from "./list-item-lots";

const db = getDb();

describe("listItemLots", () => {
  it("lists an item's lots first to expire first, with what is on hand of each at the actor's sites", async () => {
    const [mine, theirs] = [await buildWarehouse(db), await buildWarehouse(db)];
    const sku = mine.items.lotted.sku;
    const receive = (to: { code: string }, lot: string, quantity: number, expiresAt: string) =>
      postMovement(db, SYSTEM_ACTOR, { kind: "receive", sku, quantity, to: to.code, lot, expiresAt, reason: "received" });
    await receive(mine.bins.a1, "LATE", 4, "2031-01-31");
    await receive(mine.bins.a2, "EARLY", 2, "2030-06-30");
    await receive(mine.bins.a1, "EARLY", 3, "2030-06-30");
    await receive(theirs.bins.a1, "EARLY", 10, "2030-06-30");
    await receive(theirs.bins.a1, "ELSEWHERE", 5, "2029-01-31");
    const clerk = await buildUser(db, "clerk", { sites: [mine.site.code] });
    const manager = await buildUser(db, "manager");

    expect(await listItemLots(db, manager.actor, sku.toLowerCase())).toEqual([
      { lot: "ELSEWHERE", expiresOn: "2029-01-31", manufacturedOn: null, onHand: 5 },
      { lot: "EARLY", expiresOn: "2030-06-30", manufacturedOn: null, onHand: 15 },
      { lot: "LATE", expiresOn: "2031-01-31", manufacturedOn: null, onHand: 4 },
    ]);
    expect((await listItemLots(db, clerk.actor, sku)).map((l) => [l.lot, l.onHand])).toEqual([
      ["EARLY", 5],
      ["LATE", 4],
    ]);
    expect(await listItemLots(db, manager.actor, "NO-SUCH-SKU")).toEqual([]);
  });
});
