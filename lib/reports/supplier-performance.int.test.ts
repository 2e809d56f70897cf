// The supplier-performance report on a data set worked out by hand: two suppliers at one warehouse, a third at
// another, orders confirmed with promised dates, advance shipping notices, receipts on time and late, a damaged one.
import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../auth/actor";
import { buildSite, buildUser } from "../../tests/factories/access";
import { buildPurchasing, buildSupplier } from "../../tests/factories/purchasing";
import { getDb } from "../db/client";
import { approvePurchaseOrder } from "../purchasing/approve-purchase-order";
import { closePurchaseOrder } from "../purchasing/close-purchase-order";
import { confirmPurchaseOrder } from "../purchasing/confirm-purchase-order";
import { createPurchaseOrder } from "../purchasing/create-purchase-order";
import { measureSupplierPerformance } from "../purchasing/measure-supplier-performance";
import { receivePurchaseOrder } from "../purchasing/receive-purchase-order";
import { recordShippingNotice } from "../purchasing/record-shipping-notice";
import type { PurchaseOrderInput, PurchaseReceiptInput } from "../purchasing/schemas";
import { sendPurchaseOrder } from "../purchasing/send-purchase-order";
import { runReport } from "./run-report";

const db = getDb();
const at = (iso: string) => new Date(iso);

