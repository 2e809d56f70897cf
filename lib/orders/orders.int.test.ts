import { describe, expect, it } from "vitest";
import { buildWarehouse } from "../../tests/factories/stock";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getDb } from "../db/client";
import { postMovement } from "../ledger/post-movement";
import { getAvailability } from "../availability/get-availability";
import { allocateBackorders } from "./allocate-backorders";
import { cancelOrder } from "./cancel-order";
import { createOrder } from "./create-order";
import { listOrders } from "./list-orders";
import { returnOrder } from "./return-order";
import { shipOrder } from "./ship-order";

const db = getDb();
const admin = SYSTEM_ACTOR;
let sequence = 0;
const ref = () => `#${Date.now()}-${sequence++}`;

async function receive(sku: string, quantity: number, to: string) {
  await postMovement(db, admin, { kind: "receive", sku, quantity, to, reason: "received" });
}

/** Two sites: the warehouse's own (bins A1, A2) and a second one with bin B1, sharing the warehouse's items. */
async function twoSites() {
  const w = await buildWarehouse(db);
  const other = await buildWarehouse(db);
  return { w, site2: other.site, b1: other.bins.a1 };
}

const lineOf = (order: Awaited<ReturnType<typeof createOrder>>, sku: string) => order.lines.find((l) => l.sku === sku)!;

