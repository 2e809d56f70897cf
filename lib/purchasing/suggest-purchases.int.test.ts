import { describe, expect, it } from "vitest";
import { buildPurchasing, buildSupplier } from "../../tests/factories/purchasing";
import { buildWarehouse } from "../../tests/factories/stock";
import { SYSTEM_ACTOR, type Actor } from "../auth/actor";
import { getDb } from "../db/client";
import { postMovement } from "../ledger/post-movement";
import { setThresholds } from "../thresholds/set-thresholds";
import { createReservation } from "../reservations/create-reservation";
import { createPurchaseOrder } from "./create-purchase-order";
import { suggestPurchases } from "./suggest-purchases";

const db = getDb();
const admin = SYSTEM_ACTOR;

describe("purchase suggestions", () => {
  it("suggests per supplier what falls to its reorder point: lead-time demand, whole packs, the MOQ, on order and reserved counted", async () => {
    const w = await buildPurchasing(db);
    const { plain, lotted, serialised } = w.items;
    const cheaper = await buildSupplier(db);
    // plain: preferred supplier (cases of 12, MOQ 20, 10 days), and a cheaper one that is not preferred.
    await db.itemSupplier.update({
      where: { itemId_supplierId: { itemId: plain.id, supplierId: w.supplier.id } },
      data: { preferred: true, minOrderQty: 20, leadTimeDays: 10 },
    });
    await db.itemSupplier.create({ data: { itemId: plain.id, supplierId: cheaper.id, unitCost: "0.5" } });
    await setThresholds(db, admin, plain.sku, { site: w.site.code, reorderPoint: 10 });
    await postMovement(db, admin, { kind: "receive", sku: plain.sku, quantity: 40, to: w.bins.a1.code, reason: "received" });
    await postMovement(db, admin, { kind: "issue", sku: plain.sku, quantity: 36, from: w.bins.a1.code, reason: "sold" }); // 0.4 a day
    // lotted: at its point only once a reservation holds 2 of its 8; 3 are on a draft order → 6 + 3 > 5: nothing.
    await setThresholds(db, admin, lotted.sku, { site: w.site.code, reorderPoint: 5 });
    await postMovement(db, admin, {
      kind: "receive",
      sku: lotted.sku,
      quantity: 8,
      to: w.bins.a2.code,
      reason: "received",
      lot: "L1",
      expiresAt: "2031-01-01",
    });
    await createReservation(db, admin, { sku: lotted.sku, quantity: 2, site: w.site.code, reference: "cart-1" });
    await createPurchaseOrder(db, admin, { supplier: w.supplier.code, site: w.site.code, lines: [{ sku: lotted.sku, quantity: 3 }] });
    // serialised: none in stock, reorder quantity 4, supplier's lead time (none set → 14 days).
    await setThresholds(db, admin, serialised.sku, { site: w.site.code, reorderPoint: 1, reorderQuantity: 4 });

    const answer = await suggestPurchases(db, admin, { site: w.site.code });
    expect(answer.data).toEqual([
      {
        supplier: w.supplier.code,
        supplierName: w.supplier.name,
        lines: [
          {
            sku: plain.sku,
            quantity: 24, // 10 + 1 + ⌈0.4 × 10⌉ − 4 = 11 → MOQ 20 → 2 cases of 12
            packSize: 12,
            minOrderQty: 20,
            available: 4,
            onOrder: 0,
            reorderPoint: 10,
            reason: "available 4 ≤ reorder point 10; 4 expected over a 10-day lead time (0.4 a day over the last 90 days); packs of 12; at least 20",
          },
          expect.objectContaining({
            sku: serialised.sku,
            quantity: 4,
            available: 0,
            reason: "available 0 ≤ reorder point 1; no sales in the last 90 days; 14-day lead time",
          }),
        ],
      },
    ]);
    // A draft of those lines takes them off the next suggestions (on order).
    await createPurchaseOrder(db, admin, {
      supplier: w.supplier.code,
      site: w.site.code,
      lines: answer.data[0].lines.map(({ sku, quantity }) => ({ sku, quantity })),
    });
    expect((await suggestPurchases(db, admin, { site: w.site.code })).data).toEqual([]);
  });

  it("takes the demand over the lead time from the forecast where one set the site's reorder point, and from the last 90 days once a person set it", async () => {
    const w = await buildPurchasing(db);
    const { serialised } = w.items; // nothing in stock, no sales, 14-day lead time
    // The weekly recompute's shape: reorder point 12 = 8 expected over the lead time + safety stock 4.
    await setThresholds(db, admin, serialised.sku, { site: w.site.code, reorderPoint: 12, safetyStock: 4 }, { source: "forecast" });
    const fromForecast = (await suggestPurchases(db, admin, { site: w.site.code })).data[0].lines[0];
    expect(fromForecast).toMatchObject({
      sku: serialised.sku,
      quantity: 21, // 12 + 1 + 8 − 0
      reason: "available 0 ≤ reorder point 12; 8 expected over a 14-day lead time (forecast)",
    });
    // A buyer's own reorder point: no forecast behind it, and no sales in 90 days → nothing expected.
    await setThresholds(db, admin, serialised.sku, { site: w.site.code, reorderPoint: 12 });
    const byHand = (await suggestPurchases(db, admin, { site: w.site.code })).data[0].lines[0];
    expect(byHand).toMatchObject({ quantity: 13, reason: "available 0 ≤ reorder point 12; no sales in the last 90 days; 14-day lead time" });
  });

  it("answers only a site the caller buys for, and names an unknown one", async () => {
    const w = await buildPurchasing(db);
    const other = await buildWarehouse(db);
    const buyer: Actor = { type: "user", id: "00000000-0000-7000-8000-000000000009", label: "b", role: "manager", sites: [other.site.id] };
    await expect(suggestPurchases(db, buyer, { site: w.site.code })).rejects.toMatchObject({ code: "forbidden" });
    await expect(suggestPurchases(db, admin, { site: "NOWHERE" })).rejects.toMatchObject({ code: "validation_failed", issues: [{ field: "site" }] });
    const clerk: Actor = { ...buyer, role: "clerk" };
    await expect(suggestPurchases(db, clerk, { site: other.site.code })).rejects.toMatchObject({ code: "forbidden" });
  });
});
