import { describe, expect, it } from "vitest";
import { buildUser } from "../../tests/factories/access";
import { buildPurchasing } from "../../tests/factories/purchasing";
import { onHand } from "../../tests/factories/stock";
import { getDb } from "../db/client";
import { closePurchaseOrder } from "./close-purchase-order";
import { receivePurchaseOrder } from "./receive-purchase-order";
import { recordShippingNotice } from "./record-shipping-notice";

const db = getDb();

async function quarantineOf(siteId: string) {
  return db.location.findFirstOrThrow({ where: { siteId, purpose: "quarantine" } });
}

describe("receiving a purchase order", () => {
  it("receives short, then the rest, at the line's unit cost, and becomes received by itself", async () => {
    const w = await buildPurchasing(db);
    const clerk = await buildUser(db, "clerk", { sites: [w.site.code] });
    const order = await w.sentOrder([
      { sku: w.items.plain.sku, quantity: 24 },
      { sku: w.items.lotted.sku, quantity: 5 },
    ]);
    const first = await receivePurchaseOrder(db, clerk.actor, order.id, {
      to: w.bins.a1.code,
      lines: [
        { sku: w.items.plain.sku, quantity: 20 },
        { sku: w.items.lotted.sku, quantity: 5, lot: "L-1", expiresAt: "2027-06-30" },
      ],
    });
    expect(first).toMatchObject({
      status: "partially_received",
      lines: [
        { received: 20, outstanding: 4 },
        { received: 5, outstanding: 0 },
      ],
    });
    expect(await onHand(db, w.items.plain.id, w.bins.a1.id)).toBe(20);
    const movement = await db.stockMovement.findFirstOrThrow({ where: { itemId: w.items.plain.id, kind: "receive" } });
    expect(movement).toMatchObject({ reference: order.number, currency: "EUR", reasonCode: "received" });
    expect(movement.unitCost?.toFixed(4)).toBe("2.2500");

    const second = await receivePurchaseOrder(db, clerk.actor, order.id, { to: w.bins.a2.code, lines: [{ sku: w.items.plain.sku, quantity: 4 }] });
    expect(second).toMatchObject({ status: "received", lines: [{ received: 24, outstanding: 0 }, {}] });
    expect(second.history.filter((h) => h.step === "received")).toHaveLength(2);
  });

  it("closes a short order: the rest will not come, and the history says what was short", async () => {
    const w = await buildPurchasing(db);
    const manager = await buildUser(db, "manager");
    const order = await w.sentOrder([{ sku: w.items.plain.sku, quantity: 10 }]);
    await receivePurchaseOrder(db, manager.actor, order.id, { to: w.bins.a1.code, lines: [{ sku: w.items.plain.sku, quantity: 7 }] });
    const closed = await closePurchaseOrder(db, manager.actor, order.id);
    expect(closed.status).toBe("closed");
    expect(closed.history.at(-1)).toMatchObject({ step: "closed", detail: { short: [{ sku: w.items.plain.sku, short: 3 }] } });
  });

  it("refuses more than ordered without the over-receipt permission, with the quantities; a manager may", async () => {
    const w = await buildPurchasing(db);
    const clerk = await buildUser(db, "clerk", { sites: [w.site.code] });
    const manager = await buildUser(db, "manager");
    const order = await w.sentOrder([{ sku: w.items.plain.sku, quantity: 10 }]);
    await receivePurchaseOrder(db, clerk.actor, order.id, { to: w.bins.a1.code, lines: [{ sku: w.items.plain.sku, quantity: 8 }] });
    const over = receivePurchaseOrder(db, clerk.actor, order.id, { to: w.bins.a1.code, lines: [{ sku: w.items.plain.sku, quantity: 5 }] });
    await expect(over).rejects.toMatchObject({
      code: "validation_failed",
      issues: [{ field: "lines.0.quantity", message: expect.stringContaining("ordered 10, 8 received so far; 5 more would be 3 over the order") }],
    });
    expect(await onHand(db, w.items.plain.id, w.bins.a1.id)).toBe(8);
    const allowed = await receivePurchaseOrder(db, manager.actor, order.id, { to: w.bins.a1.code, lines: [{ sku: w.items.plain.sku, quantity: 5 }] });
    expect(allowed).toMatchObject({ status: "received", lines: [{ quantity: 10, received: 13, outstanding: 0 }] });
    expect(await onHand(db, w.items.plain.id, w.bins.a1.id)).toBe(13);
  });

  it("receives damaged units into the site's quarantine location, and they do not count as delivered", async () => {
    const w = await buildPurchasing(db);
    const clerk = await buildUser(db, "clerk", { sites: [w.site.code] });
    const order = await w.sentOrder([{ sku: w.items.plain.sku, quantity: 12 }]);
    const received = await receivePurchaseOrder(db, clerk.actor, order.id, {
      to: w.bins.a1.code,
      lines: [{ sku: w.items.plain.sku, quantity: 10, damaged: 2 }],
    });
    const quarantine = await quarantineOf(w.site.id);
    expect(received).toMatchObject({ status: "partially_received", lines: [{ received: 10, damaged: 2, outstanding: 2 }] });
    expect(await onHand(db, w.items.plain.id, w.bins.a1.id)).toBe(10);
    expect(await onHand(db, w.items.plain.id, quarantine.id)).toBe(2);
    expect(await db.stockMovement.count({ where: { itemId: w.items.plain.id, toLocationId: quarantine.id, reasonCode: "damaged" } })).toBe(1);
  });

  it("names the receipt line when the ledger refuses it, and posts nothing", async () => {
    const w = await buildPurchasing(db);
    const order = await w.sentOrder([
      { sku: w.items.plain.sku, quantity: 2 },
      { sku: w.items.lotted.sku, quantity: 2 },
    ]);
    const manager = await buildUser(db, "manager");
    const refused = receivePurchaseOrder(db, manager.actor, order.id, {
      to: w.bins.a1.code,
      lines: [
        { sku: w.items.plain.sku, quantity: 2 },
        { sku: w.items.lotted.sku, quantity: 2 },
      ],
    });
    await expect(refused).rejects.toMatchObject({ issues: [expect.objectContaining({ field: expect.stringMatching(/^lines\.1\./) })] });
    expect(await onHand(db, w.items.plain.id, w.bins.a1.id)).toBe(0);
    const other = await buildPurchasing(db);
    await expect(
      receivePurchaseOrder(db, manager.actor, order.id, { to: other.bins.a1.code, lines: [{ sku: w.items.plain.sku, quantity: 1 }] }),
    ).rejects.toMatchObject({ issues: [{ field: "to" }] });
    await expect(
      receivePurchaseOrder(db, manager.actor, order.id, { to: w.bins.a1.code, lines: [{ sku: w.items.solvent.sku, quantity: 1 }] }),
    ).rejects.toMatchObject({ issues: [{ field: "lines.0.sku" }] });
  });

  it("lets only one of two concurrent receipts of a line's last units through", async () => {
    const w = await buildPurchasing(db);
    const clerks = [await buildUser(db, "clerk", { sites: [w.site.code] }), await buildUser(db, "clerk", { sites: [w.site.code] })];
    const order = await w.sentOrder([{ sku: w.items.plain.sku, quantity: 10 }]);
    await receivePurchaseOrder(db, clerks[0].actor, order.id, { to: w.bins.a1.code, lines: [{ sku: w.items.plain.sku, quantity: 6 }] });
    const results = await Promise.allSettled(
      clerks.map((clerk) =>
        receivePurchaseOrder(db, clerk.actor, order.id, { to: w.bins.a1.code, lines: [{ sku: w.items.plain.sku, quantity: 4 }] }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ code: "validation_failed" });
    const line = await db.purchaseOrderLine.findFirstOrThrow({ where: { purchaseOrderId: order.id } });
    expect(line.received).toBe(10);
    expect(await onHand(db, w.items.plain.id, w.bins.a1.id)).toBe(10);
  });
});

describe("receiving by a shipping notice's SSCC", () => {
  it("receives everything on the notice at once, and refuses the same pallet twice", async () => {
    const w = await buildPurchasing(db);
    const clerk = await buildUser(db, "clerk", { sites: [w.site.code] });
    const manager = await buildUser(db, "manager");
    const order = await w.sentOrder([
      { sku: w.items.plain.sku, quantity: 12 },
      { sku: w.items.lotted.sku, quantity: 4 },
      { sku: w.items.serialised.sku, quantity: 2 },
    ]);
    const sscc = "376123450000000016";
    await expect(
      recordShippingNotice(db, manager.actor, order.id, {
        sscc: "376123450000000017",
        shipDate: "2027-01-02",
        expectedAt: "2027-01-05",
        lines: [{ sku: w.items.plain.sku, quantity: 1 }],
      }),
    ).rejects.toMatchObject({ issues: [{ field: "sscc" }] });
    const noticed = await recordShippingNotice(db, manager.actor, order.id, {
      sscc,
      shipDate: "2027-01-02",
      expectedAt: "2027-01-05",
      lines: [
        { sku: w.items.plain.sku, quantity: 12 },
        { sku: w.items.lotted.sku, quantity: 4, lot: "ASN-LOT", expiresAt: "2027-09-30" },
        { sku: w.items.serialised.sku, quantity: 2, serials: ["PO-S1", "PO-S2"] },
      ],
    });
    expect(noticed).toMatchObject({ status: "sent", shipments: [{ sscc, receivedAt: null }] });
    const received = await receivePurchaseOrder(db, clerk.actor, order.id, { to: w.bins.a2.code, sscc });
    expect(received).toMatchObject({ status: "received", shipments: [{ sscc, receivedAt: expect.any(String) }] });
    expect(await onHand(db, w.items.plain.id, w.bins.a2.id)).toBe(12);
    const lot = await db.lot.findFirstOrThrow({ where: { itemId: w.items.lotted.id, number: "ASN-LOT" } });
    expect(await onHand(db, w.items.lotted.id, w.bins.a2.id, lot.id)).toBe(4);
    expect(await db.serial.count({ where: { itemId: w.items.serialised.id, locationId: w.bins.a2.id } })).toBe(2);
    await expect(receivePurchaseOrder(db, clerk.actor, order.id, { to: w.bins.a2.code, sscc })).rejects.toMatchObject({ code: "shipment_conflict" });
  });

  it("refuses a second notice with the same SSCC, and a second receipt of the same pallet", async () => {
    const w = await buildPurchasing(db);
    const manager = await buildUser(db, "manager");
    const order = await w.sentOrder([{ sku: w.items.plain.sku, quantity: 20 }]);
    const sscc = "376123450000000023";
    const notice = { sscc, shipDate: "2027-01-02", expectedAt: "2027-01-05", lines: [{ sku: w.items.plain.sku, quantity: 5 }] };
    await recordShippingNotice(db, manager.actor, order.id, notice);
    await expect(recordShippingNotice(db, manager.actor, order.id, notice)).rejects.toMatchObject({ code: "shipment_conflict" });
    await receivePurchaseOrder(db, manager.actor, order.id, { to: w.bins.a1.code, sscc });
    await expect(receivePurchaseOrder(db, manager.actor, order.id, { to: w.bins.a1.code, sscc })).rejects.toMatchObject({
      code: "shipment_conflict",
    });
    expect(await onHand(db, w.items.plain.id, w.bins.a1.id)).toBe(5);
  });
});
