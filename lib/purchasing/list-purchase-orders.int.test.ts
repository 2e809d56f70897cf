import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../auth/actor";
import { buildSite, buildUser } from "../../tests/factories/access";
import { buildPurchasing } from "../../tests/factories/purchasing";
import { getDb } from "../db/client";
import { createPurchaseOrder } from "./create-purchase-order";
import { listPurchaseOrderTable } from "./list-purchase-orders";

const db = getDb();

describe("the purchase-order page's list", () => {
  it("answers a page at a time, sorted in SQL, with the total, at the actor's sites only", async () => {
    const w = await buildPurchasing(db);
    // Quantities 1..11 of the plain item at 2.5000 (2.2500 from 10): totals grow with the quantity.
    for (let quantity = 1; quantity <= 11; quantity++) {
      await createPurchaseOrder(db, SYSTEM_ACTOR, { supplier: w.supplier.code, site: w.site.code, lines: [{ sku: w.items.plain.sku, quantity }] });
    }
    const viewer = await buildUser(db, "viewer", { sites: [w.site.code] });
    const first = await listPurchaseOrderTable(db, viewer.actor, { sort: "total", dir: "asc", pageSize: "10" });
    expect(first).toMatchObject({ total: 11, page: 1, pageSize: 10 });
    expect(first.rows.map((r) => r.total)).toEqual([
      "2.5000",
      "5.0000",
      "7.5000",
      "10.0000",
      "12.5000",
      "15.0000",
      "17.5000",
      "20.0000",
      "22.5000",
      "22.5000",
    ]);
    const second = await listPurchaseOrderTable(db, viewer.actor, { sort: "total", dir: "asc", pageSize: "10", page: "2" });
    expect(second.rows.map((r) => r.total)).toEqual(["24.7500"]);
    const newest = await listPurchaseOrderTable(db, viewer.actor, {});
    expect(newest.rows[0].number > newest.rows[1].number).toBe(true); // created, newest first, by default

    const elsewhere = await buildUser(db, "viewer", { sites: [(await buildSite(db)).code] });
    expect(await listPurchaseOrderTable(db, elsewhere.actor, {})).toMatchObject({ total: 0, rows: [] });
  });
});
