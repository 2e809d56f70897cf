import { describe, expect, it } from "vitest";
import { buildUser } from "../../tests/factories/access";
import { buildItem } from "../../tests/factories/catalog";
import { buildWarehouse } from "../../tests/factories/stock";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getDb } from "../db/client";
import { postMovement } from "../ledger/post-movement";
import { listItemLocations } from "./list-item-locations";

const db = getDb();
let sequence = 0;
const tag = () => `WI${Date.now().toString(36).toUpperCase()}${sequence++}`;

async function receive(sku: string, to: string, quantity: number, lot?: { lot: string; expiresAt: string }) {
  await postMovement(db, SYSTEM_ACTOR, { kind: "receive", sku, quantity, to, reason: "received", ...lot });
}

describe("listItemLocations", () => {
  it("lists every bin holding the item, earliest expiry first, with the bin's place on the site's map", async () => {
    const w = await buildWarehouse(db);
    const p = tag();
    await buildItem(db, { sku: `${p}-1`, name: "Glue", tracking: "lot" });
    await receive(`${p}-1`, w.bins.a1.code, 5, { lot: "LATE", expiresAt: "2032-01-31" });
    await receive(`${p}-1`, w.bins.a2.code, 3, { lot: "EARLY", expiresAt: "2031-06-30" });
    await db.siteMap.create({
      data: {
        siteId: w.site.id,
        width: 40,
        height: 20,
        updatedByLabel: "test",
        shapes: [
          { id: "wall", kind: "wall", x: 0, y: 0, width: 40, height: 0.2 },
          { id: "b1", kind: "bin", x: 3, y: 4.5, width: 1, height: 0.8, location: w.bins.a1.code },
        ],
      },
    });

    expect(await listItemLocations(db, SYSTEM_ACTOR, `${p}-1`.toLowerCase())).toEqual([
      { location: w.bins.a2.code, site: w.site.code, lot: "EARLY", expiresOn: "2031-06-30", onHand: 3, available: 3 },
      {
        location: w.bins.a1.code,
        site: w.site.code,
        lot: "LATE",
        expiresOn: "2032-01-31",
        onHand: 5,
        available: 5,
        x: 3,
        y: 4.5,
        width: 1,
        height: 0.8,
      },
    ]);
  });

  it("shows a clerk only their sites, answers an empty list for an item without stock, and refuses an unknown SKU", async () => {
    const mine = await buildWarehouse(db);
    const theirs = await buildWarehouse(db);
    const clerk = await buildUser(db, "clerk", { sites: [mine.site.code] });
    const p = tag();
    await buildItem(db, { sku: `${p}-1`, name: "Tape" });
    await buildItem(db, { sku: `${p}-2`, name: "Nothing in stock" });
    await receive(`${p}-1`, mine.bins.a1.code, 2);
    await receive(`${p}-1`, theirs.bins.a1.code, 9);

    expect(await listItemLocations(db, clerk.actor, `${p}-1`)).toEqual([
      { location: mine.bins.a1.code, site: mine.site.code, lot: null, expiresOn: null, onHand: 2, available: 2 },
    ]);
    expect(await listItemLocations(db, SYSTEM_ACTOR, `${p}-1`)).toHaveLength(2);
    expect(await listItemLocations(db, SYSTEM_ACTOR, `${p}-2`)).toEqual([]);
    await expect(listItemLocations(db, SYSTEM_ACTOR, `${p}-404`)).rejects.toMatchObject({ code: "not_found" });
  });
});