async function buildDataSet() {
  const w = await buildPurchasing(db); // supplier A and its items at warehouse 1
  const other = await buildPurchasing(db); // supplier C at warehouse 2
  const b = await buildSupplier(db);
  await db.itemSupplier.create({ data: { itemId: w.items.plain.id, supplierId: b.id, unitCost: "3" } });
  const manager = await buildUser(db, "manager");
  const { plain, lotted } = w.items;

  /** A purchase order sent at `sentAt` (its `sentAt` set afterwards: the clock cannot be moved). */
  const sent = async (supplier: string, site: string, lines: PurchaseOrderInput["lines"], sentAt: string, expectedAt?: string) => {
    const draft = await createPurchaseOrder(db, SYSTEM_ACTOR, { supplier, site, lines });
    await approvePurchaseOrder(db, SYSTEM_ACTOR, draft.id);
    await sendPurchaseOrder(db, SYSTEM_ACTOR, draft.id);
    await db.purchaseOrder.update({ where: { id: draft.id }, data: { sentAt: at(sentAt), ...(expectedAt ? { expectedAt: at(expectedAt) } : {}) } });
    return draft.id;
  };
  const promise = (id: string, lines: { sku: string; quantity: number }[], promisedAt: string) =>
    confirmPurchaseOrder(db, manager.actor, id, { lines: lines.map((l) => ({ ...l, promisedAt })) });
  /** A receipt, dated `when` in the order's history (the last receipt's date is what lead time and on-time read). */
  const receive = async (id: string, input: PurchaseReceiptInput, when: string) => {
    await receivePurchaseOrder(db, manager.actor, id, input);
    const last = await db.purchaseOrderHistory.findFirstOrThrow({ where: { purchaseOrderId: id, step: "received" }, orderBy: { id: "desc" } });
    await db.purchaseOrderHistory.update({ where: { id: last.id }, data: { at: at(when) } });
  };
  const to = w.bins.a1.code;

  // Supplier A. A1: two lines, sent 1 Oct, promised 11 Oct (10 days), shipped with a notice, all received 9 Oct
  // (8 days, on time).
  const a1 = await sent(
    w.supplier.code,
    w.site.code,
    [
      { sku: plain.sku, quantity: 10 },
      { sku: lotted.sku, quantity: 4 },
    ],
    "2026-10-01T00:00:00Z",
  );
  await promise(
    a1,
    [
      { sku: plain.sku, quantity: 10 },
      { sku: lotted.sku, quantity: 4 },
    ],
    "2026-10-11",
  );
  await recordShippingNotice(db, manager.actor, a1, {
    shipDate: "2026-10-08",
    expectedAt: "2026-10-10",
    lines: [
      { sku: plain.sku, quantity: 10 },
      { sku: lotted.sku, quantity: 4, lot: "A1-LOT" },
    ],
  });
  await receive(
    a1,
    {
      to,
      lines: [
        { sku: plain.sku, quantity: 10 },
        { sku: lotted.sku, quantity: 4, lot: "A1-LOT", expiresAt: "2027-12-31" },
      ],
    },
    "2026-10-09T00:00:00Z",
  );
  // A2: sent 5 Oct, expected 15 Oct, never confirmed; 15 good and 5 damaged of 20 on 20 Oct (15 days, late); closed.
  const a2 = await sent(w.supplier.code, w.site.code, [{ sku: plain.sku, quantity: 20 }], "2026-10-05T00:00:00Z", "2026-10-15T00:00:00Z");
  await receive(a2, { to, lines: [{ sku: plain.sku, quantity: 15, damaged: 5 }] }, "2026-10-20T00:00:00Z");
  await closePurchaseOrder(db, manager.actor, a2);
  // A3: sent 20 Oct, promised 27 Oct (7 days), nothing received yet.
  const a3 = await sent(w.supplier.code, w.site.code, [{ sku: plain.sku, quantity: 5 }], "2026-10-20T00:00:00Z");
  await promise(a3, [{ sku: plain.sku, quantity: 5 }], "2026-10-27");
  // Before the period (20 Sep): not counted.
  const early = await sent(w.supplier.code, w.site.code, [{ sku: plain.sku, quantity: 7 }], "2026-09-20T00:00:00Z");
  await receive(early, { to, lines: [{ sku: plain.sku, quantity: 1, damaged: 6 }] }, "2026-09-30T00:00:00Z");

  // Supplier B. B1: sent 10 Oct, promised 13 Oct (3 days), received 12 Oct noon (2.5 days, on time).
  const b1 = await sent(b.code, w.site.code, [{ sku: plain.sku, quantity: 8 }], "2026-10-10T00:00:00Z");
  await promise(b1, [{ sku: plain.sku, quantity: 8 }], "2026-10-13");
  await receive(b1, { to, lines: [{ sku: plain.sku, quantity: 8 }] }, "2026-10-12T12:00:00Z");
  // B2: sent 10 Oct, promised 15 Oct (5 days), 3 on 16 Oct and 3 on 17 Oct noon (7.5 days, late).
  const b2 = await sent(b.code, w.site.code, [{ sku: plain.sku, quantity: 6 }], "2026-10-10T00:00:00Z");
  await promise(b2, [{ sku: plain.sku, quantity: 6 }], "2026-10-15");
  await recordShippingNotice(db, manager.actor, b2, { shipDate: "2026-10-14", expectedAt: "2026-10-16", lines: [{ sku: plain.sku, quantity: 6 }] });
  await receive(b2, { to, lines: [{ sku: plain.sku, quantity: 3 }] }, "2026-10-16T00:00:00Z");
  await receive(b2, { to, lines: [{ sku: plain.sku, quantity: 3 }] }, "2026-10-17T12:00:00Z");

  // Supplier C at warehouse 2: sent 2 Oct, no due date, all received 4 Oct (2 days).
  const c1 = await sent(other.supplier.code, other.site.code, [{ sku: other.items.plain.sku, quantity: 4 }], "2026-10-02T00:00:00Z");
  await receive(c1, { to: other.bins.a1.code, lines: [{ sku: other.items.plain.sku, quantity: 4 }] }, "2026-10-04T00:00:00Z");

  return { w, other, a: w.supplier, b, c: other.supplier, manager };
}

const OCTOBER = { from: "2026-10-01", to: "2026-10-31" };

