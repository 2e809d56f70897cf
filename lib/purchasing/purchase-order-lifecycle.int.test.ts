import { describe, expect, it } from "vitest";
import { buildUser } from "../../tests/factories/access";
import { buildPurchasing } from "../../tests/factories/purchasing";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getDb } from "../db/client";
import { updateInstallationSettings } from "../settings/installation-settings";
import { approvePurchaseOrder } from "./approve-purchase-order";
import { cancelPurchaseOrder } from "./cancel-purchase-order";
import { closePurchaseOrder } from "./close-purchase-order";
import { createPurchaseOrder } from "./create-purchase-order";
import { getPurchaseOrder } from "./get-purchase-order";
import { listPurchaseOrders } from "./list-purchase-orders";
import { receivePurchaseOrder } from "./receive-purchase-order";
import { sendPurchaseOrder } from "./send-purchase-order";

const db = getDb();

describe("purchase orders: drafting", () => {
  it("prices each line by the price break its quantity reaches, and totals exactly", async () => {
    const w = await buildPurchasing(db);
    const manager = await buildUser(db, "manager");
    const draft = await createPurchaseOrder(db, manager.actor, {
      supplier: w.supplier.code.toLowerCase(),
      site: w.site.code,
      expectedAt: "2027-01-15",
      lines: [
        { sku: w.items.plain.sku, quantity: 120 },
        { sku: w.items.lotted.sku, quantity: 3 },
        { sku: w.items.serialised.sku, quantity: 1, unitCost: "0.1" },
      ],
    });
    expect(draft).toMatchObject({
      status: "draft",
      supplier: w.supplier.code,
      currency: "EUR",
      expectedAt: "2027-01-15",
      total: "246.1000", // 120 × 1.80 + 3 × 10 + 0.1, not 246.10000000000002
      needsAdmin: false,
      lines: [
        { lineNo: 1, quantity: 120, unitCost: "1.8000", amount: "216.0000", received: 0, outstanding: 120 },
        { lineNo: 2, quantity: 3, unitCost: "10.0000" },
        { lineNo: 3, unitCost: "0.1000" },
      ],
      history: [{ step: "created", status: "draft", actor: manager.email }],
    });
    const small = await createPurchaseOrder(db, manager.actor, {
      supplier: w.supplier.code,
      site: w.site.code,
      lines: [{ sku: w.items.plain.sku, quantity: 9 }],
    });
    const middle = await createPurchaseOrder(db, manager.actor, {
      supplier: w.supplier.code,
      site: w.site.code,
      lines: [{ sku: w.items.plain.sku, quantity: 10 }],
    });
    expect(small.lines[0].unitCost).toBe("2.5000");
    expect(middle.lines[0].unitCost).toBe("2.2500");
    expect(await db.outboxEvent.count({ where: { type: "purchaseOrder.created", aggregateId: draft.id } })).toBe(1);
    expect(await db.auditEntry.count({ where: { action: "purchaseOrder.created", entityId: draft.id } })).toBe(1);
  });

  it("refuses a line for an item the supplier does not supply, naming the line, and drafts nothing", async () => {
    const w = await buildPurchasing(db);
    const manager = await buildUser(db, "manager");
    const refused = createPurchaseOrder(db, manager.actor, {
      supplier: w.supplier.code,
      site: w.site.code,
      lines: [
        { sku: w.items.plain.sku, quantity: 1 },
        { sku: w.items.solvent.sku, quantity: 1 },
      ],
    });
    await expect(refused).rejects.toMatchObject({
      code: "validation_failed",
      issues: [{ field: "lines.1.sku", message: expect.stringContaining(`Line 2: ${w.supplier.code} does not supply ${w.items.solvent.sku}`) }],
    });
    expect(await db.purchaseOrder.count({ where: { supplierId: w.supplier.id } })).toBe(0);
  });

  it("lets only managers and admins draft, at their sites", async () => {
    const w = await buildPurchasing(db);
    const clerk = await buildUser(db, "clerk", { sites: [w.site.code] });
    const input = { supplier: w.supplier.code, site: w.site.code, lines: [{ sku: w.items.plain.sku, quantity: 1 }] };
    await expect(createPurchaseOrder(db, clerk.actor, input)).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("purchase orders: lifecycle", () => {
  it("goes draft → approved → sent → received → closed, each step in the history, audited and announced", async () => {
    const w = await buildPurchasing(db);
    const manager = await buildUser(db, "manager");
    const draft = await createPurchaseOrder(db, manager.actor, {
      supplier: w.supplier.code,
      site: w.site.code,
      lines: [{ sku: w.items.plain.sku, quantity: 5 }],
    });
    await expect(sendPurchaseOrder(db, manager.actor, draft.id)).rejects.toMatchObject({ code: "purchase_order_wrong_status" });
    await expect(closePurchaseOrder(db, manager.actor, draft.id)).rejects.toMatchObject({ code: "purchase_order_wrong_status" });
    await expect(approvePurchaseOrder(db, manager.actor, draft.id, { note: "ok" })).resolves.toMatchObject({ status: "approved" });
    await expect(approvePurchaseOrder(db, manager.actor, draft.id)).rejects.toMatchObject({ code: "purchase_order_wrong_status" });
    await expect(sendPurchaseOrder(db, manager.actor, draft.id)).resolves.toMatchObject({ status: "sent", sentAt: expect.any(String) });
    await receivePurchaseOrder(db, SYSTEM_ACTOR, draft.id, { to: w.bins.a1.code, lines: [{ sku: w.items.plain.sku, quantity: 5 }] });
    await expect(cancelPurchaseOrder(db, manager.actor, draft.id)).rejects.toMatchObject({ code: "purchase_order_wrong_status" });
    const closed = await closePurchaseOrder(db, manager.actor, draft.id);
    expect(closed.history.map((h) => [h.step, h.status])).toEqual([
      ["created", "draft"],
      ["approved", "approved"],
      ["sent", "sent"],
      ["received", "received"],
      ["closed", "closed"],
    ]);
    expect(closed.history[1].note).toBe("ok");
    for (const step of ["approved", "sent", "received", "closed"]) {
      expect(await db.outboxEvent.count({ where: { type: `purchaseOrder.${step}`, aggregateId: draft.id } }), step).toBe(1);
      expect(await db.auditEntry.count({ where: { action: `purchaseOrder.${step}`, entityId: draft.id } }), step).toBe(1);
    }
    await expect(
      receivePurchaseOrder(db, SYSTEM_ACTOR, draft.id, { to: w.bins.a1.code, lines: [{ sku: w.items.plain.sku, quantity: 1 }] }),
    ).rejects.toMatchObject({
      code: "purchase_order_wrong_status",
    });
    await expect(closePurchaseOrder(db, manager.actor, draft.id)).rejects.toMatchObject({ code: "purchase_order_wrong_status" });
  });

  it("cancels a draft, approved or sent order, and then refuses every other step", async () => {
    const w = await buildPurchasing(db);
    const manager = await buildUser(db, "manager");
    const sent = await w.sentOrder([{ sku: w.items.plain.sku, quantity: 2 }]);
    const cancelled = await cancelPurchaseOrder(db, manager.actor, sent.id, { note: "supplier out of stock" });
    expect(cancelled).toMatchObject({
      status: "cancelled",
      history: expect.arrayContaining([expect.objectContaining({ step: "cancelled", note: "supplier out of stock" })]),
    });
    for (const step of [approvePurchaseOrder, sendPurchaseOrder, cancelPurchaseOrder, closePurchaseOrder]) {
      await expect(step(db, manager.actor, sent.id)).rejects.toMatchObject({ code: "purchase_order_wrong_status" });
    }
  });

  it("needs an admin above the installation's approval limit, a manager up to it", async () => {
    const w = await buildPurchasing(db);
    const manager = await buildUser(db, "manager");
    const admin = await buildUser(db, "admin");
    await expect(updateInstallationSettings(db, admin.actor, { purchaseApprovalLimit: "ten" })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["purchaseApprovalLimit"] })],
    });
    await expect(updateInstallationSettings(db, admin.actor, { purchaseApprovalLimit: "100" })).resolves.toMatchObject({
      purchaseApprovalLimit: "100.0000",
    });
    try {
      const atLimit = await createPurchaseOrder(db, manager.actor, {
        supplier: w.supplier.code,
        site: w.site.code,
        lines: [{ sku: w.items.lotted.sku, quantity: 10 }],
      });
      const above = await createPurchaseOrder(db, manager.actor, {
        supplier: w.supplier.code,
        site: w.site.code,
        lines: [{ sku: w.items.lotted.sku, quantity: 10, unitCost: "10.0001" }],
      });
      expect([atLimit.needsAdmin, above.needsAdmin]).toEqual([false, true]);
      await expect(approvePurchaseOrder(db, manager.actor, atLimit.id)).resolves.toMatchObject({ status: "approved" });
      await expect(approvePurchaseOrder(db, manager.actor, above.id)).rejects.toMatchObject({
        code: "forbidden",
        message: expect.stringContaining("100.0010 EUR, above the approval limit of 100.0000"),
      });
      await expect(approvePurchaseOrder(db, admin.actor, above.id)).resolves.toMatchObject({ status: "approved" });
    } finally {
      await updateInstallationSettings(db, admin.actor, { purchaseApprovalLimit: "10000" });
    }
  });

  it("lists by status, supplier and site, and answers 404 for an order at a site the actor cannot see", async () => {
    const w = await buildPurchasing(db);
    const other = await buildPurchasing(db);
    const sent = await w.sentOrder([{ sku: w.items.plain.sku, quantity: 2 }]);
    const elsewhere = await other.sentOrder([{ sku: other.items.plain.sku, quantity: 2 }]);
    const viewer = await buildUser(db, "viewer", { sites: [w.site.code] });
    const mine = await listPurchaseOrders(db, viewer.actor, { status: "sent" });
    expect(mine.map((o) => o.id)).toEqual([sent.id]);
    expect(await listPurchaseOrders(db, SYSTEM_ACTOR, { supplier: other.supplier.code })).toMatchObject([{ id: elsewhere.id }]);
    expect(await listPurchaseOrders(db, SYSTEM_ACTOR, { site: w.site.code, status: "draft" })).toEqual([]);
    await expect(getPurchaseOrder(db, viewer.actor, elsewhere.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(getPurchaseOrder(db, viewer.actor, sent.id)).resolves.toMatchObject({ number: sent.number });
  });
});
