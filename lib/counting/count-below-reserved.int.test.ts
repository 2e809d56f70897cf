import { describe, expect, it } from "vitest";
import { buildWarehouse } from "../../tests/factories/stock";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getDb } from "../db/client";
import { postMovement } from "../ledger/post-movement";
import { createOrder } from "../orders/create-order";
import { getOrder } from "../orders/list-orders";
import { createReservation } from "../reservations/create-reservation";
import { getReservation } from "../reservations/list-reservations";
import { startCount } from "./start-count";
import { submitCount } from "./submit-count";

const db = getDb();
const admin = SYSTEM_ACTOR;

describe("a count below what is reserved in a bin", () => {
  it("moves the holds to another bin of the site, and the count posts", async () => {
    const w = await buildWarehouse(db);
    await postMovement(db, admin, { kind: "receive", sku: w.items.plain.sku, quantity: 5, to: w.bins.a1.code, reason: "received" });
    await postMovement(db, admin, { kind: "receive", sku: w.items.plain.sku, quantity: 5, to: w.bins.a2.code, reason: "received" });
    const reservation = await createReservation(db, admin, {
      sku: w.items.plain.sku,
      quantity: 4,
      site: w.site.code,
      reference: "cart",
      ttlSeconds: null,
    });
    const held = reservation.allocations[0].location;
    const count = await startCount(db, admin, { location: held });
    const { posting } = await submitCount(db, admin, count.id, { scans: [{ location: held, sku: w.items.plain.sku, quantity: 1 }] });
    expect(posting?.movements).toHaveLength(1);
    const after = await getReservation(db, admin, reservation.id);
    expect(after.held).toBe(4);
    expect(after.allocations.reduce((sum, a) => sum + a.quantity, 0)).toBe(4);
    expect(after.allocations.find((a) => a.location === held)?.quantity).toBe(1);
    const levels = await db.stockLevel.findMany({ where: { itemId: w.items.plain.id, isVirtual: false } });
    expect(levels.every((l) => l.reserved <= l.onHand)).toBe(true);
    expect(levels.reduce((sum, l) => sum + l.reserved, 0)).toBe(4);
  });

  it("when no other bin has the units, the order holds less and waits for stock again", async () => {
    const w = await buildWarehouse(db);
    await postMovement(db, admin, { kind: "receive", sku: w.items.plain.sku, quantity: 3, to: w.bins.a1.code, reason: "received" });
    const order = await createOrder(db, admin, {
      reference: `count-${Date.now()}`,
      customer: { name: "Ada" },
      lines: [{ sku: w.items.plain.sku, quantity: 3 }],
    });
    expect(order.status).toBe("allocated");
    const count = await startCount(db, admin, { location: w.bins.a1.code });
    await submitCount(db, admin, count.id, { scans: [{ location: w.bins.a1.code, sku: w.items.plain.sku, quantity: 1 }] });
    const after = await getOrder(db, admin, order.id);
    expect(after.status).toBe("backordered");
    expect(after.lines[0]).toMatchObject({ allocated: 1, backordered: 2 });
    expect(after.history.at(-1)).toMatchObject({ status: "backordered", note: "stock counted short" });
  });
});