describe("the supplier-performance report", () => {
  it("answers every figure of the hand-worked data set, per supplier, at the site asked for", async () => {
    const { w, a, b, c, manager } = await buildDataSet();
    const report = await runReport(db, manager.actor, "supplier-performance", { ...OCTOBER, site: w.site.code.toLowerCase() });
    expect(report.filters).toEqual({ ...OCTOBER, site: w.site.code });
    expect(report.columns.map((col) => col.key)).toEqual([
      "supplier",
      "name",
      "orders",
      "lines",
      "promisedLeadTimeDays",
      "actualLeadTimeDays",
      "fillRate",
      "onTimeRate",
      "damagedUnits",
      "damagedRate",
    ]);
    const rows = report.data.filter((r) => [a.code, b.code, c.code].includes(r.supplier as string));
    expect(rows).toEqual([
      {
        supplier: a.code,
        name: a.name,
        orders: 3, // A1, A2, A3 (not the September order)
        lines: 4,
        promisedLeadTimeDays: 8.5, // (10 + 7) / 2: A2 was never confirmed
        actualLeadTimeDays: 11.5, // (8 + 15) / 2: A3 has no receipt
        fillRate: 0.853, // (14 + 15) / (14 + 20): finished orders A1 and A2
        onTimeRate: 0.5, // A1 by 11 Oct yes, A2 by 15 Oct no
        damagedUnits: 5,
        damagedRate: 0.147, // 5 / 34 arrived
      },
      {
        supplier: b.code,
        name: b.name,
        orders: 2,
        lines: 2,
        promisedLeadTimeDays: 4, // (3 + 5) / 2
        actualLeadTimeDays: 5, // (2.5 + 7.5) / 2
        fillRate: 1,
        onTimeRate: 0.5, // B1 12 Oct ≤ 13 Oct; B2 17 Oct > 15 Oct
        damagedUnits: 0,
        damagedRate: 0,
      },
    ]);
    // Every value is a number (or null), never formatted text.
    for (const row of rows) for (const key of ["orders", "fillRate", "damagedRate"]) expect(typeof row[key]).toBe("number");
  });

  it("answers every site of an unscoped manager, the caller's sites only otherwise, and the supplier page's figures alike", async () => {
    const { w, other, a, c, manager } = await buildDataSet();
    const everywhere = await runReport(db, manager.actor, "supplier-performance", OCTOBER);
    expect(everywhere.data.find((r) => r.supplier === c.code)).toMatchObject({
      orders: 1,
      lines: 1,
      promisedLeadTimeDays: null,
      actualLeadTimeDays: 2,
      fillRate: 1,
      onTimeRate: null, // no promised or expected date to be on time for
      damagedUnits: 0,
    });
    const aRow = everywhere.data.find((r) => r.supplier === a.code);
    expect(aRow).toMatchObject({ orders: 3, fillRate: 0.853 });

    const scoped = await buildUser(db, "viewer", { sites: [w.site.code] });
    const mine = await runReport(db, scoped.actor, "supplier-performance", OCTOBER);
    expect(mine.data.some((r) => r.supplier === c.code)).toBe(false);
    expect(mine.data.find((r) => r.supplier === a.code)).toEqual(aRow);
    await expect(runReport(db, scoped.actor, "supplier-performance", { ...OCTOBER, site: other.site.code })).rejects.toMatchObject({
      code: "forbidden",
    });

    // The supplier page reads the same query, over all time: the September order counts there (4 orders).
    const page = (await measureSupplierPerformance(db, manager.actor)).find((p) => p.supplier === a.code);
    expect(page).toMatchObject({ orders: 4, lines: 5, damagedUnits: 11 });
  });

  it("refuses an unknown report, a malformed or reversed period, an unknown site and a clerk", async () => {
    const manager = await buildUser(db, "manager");
    await expect(runReport(db, manager.actor, "no-such-report", {})).rejects.toMatchObject({ code: "not_found" });
    await expect(runReport(db, manager.actor, "supplier-performance", { from: "2026-13-01" })).rejects.toMatchObject({
      issues: [expect.objectContaining({ field: "from" })],
    });
    await expect(runReport(db, manager.actor, "supplier-performance", { from: "2026-10-31", to: "2026-10-01" })).rejects.toMatchObject({
      issues: [expect.objectContaining({ field: "from" })],
    });
    await expect(runReport(db, manager.actor, "supplier-performance", { site: "NOWHERE" })).rejects.toMatchObject({
      issues: [{ field: "site", message: "No site has the code NOWHERE" }],
    });
    const clerk = await buildUser(db, "clerk", { sites: [(await buildSite(db)).code] });
    await expect(runReport(db, clerk.actor, "supplier-performance", {})).rejects.toMatchObject({ code: "forbidden" });
  });

  it("fills in the last 90 days up to today when no period is given", async () => {
    const manager = await buildUser(db, "manager");
    const { filters } = await runReport(db, manager.actor, "supplier-performance", {});
    const today = new Date().toISOString().slice(0, 10);
    expect(filters.to).toBe(today);
    expect((Date.parse(filters.to) - Date.parse(filters.from)) / 86_400_000).toBe(89);
  });
});
