import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { buildSite, buildUser } from "../../tests/factories/access";
import { buildWarehouse, onHand } from "../../tests/factories/stock";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getAvailability } from "../availability/get-availability";
import { getDb } from "../db/client";
import { postMovement } from "../ledger/post-movement";
import { confirmPick } from "../picking/confirm-pick";
import { openOrderPickList } from "../picking/open-order-pick-list";
import type { RoutedPickList } from "../picking/schemas";
import { cancelOrder } from "./cancel-order";
import { createOrder } from "./create-order";
import { getOrder } from "./list-orders";
import { addToPackage, closePackage, openPackage } from "./pack-order";
import { printPackingSlip } from "./print-packing-slip";
import { printShippingLabel } from "./print-shipping-label";
import { shipOrder } from "./ship-order";

const db = getDb();
const admin = SYSTEM_ACTOR;
let sequence = 0;
const ref = () => `#F${Date.now()}-${sequence++}`;
const box = { weightGrams: 1200, lengthMm: 300, widthMm: 200, heightMm: 100 };

/** A warehouse with 5 plain units in A1 and 4 of lot L1 in A2, and an allocated order for 3 plain and 2 lotted. */
async function allocatedOrder() {
  const w = await buildWarehouse(db);
  await postMovement(db, admin, { kind: "receive", sku: w.items.plain.sku, quantity: 5, to: w.bins.a1.code, reason: "received" });
  await postMovement(db, admin, {
    kind: "receive",
    sku: w.items.lotted.sku,
    quantity: 4,
    to: w.bins.a2.code,
    reason: "received",
    lot: "L1",
    expiresAt: "2030-06-30",
  });
  const order = await createOrder(db, admin, {
    reference: ref(),
    customer: { name: "Ada Lovelace", address: "1 Analytical Way\nLondon" },
    site: w.site.code,
    lines: [
      { sku: w.items.plain.sku, quantity: 3 },
      { sku: w.items.lotted.sku, quantity: 2 },
    ],
  });
  expect(order.status).toBe("allocated");
  const staging = await db.location.findUniqueOrThrow({ where: { code: `${w.site.code}-STAGING` }, select: { id: true, code: true } });
  return { w, order, staging };
}

const pickAll = (list: RoutedPickList) =>
  list.lines.reduce<Promise<unknown>>(
    (previous, line) =>
      previous.then(() =>
        confirmPick(db, admin, list.id, { lineNo: line.lineNo, from: line.from, sku: line.sku, lot: line.lot ?? undefined, quantity: line.quantity }),
      ),
    Promise.resolve(),
  );

async function pickedOrder() {
  const setup = await allocatedOrder();
  const list = await openOrderPickList(db, admin, [setup.order.id]);
  await pickAll(list);
  return { ...setup, list };
}

async function pdfText(bytes: Uint8Array) {
  const pdf = await PDFDocument.load(bytes);
  return { pages: pdf.getPageCount(), title: pdf.getTitle() ?? "" };
}

