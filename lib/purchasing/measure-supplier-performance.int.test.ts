import { describe, expect, it } from "vitest";
import { buildUser } from "../../tests/factories/access";
import { buildPurchasing } from "../../tests/factories/purchasing";
import { getDb } from "../db/client";
import { closePurchaseOrder } from "./close-purchase-order";
import { confirmPurchaseOrder } from "./confirm-purchase-order";
import { measureSupplierPerformance } from "./measure-supplier-performance";
import { receivePurchaseOrder } from "./receive-purchase-order";

const db = getDb();
const DAY = 86_400_000;

describe("supplier performance", () => {
  it("measures promised against actual lead time, fill rate, on-time rate and damage from purchase orders", async () => {
    const w = await buildPurchasing(db);
    const manager = await buildUser(db, "manager");
    const sku = w.items.plain.sku;
    const sentAt = (days: number) => new Date(Date.now() - days * DAY);
    const isoDay = (date: Date) => date.toISOString().slice(0, 10);

    // On time: sent 10 days ago, promised in 12 days from sending (2 days from now), all received today.
    const onTime = await w.sentOrder([{ sku, quantity: 10 }]);
    await db.purchaseOrder.update({ where: { id: onTime.id }, data: { sentAt: sentAt(10) } });
    await confirmPurchaseOrder(db, manager.actor, onTime.id, { lines: [{ sku, quantity: 10, promisedAt: isoDay(new Date(Date.now() + 2 * DAY)) }] });
    await receivePurchaseOrder(db, manager.actor, onTime.id, { to: w.bins.a1.code, lines: [{ sku, quantity: 10 }] });

    // Late and short: sent 20 days ago, expected 5 days ago; 6 good and 2 damaged of 10, then closed.
    const late = await w.sentOrder([{ sku, quantity: 10 }]);
    await db.purchaseOrder.update({ where: { id: late.id }, data: { sentAt: sentAt(20), expectedAt: new Date(`${isoDay(sentAt(5))}T00:00:00Z`) } });
    await receivePurchaseOrder(db, manager.actor, late.id, { to: w.bins.a1.code, lines: [{ sku, quantity: 6, damaged: 2 }] });
    await closePurchaseOrder(db, manager.actor, late.id);

    // Still open: counted in orders and lead time, not in fill or on-time rates.
    await w.sentOrder([{ sku, quantity: 5 }]);

    const figures = (await measureSupplierPerformance(db, manager.actor)).find((p) => p.supplier === w.supplier.code);
    expect(figures).toMatchObject({ orders: 3, fillRate: 0.8, onTimeRate: 0.5, damagedRate: 0.111 });
    // Promised dates are days: from a sending at some hour, the promise is 11 to 12 days on.
    expect(figures!.promisedLeadTimeDays).toBeGreaterThanOrEqual(11);
    expect(figures!.promisedLeadTimeDays).toBeLessThanOrEqual(12);
    expect(figures!.actualLeadTimeDays).toBeCloseTo(15, 0); // (10 + 20) / 2
  });
});