describe("orders", () => {
  it("allocates from the site that can ship everything and holds the units", async () => {
    const { w, site2, b1 } = await twoSites();
    await receive(w.items.plain.sku, 2, b1.code);
    await receive(w.items.plain.sku, 5, w.bins.a1.code);
    const order = await createOrder(db, admin, { reference: ref(), customer: { name: "Ada" }, lines: [{ sku: w.items.plain.sku, quantity: 4 }] });
    expect(order.number).toMatch(/^SO-\d{6}$/);
    expect(order).toMatchObject({ status: "allocated", site: w.site.code });
    expect(lineOf(order, w.items.plain.sku)).toMatchObject({ quantity: 4, allocated: 4, backordered: 0 });
    expect(order.history).toEqual([expect.objectContaining({ status: "allocated", actor: "system" })]);
    const [here] = (await getAvailability(db, admin, { sku: w.items.plain.sku, site: w.site.code })).data;
    expect(here).toMatchObject({ reserved: 4, available: 1 });
    expect((await getAvailability(db, admin, { sku: w.items.plain.sku, site: site2.code })).data[0].reserved).toBe(0);
  });

  it("splits across sites only when allowed; otherwise backorders at one site", async () => {
    const { w, site2, b1 } = await twoSites();
    await receive(w.items.plain.sku, 3, b1.code);
    await receive(w.items.plain.sku, 2, w.bins.a1.code);
    const split = await createOrder(db, admin, {
      reference: ref(),
      customer: { name: "Ada" },
      lines: [{ sku: w.items.plain.sku, quantity: 5 }],
      allowSplit: true,
    });
    expect(split.status).toBe("allocated");
    expect(split.allocations.map((a) => [a.site, a.quantity]).sort()).toEqual(
      [
        [site2.code, 3],
        [w.site.code, 2],
      ].sort(),
    );

    const { w: w2, b1: far } = await twoSites();
    await receive(w2.items.plain.sku, 3, far.code);
    await receive(w2.items.plain.sku, 2, w2.bins.a1.code);
    const whole = await createOrder(db, admin, { reference: ref(), customer: { name: "Bo" }, lines: [{ sku: w2.items.plain.sku, quantity: 5 }] });
    expect(whole.status).toBe("backordered");
    expect(lineOf(whole, w2.items.plain.sku)).toMatchObject({ allocated: 3, backordered: 2 });
  });

  it("allocates backorders when stock arrives, oldest promised date first, and the order moves on by itself", async () => {
    const w = await buildWarehouse(db);
    const sku = w.items.plain.sku;
    const later = await createOrder(db, admin, {
      reference: ref(),
      customer: { name: "Later" },
      lines: [{ sku, quantity: 3 }],
      site: w.site.code,
      promisedShipDate: "2030-02-01",
    });
    const sooner = await createOrder(db, admin, {
      reference: ref(),
      customer: { name: "Sooner" },
      lines: [{ sku, quantity: 3 }],
      site: w.site.code,
      promisedShipDate: "2030-01-01",
    });
    expect([later.status, sooner.status]).toEqual(["backordered", "backordered"]);
    await receive(sku, 4, w.bins.a1.code);
    expect(await allocateBackorders(db)).toBeGreaterThanOrEqual(2);
    const orders = (await listOrders(db, admin, { site: w.site.code })).data;
    const soonerNow = orders.find((o) => o.id === sooner.id)!;
    const laterNow = orders.find((o) => o.id === later.id)!;
    expect(soonerNow.status).toBe("allocated");
    expect(soonerNow.history.map((h) => h.status)).toEqual(["backordered", "allocated"]);
    expect(lineOf(laterNow, sku)).toMatchObject({ allocated: 1, backordered: 2 });
    expect(laterNow.status).toBe("backordered");
  });

  it("the same reference in a channel answers the first order, also when sent at once", async () => {
    const w = await buildWarehouse(db);
    await receive(w.items.plain.sku, 10, w.bins.a1.code);
    const reference = ref();
    const input = { reference, channel: "shop", customer: { name: "Ada" }, lines: [{ sku: w.items.plain.sku, quantity: 2 }] };
    const answers = await Promise.all(Array.from({ length: 5 }, () => createOrder(db, admin, input)));
    expect(new Set(answers.map((a) => a.id)).size).toBe(1);
    expect(await db.salesOrder.count({ where: { reference } })).toBe(1);
    expect((await getAvailability(db, admin, { sku: w.items.plain.sku, site: w.site.code })).data[0].reserved).toBe(2);
    const otherChannel = await createOrder(db, admin, { ...input, channel: "pos" });
    expect(otherChannel.id).not.toBe(answers[0].id);
  });

  it("ships: issues from where the units are held, fulfils the reservations, keeps the tracking number", async () => {
    const w = await buildWarehouse(db);
    await receive(w.items.plain.sku, 5, w.bins.a1.code);
    const order = await createOrder(db, admin, { reference: ref(), customer: { name: "Ada" }, lines: [{ sku: w.items.plain.sku, quantity: 3 }] });
    const shipped = await shipOrder(db, admin, order.id, { carrier: "DHL", trackingNumber: "JJD0001" });
    expect(shipped).toMatchObject({ status: "shipped", carrier: "DHL", trackingNumber: "JJD0001" });
    expect(lineOf(shipped, w.items.plain.sku)).toMatchObject({ shipped: 3, allocated: 0, backordered: 0 });
    const movements = await db.stockMovement.findMany({ where: { reference: order.number }, select: { kind: true, quantity: true } });
    expect(movements).toEqual([{ kind: "issue", quantity: 3 }]);
    expect((await getAvailability(db, admin, { sku: w.items.plain.sku, site: w.site.code })).data[0]).toMatchObject({
      onHand: 2,
      reserved: 0,
      available: 2,
    });
    await expect(shipOrder(db, admin, order.id, { carrier: "DHL", trackingNumber: "x" })).rejects.toMatchObject({ code: "order_step_refused" });
    await expect(cancelOrder(db, admin, order.id)).rejects.toMatchObject({ code: "order_step_refused" });
  });

  it("refuses to ship while units are backordered", async () => {
    const w = await buildWarehouse(db);
    await receive(w.items.plain.sku, 1, w.bins.a1.code);
    const order = await createOrder(db, admin, { reference: ref(), customer: { name: "Ada" }, lines: [{ sku: w.items.plain.sku, quantity: 3 }] });
    await expect(shipOrder(db, admin, order.id, { carrier: "DHL", trackingNumber: "1" })).rejects.toMatchObject({ code: "order_step_refused" });
  });

  it("ship and cancel racing on one order: exactly one wins", async () => {
    const w = await buildWarehouse(db);
    await receive(w.items.plain.sku, 5, w.bins.a1.code);
    for (let round = 0; round < 5; round++) {
      const order = await createOrder(db, admin, { reference: ref(), customer: { name: "Ada" }, lines: [{ sku: w.items.plain.sku, quantity: 1 }] });
      const results = await Promise.allSettled([
        shipOrder(db, admin, order.id, { carrier: "UPS", trackingNumber: "1Z" }),
        cancelOrder(db, admin, order.id),
        shipOrder(db, admin, order.id, { carrier: "UPS", trackingNumber: "1Z" }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(results.filter((r) => r.status === "rejected").every((r) => (r as PromiseRejectedResult).reason.code === "order_step_refused")).toBe(
        true,
      );
    }
    const [level] = (await getAvailability(db, admin, { sku: w.items.plain.sku, site: w.site.code })).data;
    const shipped = await db.stockMovement.aggregate({ where: { itemId: w.items.plain.id, kind: "issue" }, _sum: { quantity: true } });
    expect(level.onHand + (shipped._sum.quantity ?? 0)).toBe(5);
    expect(level.reserved).toBe(0);
  });

  it("concurrent orders of several lines never allocate more than there is", async () => {
    const w = await buildWarehouse(db);
    await receive(w.items.plain.sku, 30, w.bins.a1.code);
    await receive(w.items.solvent.sku, 30, w.bins.cage.code);
    const orders = await Promise.all(
      Array.from({ length: 40 }, () =>
        createOrder(db, admin, {
          reference: ref(),
          customer: { name: "Many" },
          site: w.site.code,
          lines: [
            { sku: w.items.plain.sku, quantity: 1 },
            { sku: w.items.solvent.sku, quantity: 1 },
          ],
        }),
      ),
    );
    const allocatedPlain = orders.reduce((sum, o) => sum + lineOf(o, w.items.plain.sku).allocated, 0);
    expect(allocatedPlain).toBe(30);
    expect(orders.filter((o) => o.status === "allocated")).toHaveLength(30);
    for (const order of orders) for (const line of order.lines) expect(line.allocated + line.backordered).toBe(line.quantity);
    const levels = await db.stockLevel.findMany({ where: { itemId: { in: [w.items.plain.id, w.items.solvent.id] }, isVirtual: false } });
    expect(levels.every((l) => l.reserved <= l.onHand)).toBe(true);
    expect(levels.reduce((sum, l) => sum + l.reserved, 0)).toBe(60);
  });

  it("cancel releases every held unit", async () => {
    const w = await buildWarehouse(db);
    await receive(w.items.plain.sku, 5, w.bins.a1.code);
    const order = await createOrder(db, admin, { reference: ref(), customer: { name: "Ada" }, lines: [{ sku: w.items.plain.sku, quantity: 5 }] });
    const cancelled = await cancelOrder(db, admin, order.id);
    expect(cancelled).toMatchObject({ status: "cancelled", putBack: [] });
    expect(lineOf(cancelled, w.items.plain.sku)).toMatchObject({ allocated: 0, backordered: 0 });
    expect((await getAvailability(db, admin, { sku: w.items.plain.sku, site: w.site.code })).data[0].available).toBe(5);
  });

  it("returns: restock to the bin, quarantine is held back, damaged is written off; never more than shipped", async () => {
    const w = await buildWarehouse(db);
    await receive(w.items.plain.sku, 6, w.bins.a1.code);
    const order = await createOrder(db, admin, { reference: ref(), customer: { name: "Ada" }, lines: [{ sku: w.items.plain.sku, quantity: 6 }] });
    await shipOrder(db, admin, order.id, { carrier: "DHL", trackingNumber: "1" });
    await expect(returnOrder(db, admin, order.id, { lines: [{ sku: w.items.plain.sku, quantity: 7, condition: "restock" }] })).rejects.toMatchObject({
      code: "validation_failed",
      issues: [expect.objectContaining({ field: "lines.0.quantity" })],
    });
    const returned = await returnOrder(db, admin, order.id, {
      lines: [
        { sku: w.items.plain.sku, quantity: 2, condition: "restock" },
        { sku: w.items.plain.sku, quantity: 1, condition: "quarantine" },
        { sku: w.items.plain.sku, quantity: 1, condition: "damaged" },
      ],
    });
    expect(lineOf(returned, w.items.plain.sku).returned).toBe(4);
    const [here] = (await getAvailability(db, admin, { sku: w.items.plain.sku, site: w.site.code })).data;
    expect(here).toMatchObject({ onHand: 3, available: 2 });
    await expect(returnOrder(db, admin, order.id, { lines: [{ sku: w.items.plain.sku, quantity: 3, condition: "restock" }] })).rejects.toMatchObject({
      code: "validation_failed",
    });
  });

  it("422 for an unknown SKU, nothing written", async () => {
    const w = await buildWarehouse(db);
    const reference = ref();
    await expect(
      createOrder(db, admin, {
        reference,
        customer: { name: "Ada" },
        lines: [
          { sku: w.items.plain.sku, quantity: 1 },
          { sku: "NOPE-NOPE", quantity: 1 },
        ],
      }),
    ).rejects.toMatchObject({
      issues: [{ field: "lines.1.sku", message: expect.stringContaining("NOPE-NOPE") }],
    });
    expect(await db.salesOrder.count({ where: { reference } })).toBe(0);
  });

  it("lists late orders", async () => {
    const w = await buildWarehouse(db);
    const late = await createOrder(db, admin, {
      reference: ref(),
      customer: { name: "Late" },
      lines: [{ sku: w.items.plain.sku, quantity: 1 }],
      site: w.site.code,
      promisedShipDate: "2020-01-01",
    });
    await createOrder(db, admin, {
      reference: ref(),
      customer: { name: "Fine" },
      lines: [{ sku: w.items.plain.sku, quantity: 1 }],
      site: w.site.code,
      promisedShipDate: "2099-01-01",
    });
    const listed = (await listOrders(db, admin, { site: w.site.code, late: "true" })).data;
    expect(listed.map((o) => o.id)).toEqual([late.id]);
    expect(listed[0].late).toBe(true);
  });
});