describe("order fulfilment", () => {
  it("opens the order's pick list on its own holds, picks into staging, and the order becomes picked by itself", async () => {
    const { w, order, staging } = await allocatedOrder();
    const list = await openOrderPickList(db, admin, [order.id]);
    expect(list).toMatchObject({ reference: order.number, status: "open", orders: [{ id: order.id, number: order.number }] });
    expect(list.lines.map((l) => [l.sku, l.from, l.lot, l.quantity]).sort()).toEqual(
      [
        [w.items.plain.sku, w.bins.a1.code, null, 3],
        [w.items.lotted.sku, w.bins.a2.code, "L1", 2],
      ].sort(),
    );
    // Nothing held twice: the order's own reservations are what the list picks.
    expect((await getAvailability(db, admin, { sku: w.items.plain.sku, site: w.site.code })).data[0]).toMatchObject({ reserved: 3, available: 2 });
    expect((await getOrder(db, admin, order.id)).status).toBe("picking");

    const plainLine = list.lines.find((l) => l.sku === w.items.plain.sku)!;
    const first = await confirmPick(db, admin, list.id, { lineNo: plainLine.lineNo, from: w.bins.a1.code, sku: w.items.plain.sku, quantity: 2 });
    expect(first.movement.movement).toMatchObject({
      kind: "move",
      quantity: 2,
      from: w.bins.a1.code,
      to: staging.code,
      reason: "picked",
      reference: order.number,
    });
    expect(await onHand(db, w.items.plain.id, staging.id)).toBe(2);
    const afterOne = await getOrder(db, admin, order.id);
    expect(afterOne.status).toBe("picking");
    expect(afterOne.lines.find((l) => l.sku === w.items.plain.sku)).toMatchObject({ picked: 2, allocated: 3, backordered: 0 });
    expect(
      afterOne.allocations
        .filter((a) => a.sku === w.items.plain.sku)
        .map((a) => [a.location, a.quantity])
        .sort(),
    ).toEqual(
      [
        [staging.code, 2],
        [w.bins.a1.code, 1],
      ].sort(),
    );

    await confirmPick(db, admin, list.id, { lineNo: plainLine.lineNo, from: w.bins.a1.code, sku: w.items.plain.sku, quantity: 1 });
    const lotLine = list.lines.find((l) => l.sku === w.items.lotted.sku)!;
    const last = await confirmPick(db, admin, list.id, {
      lineNo: lotLine.lineNo,
      from: w.bins.a2.code,
      sku: w.items.lotted.sku,
      lot: "L1",
      quantity: 2,
    });
    expect(last.pickList.status).toBe("done");
    const picked = await getOrder(db, admin, order.id);
    expect(picked.status).toBe("picked");
    expect(picked.history.map((h) => h.status)).toEqual(["allocated", "picking", "picked"]);
    expect(picked.allocations.every((a) => a.location === staging.code)).toBe(true);
    expect(await db.outboxEvent.count({ where: { type: "order.picked", aggregateId: order.id } })).toBe(1);
    expect(await db.auditEntry.count({ where: { action: "order.picked", entityId: order.id } })).toBe(1);
    // Staged units are on hand and still held for the order, never available to anyone else.
    expect((await getAvailability(db, admin, { sku: w.items.plain.sku, site: w.site.code })).data[0]).toMatchObject({
      onHand: 5,
      reserved: 3,
      available: 2,
    });
    const stagedLevel = await db.stockLevel.findFirstOrThrow({ where: { itemId: w.items.plain.id, locationId: staging.id } });
    expect(stagedLevel).toMatchObject({ onHand: 3, reserved: 3 });
  });

  it("packs by scanning, refuses a wrong item or too many with a code to buzz on, and the order becomes packed", async () => {
    const { w, order } = await pickedOrder();
    const opened = await openPackage(db, admin, order.id);
    expect(opened.package).toMatchObject({ number: 1, contents: [], closedAt: null });
    const scanned = await addToPackage(db, admin, order.id, 1, { code: w.items.plain.sku.toLowerCase() });
    expect(scanned.package.contents).toEqual([{ sku: w.items.plain.sku, quantity: 1 }]);
    await expect(addToPackage(db, admin, order.id, 1, { code: w.items.solvent.sku })).rejects.toMatchObject({
      code: "wrong_item",
      issues: [expect.objectContaining({ field: "code" })],
    });
    await expect(addToPackage(db, admin, order.id, 1, { sku: w.items.plain.sku, quantity: 3 })).rejects.toMatchObject({
      code: "too_many",
      issues: [expect.objectContaining({ field: "quantity" })],
    });
    await expect(addToPackage(db, admin, order.id, 1, { code: "NO-SUCH-THING-AT-ALL" })).rejects.toMatchObject({ code: "unknown_code" });
    await addToPackage(db, admin, order.id, 1, { sku: w.items.plain.sku, quantity: 2 });
    await expect(addToPackage(db, admin, order.id, 1, { code: w.items.plain.sku })).rejects.toMatchObject({ code: "too_many" });
    await closePackage(db, admin, order.id, 1, box);
    await expect(addToPackage(db, admin, order.id, 1, { sku: w.items.lotted.sku })).rejects.toMatchObject({ code: "package_not_open" });
    expect((await getOrder(db, admin, order.id)).status).toBe("picked");

    await openPackage(db, admin, order.id);
    await addToPackage(db, admin, order.id, 2, { sku: w.items.lotted.sku, quantity: 2 });
    const closed = await closePackage(db, admin, order.id, 2, { ...box, weightGrams: 800 });
    expect(closed.order.status).toBe("packed");
    expect(closed.order.lines.map((l) => l.packed)).toEqual(closed.order.lines.map((l) => l.quantity));
    expect(closed.order.packages.map((p) => [p.number, p.weightGrams])).toEqual([
      [1, 1200],
      [2, 800],
    ]);
    await expect(openPackage(db, admin, order.id)).rejects.toMatchObject({ code: "order_step_refused" });
  });

  it("prints the packing slip and a closed package's shipping label as PDFs naming the order", async () => {
    const { w, order } = await pickedOrder();
    await openPackage(db, admin, order.id);
    await addToPackage(db, admin, order.id, 1, { sku: w.items.plain.sku, quantity: 3 });
    await expect(printShippingLabel(db, admin, order.id, 1)).rejects.toMatchObject({ code: "package_not_open" });
    await closePackage(db, admin, order.id, 1, box);
    const slip = await printPackingSlip(db, admin, order.id);
    expect(slip).toMatchObject({ contentType: "application/pdf", fileName: `packing-slip-${order.number}.pdf` });
    expect(await pdfText(slip.body)).toEqual({ pages: 1, title: `Packing slip ${order.number}` });
    const label = await printShippingLabel(db, admin, order.id, 1);
    const parsed = await PDFDocument.load(label.body);
    expect(parsed.getPageCount()).toBe(1);
    expect(parsed.getTitle()).toContain(order.number);
    expect(parsed.getPage(0).getSize()).toEqual({ width: 288, height: 432 });
    await expect(printShippingLabel(db, admin, order.id, 9)).rejects.toMatchObject({ code: "not_found" });
  });

  it("ships a packed order from staging: the staged units and their hold leave for the customer", async () => {
    const { w, order, staging } = await pickedOrder();
    await openPackage(db, admin, order.id);
    await addToPackage(db, admin, order.id, 1, { sku: w.items.plain.sku, quantity: 3 });
    await addToPackage(db, admin, order.id, 1, { sku: w.items.lotted.sku, quantity: 2 });
    await closePackage(db, admin, order.id, 1, box);
    const shipped = await shipOrder(db, admin, order.id, { carrier: "DHL", trackingNumber: "JJD01" });
    expect(shipped.status).toBe("shipped");
    expect(shipped.lines.map((l) => l.shipped)).toEqual([3, 2]);
    const issues = await db.stockMovement.findMany({
      where: { reference: order.number, kind: "issue" },
      select: { fromLocationId: true, quantity: true },
    });
    expect(issues.map((m) => [m.fromLocationId, m.quantity]).sort()).toEqual(
      [
        [staging.id, 3],
        [staging.id, 2],
      ].sort(),
    );
    const stagedLevels = await db.stockLevel.findMany({ where: { locationId: staging.id } });
    expect(stagedLevels.every((l) => l.onHand === 0 && l.reserved === 0)).toBe(true);
    expect((await getAvailability(db, admin, { sku: w.items.plain.sku, site: w.site.code })).data[0]).toMatchObject({
      onHand: 2,
      reserved: 0,
      available: 2,
    });
  });

  it("refuses steps the order's state forbids (409) and another site's clerk (403)", async () => {
    const { w, order } = await allocatedOrder();
    const backordered = await createOrder(db, admin, {
      reference: ref(),
      customer: { name: "B" },
      site: w.site.code,
      lines: [{ sku: w.items.plain.sku, quantity: 50 }],
    });
    await expect(openOrderPickList(db, admin, [backordered.id])).rejects.toMatchObject({ code: "order_step_refused" });
    await expect(openPackage(db, admin, order.id)).rejects.toMatchObject({ code: "order_step_refused" });
    const clerk = await buildUser(db, "clerk", { sites: [(await buildSite(db)).code] });
    await expect(openOrderPickList(db, clerk.actor, [order.id])).rejects.toMatchObject({ code: "forbidden" });
    await expect(cancelOrder(db, clerk.actor, order.id)).rejects.toMatchObject({ code: "forbidden" });
    await openOrderPickList(db, admin, [order.id]);
    await expect(openOrderPickList(db, admin, [order.id])).rejects.toMatchObject({ code: "order_step_refused" });
    await expect(shipOrder(db, admin, order.id, { carrier: "DHL", trackingNumber: "1" })).rejects.toMatchObject({ code: "order_step_refused" });
  });

  it("answers a retried pick-list request with the same Idempotency-Key from the first list", async () => {
    const { order } = await allocatedOrder();
    const idempotency = { actorKey: "system:system", key: `pl-${order.id}`, hash: "h", method: "POST", path: `/api/v1/orders/${order.id}/pick-list` };
    const answers = await Promise.all([1, 2, 3].map(() => openOrderPickList(db, admin, [order.id], { idempotency })));
    expect(new Set(answers.map((a) => a.id)).size).toBe(1);
    expect(await db.pickList.count({ where: { orderId: order.id } })).toBe(1);
  });

  it("two confirms of the last pick at once: one counts, the other is refused, nothing counted twice", async () => {
    for (let round = 0; round < 3; round++) {
      const { w, order, staging } = await allocatedOrder();
      const list = await openOrderPickList(db, admin, [order.id]);
      const lotLine = list.lines.find((l) => l.sku === w.items.lotted.sku)!;
      await confirmPick(db, admin, list.id, { lineNo: lotLine.lineNo, from: lotLine.from, sku: lotLine.sku, lot: "L1", quantity: 2 });
      const plainLine = list.lines.find((l) => l.sku === w.items.plain.sku)!;
      const pick = () => confirmPick(db, admin, list.id, { lineNo: plainLine.lineNo, from: plainLine.from, sku: plainLine.sku, quantity: 3 });
      const results = await Promise.allSettled([pick(), pick()]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const after = await getOrder(db, admin, order.id);
      expect(after.lines.find((l) => l.sku === w.items.plain.sku)!.picked).toBe(3);
      expect(after.status).toBe("picked");
      expect(after.history.filter((h) => h.status === "picked")).toHaveLength(1);
      expect(await onHand(db, w.items.plain.id, staging.id)).toBe(3);
      expect(await onHand(db, w.items.plain.id, w.bins.a1.id)).toBe(2);
    }
  });

  it("ship and cancel racing on a picked order: exactly one wins and nothing stays held", async () => {
    for (let round = 0; round < 3; round++) {
      const { w, order, staging } = await pickedOrder();
      const results = await Promise.allSettled([
        shipOrder(db, admin, order.id, { carrier: "UPS", trackingNumber: "1Z" }),
        cancelOrder(db, admin, order.id),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const loser = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(loser.reason.code).toBe("order_step_refused");
      const after = await getOrder(db, admin, order.id);
      const staged = await onHand(db, w.items.plain.id, staging.id);
      if (after.status === "shipped") expect(staged).toBe(0);
      else {
        expect(after.status).toBe("cancelled");
        expect(staged).toBe(3);
        const cancelled = (results[1] as PromiseFulfilledResult<Awaited<ReturnType<typeof cancelOrder>>>).value;
        expect(cancelled.putBack).toEqual(expect.arrayContaining([{ sku: w.items.plain.sku, location: staging.code, lot: null, quantity: 3 }]));
      }
      const levels = await db.stockLevel.findMany({ where: { itemId: { in: [w.items.plain.id, w.items.lotted.id] }, isVirtual: false } });
      expect(levels.every((l) => l.reserved === 0)).toBe(true);
    }
  });

  it("cancelling mid-pick stops the list and lists the staged units to put back", async () => {
    const { w, order, staging } = await allocatedOrder();
    const list = await openOrderPickList(db, admin, [order.id]);
    const plainLine = list.lines.find((l) => l.sku === w.items.plain.sku)!;
    await confirmPick(db, admin, list.id, { lineNo: plainLine.lineNo, from: plainLine.from, sku: plainLine.sku, quantity: 2 });
    const cancelled = await cancelOrder(db, admin, order.id);
    expect(cancelled.putBack).toEqual([{ sku: w.items.plain.sku, location: staging.code, lot: null, quantity: 2 }]);
    await expect(
      confirmPick(db, admin, list.id, { lineNo: plainLine.lineNo, from: plainLine.from, sku: plainLine.sku, quantity: 1 }),
    ).rejects.toMatchObject({
      code: "pick_list_not_open",
    });
    expect((await db.pickList.findUniqueOrThrow({ where: { id: list.id } })).status).toBe("cancelled");
    expect((await getAvailability(db, admin, { sku: w.items.plain.sku, site: w.site.code })).data[0]).toMatchObject({ reserved: 0, available: 3 });
  });

  it("a wave picks several orders of one site in one walk; a cancelled order leaves the wave, which still finishes", async () => {
    const { w, order } = await allocatedOrder();
    const second = await createOrder(db, admin, {
      reference: ref(),
      customer: { name: "Bo" },
      site: w.site.code,
      lines: [{ sku: w.items.plain.sku, quantity: 1 }],
    });
    const third = await createOrder(db, admin, {
      reference: ref(),
      customer: { name: "Cy" },
      site: w.site.code,
      lines: [{ sku: w.items.plain.sku, quantity: 1 }],
    });
    const wave = await openOrderPickList(db, admin, [order.id, second.id, third.id], { reference: `WAVE-${sequence++}` });
    expect(wave.orders.map((o) => o.id).sort()).toEqual([order.id, second.id, third.id].sort());
    expect(wave.lines.reduce((sum, l) => sum + l.quantity, 0)).toBe(7);
    await cancelOrder(db, admin, third.id);
    const remaining = (
      await db.pickListLine.findMany({
        where: { pickListId: wave.id },
        orderBy: { lineNo: "asc" },
        include: { item: true, fromLocation: true, lot: true },
      })
    ).map((l) => ({ lineNo: l.lineNo, from: l.fromLocation.code, sku: l.item.sku, lot: l.lot?.number ?? null, quantity: l.quantity }));
    expect(remaining.reduce((sum, l) => sum + l.quantity, 0)).toBe(6);
    for (const line of remaining)
      await confirmPick(db, admin, wave.id, {
        lineNo: line.lineNo,
        from: line.from,
        sku: line.sku,
        lot: line.lot ?? undefined,
        quantity: line.quantity,
      });
    expect((await db.pickList.findUniqueOrThrow({ where: { id: wave.id } })).status).toBe("done");
    expect((await getOrder(db, admin, order.id)).status).toBe("picked");
    expect((await getOrder(db, admin, second.id)).status).toBe("picked");
    expect((await getOrder(db, admin, third.id)).status).toBe("cancelled");
  });

  it("a wave's last pick racing the cancel of its other order: the wave still ends done", async () => {
    const w = await buildWarehouse(db);
    await postMovement(db, admin, { kind: "receive", sku: w.items.plain.sku, quantity: 10, to: w.bins.a1.code, reason: "received" });
    await postMovement(db, admin, { kind: "receive", sku: w.items.plain.sku, quantity: 10, to: w.bins.a2.code, reason: "received" });
    for (let round = 0; round < 3; round++) {
      const [kept, dropped] = await Promise.all(
        [1, 2].map(() =>
          createOrder(db, admin, { reference: ref(), customer: { name: "W" }, site: w.site.code, lines: [{ sku: w.items.plain.sku, quantity: 1 }] }),
        ),
      );
      const wave = await openOrderPickList(db, admin, [kept.id, dropped.id], { reference: `WAVE-R-${sequence++}` });
      const keptLine = await db.pickListLine.findFirstOrThrow({
        where: { pickListId: wave.id, orderLine: { orderId: kept.id } },
        include: { fromLocation: true },
      });
      const results = await Promise.allSettled([
        confirmPick(db, admin, wave.id, { lineNo: keptLine.lineNo, from: keptLine.fromLocation.code, sku: w.items.plain.sku, quantity: 1 }),
        cancelOrder(db, admin, dropped.id),
      ]);
      expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
      expect((await db.pickList.findUniqueOrThrow({ where: { id: wave.id } })).status).toBe("done");
      expect((await getOrder(db, admin, kept.id)).status).toBe("picked");
    }
  });
});
