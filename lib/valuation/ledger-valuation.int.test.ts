// Valuation as the ledger posts it (lib/valuation/valuation-function.sql), on the perpetual-inventory example of
// Kieso, Weygandt & Warfield's Intermediate Accounting ("Call-Mart Inc."): purchases of 2,000 at 4.00 (2 March)
// and 6,000 at 4.40 (15 March), 4,000 sold (19 March), 2,000 bought at 4.75 (30 March). The book's answers:
// FIFO cost of goods sold 16,800 and ending inventory 27,100; moving average 17,200 and 26,700. The returns,
// reversals and transfers below are our own cases, worked by hand in the comments.
import { describe, expect, it } from "vitest";
import { buildWarehouse } from "../../tests/factories/stock";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getDb } from "../db/client";
import type { CostingMethod } from "../db/generated/client";
import { updateItem } from "../catalog/update-item";
import { postMovement, postMovements } from "../ledger/post-movement";
import { addLandedCost } from "./add-landed-cost";
import { reverseMovement } from "../ledger/reverse-movement";
import { createTransfer } from "../transfers/create-transfer";
import { receiveTransfer } from "../transfers/receive-transfer";
import { shipTransfer } from "../transfers/ship-transfer";
import { valuationAsOf, valuationReconciliation } from "./valuation-reads";

const db = getDb();

async function callMart(method: CostingMethod) {
  const warehouse = await buildWarehouse(db);
  const item = await db.item.update({ where: { id: warehouse.items.plain.id }, data: { costingMethod: method } });
  const bin = warehouse.bins.a1.code;
  const post = (kind: "receive" | "issue", quantity: number, day: string, unitCost?: string) =>
    postMovement(db, SYSTEM_ACTOR, {
      kind,
      sku: item.sku,
      quantity,
      ...(kind === "receive" ? { to: bin, unitCost } : { from: bin }),
      reason: kind === "receive" ? "received" : "sold",
      occurredAt: `2026-03-${day}`,
    });
  const bought1 = await post("receive", 2000, "02", "4.00");
  const bought2 = await post("receive", 6000, "15", "4.40");
  const sold = await post("issue", 4000, "19");
  const bought3 = await post("receive", 2000, "30", "4.75");
  const value = async (asOf: string) => (await valuationAsOf(db, SYSTEM_ACTOR, { asOf, site: warehouse.site.code, sku: item.sku })).total;
  return { warehouse, item, bin, bought1, bought2, sold, bought3, value };
}

describe("valuation in the ledger: the textbook's perpetual FIFO", () => {
  it("values each movement as it is posted and the stock as of every date", async () => {
    const { bought1, bought2, sold, bought3, value } = await callMart("fifo");
    expect(bought1.movement?.valuation).toEqual({ method: "fifo", unitCost: "4.0000", totalCost: "8000.0000", variance: "0.0000" });
    expect(bought2.movement?.valuation?.totalCost).toBe("26400.0000");
    // 2,000 × 4.00 + 2,000 × 4.40
    expect(sold.movement?.valuation).toEqual({ method: "fifo", unitCost: "4.2000", totalCost: "16800.0000", variance: "0.0000" });
    expect(bought3.movement?.valuation?.totalCost).toBe("9500.0000");
    expect(await value("2026-03-01")).toBe("0.0000");
    expect(await value("2026-03-02")).toBe("8000.0000");
    expect(await value("2026-03-15")).toBe("34400.0000");
    expect(await value("2026-03-19")).toBe("17600.0000");
    expect(await value("2026-03-31")).toBe("27100.0000");
  });

  it("reverses the sale back into the very layers it took from, and a receipt out of its own layer, exactly", async () => {
    const { item, warehouse, sold, bought3, value } = await callMart("fifo");
    const unsold = await reverseMovement(db, SYSTEM_ACTOR, sold.movement!.id);
    expect(unsold.movement?.valuation?.totalCost).toBe("16800.0000");
    // 27,100 + 16,800: 2,000 × 4.00 + 6,000 × 4.40 + 2,000 × 4.75
    expect(await value(new Date().toISOString())).toBe("43900.0000");
    const unbought = await reverseMovement(db, SYSTEM_ACTOR, bought3.movement!.id);
    expect(unbought.movement?.valuation?.totalCost).toBe("9500.0000");
    expect(await value(new Date().toISOString())).toBe("34400.0000");
    // The next sale of 2,500 takes the 4.00 layer first again: 2,000 × 4.00 + 500 × 4.40 = 10,200.
    const next = await postMovement(db, SYSTEM_ACTOR, { kind: "issue", sku: item.sku, quantity: 2500, from: warehouse.bins.a1.code, reason: "sold" });
    expect(next.movement?.valuation?.totalCost).toBe("10200.0000");
  });

  it("reconciles the month to the cent: opening + receipts − cost of goods sold ± adjustments = closing", async () => {
    const { warehouse, item } = await callMart("fifo");
    // A loss of 100 in April (from the 4.40 layer: 440) and a count that finds 10 (at the value per unit on hand,
    // 27,100 − 440 = 26,660 over 5,900 units: 10 × 4.518644… = 45.1864).
    await postMovement(db, SYSTEM_ACTOR, {
      kind: "loss",
      sku: item.sku,
      quantity: 100,
      from: warehouse.bins.a1.code,
      reason: "lost",
      occurredAt: "2026-04-03",
    });
    const found = await postMovement(db, SYSTEM_ACTOR, {
      kind: "found",
      sku: item.sku,
      quantity: 10,
      to: warehouse.bins.a1.code,
      reason: "found",
      occurredAt: "2026-04-04",
    });
    expect(found.movement?.valuation?.totalCost).toBe("45.1864");
    const march = await valuationReconciliation(db, SYSTEM_ACTOR, { from: "2026-03-01", to: "2026-03-31", site: warehouse.site.code });
    expect(march).toMatchObject({
      opening: "0.0000",
      receipts: "43900.0000",
      cogs: "16800.0000",
      adjustments: "0.0000",
      transfers: "0.0000",
      closing: "27100.0000",
    });
    const april = await valuationReconciliation(db, SYSTEM_ACTOR, { from: "2026-04-01", to: "2026-04-30", site: warehouse.site.code });
    expect(april).toMatchObject({ opening: "27100.0000", receipts: "0.0000", cogs: "0.0000", adjustments: "-394.8136", closing: "26705.1864" });
  });
});

describe("valuation in the ledger: the textbook's moving average", () => {
  it("values the sale at the average of the moment and ends at 26,700", async () => {
    const { sold, bought3, value } = await callMart("average");
    // (8,000 + 26,400) ÷ 8,000 = 4.30 per unit
    expect(sold.movement?.valuation).toEqual({ method: "average", unitCost: "4.3000", totalCost: "17200.0000", variance: "0.0000" });
    expect(bought3.movement?.valuation?.totalCost).toBe("9500.0000");
    expect(await value("2026-03-19")).toBe("17200.0000");
    expect(await value("2026-03-31")).toBe("26700.0000");
  });

  it("puts a reversed sale back at exactly what it took", async () => {
    const { sold, value } = await callMart("average");
    const unsold = await reverseMovement(db, SYSTEM_ACTOR, sold.movement!.id);
    expect(unsold.movement?.valuation?.totalCost).toBe("17200.0000");
    expect(await value(new Date().toISOString())).toBe("43900.0000");
  });
});

describe("valuation in the ledger: standard cost", () => {
  it("books stock at standard and the difference as a purchase price variance", async () => {
    const warehouse = await buildWarehouse(db);
    const item = await db.item.update({ where: { id: warehouse.items.plain.id }, data: { costingMethod: "standard", standardCost: "4.25" } });
    const bought = await postMovement(db, SYSTEM_ACTOR, {
      kind: "receive",
      sku: item.sku,
      quantity: 100,
      to: warehouse.bins.a1.code,
      unitCost: "4.40",
      reason: "received",
    });
    // 100 × 4.25 in stock; 100 × (4.40 − 4.25) = 15 variance
    expect(bought.movement?.valuation).toEqual({ method: "standard", unitCost: "4.2500", totalCost: "425.0000", variance: "15.0000" });
    const sold = await postMovement(db, SYSTEM_ACTOR, { kind: "issue", sku: item.sku, quantity: 30, from: warehouse.bins.a1.code, reason: "sold" });
    expect(sold.movement?.valuation?.totalCost).toBe("127.5000");
  });
});

describe("valuation in the ledger: moves and dates", () => {
  it("does not value a move between bins of one site, and refuses a date in a closed month or the future", async () => {
    const { item, warehouse } = await callMart("fifo");
    const moved = await postMovement(db, SYSTEM_ACTOR, {
      kind: "move",
      sku: item.sku,
      quantity: 10,
      from: warehouse.bins.a1.code,
      to: warehouse.bins.a2.code,
      reason: "putaway",
    });
    expect(moved.movement?.valuation).toBeNull();
    await db.closedPeriod.create({ data: { month: new Date("2026-03-01T00:00:00Z"), closedBy: "test" } });
    const late = postMovement(db, SYSTEM_ACTOR, {
      kind: "receive",
      sku: item.sku,
      quantity: 1,
      to: warehouse.bins.a1.code,
      reason: "received",
      occurredAt: "2026-03-31",
    });
    await expect(late).rejects.toMatchObject({ issues: [{ field: "occurredAt" }] });
    const future = postMovement(db, SYSTEM_ACTOR, {
      kind: "receive",
      sku: item.sku,
      quantity: 1,
      to: warehouse.bins.a1.code,
      reason: "received",
      occurredAt: "2099-01-01",
    });
    await expect(future).rejects.toMatchObject({ issues: [{ field: "occurredAt" }] });
    await db.closedPeriod.deleteMany({});
  });
});

describe("valuation in the ledger: between sites", () => {
  it("carries the layers with their dates and costs to the other site, through transit", async () => {
    const { warehouse: source, item, value } = await callMart("fifo");
    const destination = await buildWarehouse(db);
    const transfer = await createTransfer(db, SYSTEM_ACTOR, {
      from: source.site.code,
      to: destination.site.code,
      lines: [{ sku: item.sku, quantity: 3000 }],
    });
    await shipTransfer(db, SYSTEM_ACTOR, transfer.id);
    // In transit the units are still the source's: 27,100 there.
    expect(await value(new Date().toISOString())).toBe("27100.0000");
    const received = await receiveTransfer(db, SYSTEM_ACTOR, transfer.id, {
      lines: [{ sku: item.sku, quantity: 3000, to: destination.bins.a1.code }],
    });
    // The oldest 3,000 of the source's layers: 3,000 × 4.40 = 13,200, still dated 15 March at the destination.
    expect(received.steps.at(-1)!.movements[0].valuation).toMatchObject({ method: "fifo", totalCost: "13200.0000" });
    expect(await value(new Date().toISOString())).toBe("13900.0000");
    const there = await valuationAsOf(db, SYSTEM_ACTOR, { site: destination.site.code, sku: item.sku });
    expect(there.data).toEqual([expect.objectContaining({ quantity: 3000, value: "13200.0000" })]);
    const layers = await db.costLayer.findMany({ where: { itemId: item.id, siteId: destination.site.id, quantity: { gt: 0 } } });
    expect(layers.map((l) => [l.receivedAt.toISOString().slice(0, 10), l.quantity, l.value.toFixed(4)])).toEqual([
      ["2026-03-15", 3000, "13200.0000"],
    ]);
    // Over both sites, the transfer is no change in value.
    const both = await valuationReconciliation(db, SYSTEM_ACTOR, { from: "2026-01-01", to: new Date().toISOString().slice(0, 10) });
    expect(Number(both.transfers)).toBe(0);
  });

  it("reverses an arrival out of the layers it made and back into the layers they left, exactly", async () => {
    const { warehouse: source, item, value } = await callMart("fifo");
    const destination = await buildWarehouse(db);
    // The destination's own, older and cheaper layer: FIFO would take it first.
    await postMovement(db, SYSTEM_ACTOR, {
      kind: "receive",
      sku: item.sku,
      quantity: 500,
      to: destination.bins.a1.code,
      unitCost: "1.00",
      reason: "received",
      occurredAt: "2026-03-01",
    });
    const transfer = await createTransfer(db, SYSTEM_ACTOR, {
      from: source.site.code,
      to: destination.site.code,
      lines: [{ sku: item.sku, quantity: 3000 }],
    });
    await shipTransfer(db, SYSTEM_ACTOR, transfer.id);
    const received = await receiveTransfer(db, SYSTEM_ACTOR, transfer.id, {
      lines: [{ sku: item.sku, quantity: 3000, to: destination.bins.a1.code }],
    });
    const arrival = received.steps.at(-1)!.movements[0];
    const sourceLayers = () =>
      db.costLayer.findMany({ where: { itemId: item.id, siteId: source.site.id, quantity: { gt: 0 } }, orderBy: { receivedAt: "asc" } });
    const before = (await sourceLayers()).map((l) => [l.id, l.quantity, l.value.toFixed(4)]);

    const reversal = await reverseMovement(db, SYSTEM_ACTOR, arrival.id);
    // 3,000 × 4.40 out of the arrival's layer (FIFO from the oldest would have been 500 × 1.00 + 2,500 × 4.40 = 11,500).
    expect(reversal.movement?.valuation).toMatchObject({ method: "fifo", totalCost: "13200.0000" });
    const there = await valuationAsOf(db, SYSTEM_ACTOR, { site: destination.site.code, sku: item.sku });
    expect(there.data).toEqual([expect.objectContaining({ quantity: 500, value: "500.0000" })]);
    // The source is as before the arrival (in transit counts as the source's): its 15 March layer whole again.
    expect(await value(new Date().toISOString())).toBe("27100.0000");
    const after = (await sourceLayers()).map((l) => [l.id, l.quantity, l.value.toFixed(4)]);
    expect(after).toEqual([
      [before[0][0], 4000, "17600.0000"],
      [before[1][0], 2000, "9500.0000"],
    ]);
    const both = await valuationReconciliation(db, SYSTEM_ACTOR, { from: "2026-01-01", to: new Date().toISOString().slice(0, 10) });
    expect(Number(both.transfers)).toBe(0);
  });
});

describe("valuation in the ledger: many clerks at once", () => {
  it("never takes a layer's units twice: parallel sales cost exactly what the layers held", async () => {
    const warehouse = await buildWarehouse(db);
    const item = warehouse.items.plain;
    for (const [quantity, unitCost] of [
      [10, "1.00"],
      [10, "2.00"],
      [10, "3.00"],
    ] as const) {
      await postMovement(db, SYSTEM_ACTOR, { kind: "receive", sku: item.sku, quantity, to: warehouse.bins.a1.code, unitCost, reason: "received" });
    }
    // 30 sales of one unit each, all at once: together they take every layer, so they cost 10 + 20 + 30.
    const sales = await Promise.all(
      Array.from({ length: 30 }, () =>
        postMovement(db, SYSTEM_ACTOR, { kind: "issue", sku: item.sku, quantity: 1, from: warehouse.bins.a1.code, reason: "sold" }),
      ),
    );
    const costs = sales.map((sale) => sale.movement!.valuation!.totalCost).sort();
    expect(costs.filter((c) => c === "1.0000")).toHaveLength(10);
    expect(costs.filter((c) => c === "2.0000")).toHaveLength(10);
    expect(costs.filter((c) => c === "3.0000")).toHaveLength(10);
    const state = await db.costState.findUniqueOrThrow({ where: { itemId_siteId: { itemId: item.id, siteId: warehouse.site.id } } });
    expect([state.quantity, state.value.toFixed(4)]).toEqual([0, "0.0000"]);
  });
});

describe("valuation in the ledger: a change of method or standard cost", () => {
  it("takes effect from its date with a revaluation entry, and the value as of earlier dates stays", async () => {
    const { item, warehouse, value } = await callMart("average");
    // 6,000 units worth 26,700 (4.45 each) become 6,000 at a standard 4.50: +300 on 1 April.
    await updateItem(db, SYSTEM_ACTOR, item.sku, { costingMethod: "standard", standardCost: "4.50", costingFrom: "2026-04-01" });
    expect(await value("2026-03-31")).toBe("26700.0000");
    expect(await value("2026-04-01")).toBe("27000.0000");
    const april = await valuationReconciliation(db, SYSTEM_ACTOR, { from: "2026-04-01", to: "2026-04-30", site: warehouse.site.code });
    expect(april).toMatchObject({ opening: "26700.0000", adjustments: "300.0000", closing: "27000.0000" });
    // Back to FIFO: the layers keep their standard values, so nothing changes in value; a sale takes 4.50 a unit.
    await updateItem(db, SYSTEM_ACTOR, item.sku, { costingMethod: "fifo" });
    const sold = await postMovement(db, SYSTEM_ACTOR, { kind: "issue", sku: item.sku, quantity: 10, from: warehouse.bins.a1.code, reason: "sold" });
    expect(sold.movement?.valuation).toMatchObject({ method: "fifo", totalCost: "45.0000" });
  });

  it("spreads an average over the layers when it becomes FIFO, to the ten-thousandth", async () => {
    const warehouse = await buildWarehouse(db);
    const item = await db.item.update({ where: { id: warehouse.items.plain.id }, data: { costingMethod: "average" } });
    for (const [quantity, unitCost] of [
      [1, "1.00"],
      [2, "0.00"],
    ] as const) {
      await postMovement(db, SYSTEM_ACTOR, { kind: "receive", sku: item.sku, quantity, to: warehouse.bins.a1.code, unitCost, reason: "received" });
    }
    // 3 units worth 1.00: layers of 1 and 2 units get 0.3333 and 0.6667 (cumulative rounding), which add up to 1.
    await updateItem(db, SYSTEM_ACTOR, item.sku, { costingMethod: "fifo" });
    const layers = await db.costLayer.findMany({ where: { itemId: item.id, quantity: { gt: 0 } }, orderBy: { receivedAt: "asc" } });
    expect(layers.map((l) => l.value.toFixed(4))).toEqual(["0.3333", "0.6667"]);
    const sold = await postMovement(db, SYSTEM_ACTOR, { kind: "issue", sku: item.sku, quantity: 1, from: warehouse.bins.a1.code, reason: "sold" });
    expect(sold.movement?.valuation?.totalCost).toBe("0.3333");
  });

  it("refuses a standard method without a standard cost, and a date in a closed month, changing nothing", async () => {
    const { item } = await callMart("fifo");
    await expect(updateItem(db, SYSTEM_ACTOR, item.sku, { costingMethod: "standard" })).rejects.toMatchObject({
      issues: [{ field: "standardCost" }],
    });
    await db.closedPeriod.create({ data: { month: new Date("2026-03-01T00:00:00Z"), closedBy: "test" } });
    const late = updateItem(db, SYSTEM_ACTOR, item.sku, { costingMethod: "average", costingFrom: "2026-03-15" });
    await expect(late).rejects.toMatchObject({ issues: [{ field: "costingFrom" }] });
    await db.closedPeriod.deleteMany({});
    expect((await db.item.findUniqueOrThrow({ where: { id: item.id } })).costingMethod).toBe("fifo");
  });
});

describe("valuation in the ledger: landed costs", () => {
  /** One delivery of two lines: A 10 at 2.00 (20) and B 30 at 1.00 (30); then 5 of A sold (10). */
  async function delivery() {
    const warehouse = await buildWarehouse(db);
    const [a, b] = [warehouse.items.plain, warehouse.items.solvent];
    const receipt = await postMovements(db, SYSTEM_ACTOR, [
      { kind: "receive", sku: a.sku, quantity: 10, to: warehouse.bins.a1.code, unitCost: "2.00", reason: "received", occurredAt: "2026-05-04" },
      { kind: "receive", sku: b.sku, quantity: 30, to: warehouse.bins.cage.code, unitCost: "1.00", reason: "received", occurredAt: "2026-05-04" },
    ]);
    await postMovement(db, SYSTEM_ACTOR, {
      kind: "issue",
      sku: a.sku,
      quantity: 5,
      from: warehouse.bins.a1.code,
      reason: "sold",
      occurredAt: "2026-05-05",
    });
    return { warehouse, a, b, receipt: receipt.postingId! };
  }

  it("splits freight by value after half of a line was sold: half of its share to stock, half to cost of goods sold", async () => {
    const { warehouse, a, b, receipt } = await delivery();
    const landed = await addLandedCost(db, SYSTEM_ACTOR, { receipt, kind: "freight", amount: "10.00", occurredAt: "2026-05-06" });
    // By value 20 : 30 → A 4, B 6; A has 5 of its 10 units left → 2 to stock, 2 to cost of goods sold.
    expect(landed.shares.map((s) => [s.sku, s.amount, s.toStock, s.toCogs])).toEqual([
      [a.sku, "4.0000", "2.0000", "2.0000"],
      [b.sku, "6.0000", "6.0000", "0.0000"],
    ]);
    const now = await valuationAsOf(db, SYSTEM_ACTOR, { site: warehouse.site.code });
    expect(now.data.map((row) => [row.sku, row.value])).toEqual([
      [a.sku, "12.0000"],
      [b.sku, "36.0000"],
    ]);
    // receipts 50 + 10 freight; cost of goods sold 10 + 2; closing 48
    const may = await valuationReconciliation(db, SYSTEM_ACTOR, { from: "2026-05-01", to: "2026-05-31", site: warehouse.site.code });
    expect(may).toMatchObject({ opening: "0.0000", receipts: "60.0000", cogs: "12.0000", adjustments: "0.0000", closing: "48.0000" });
    // The next sale of A takes the layer with its freight: 5 × 2.00 + 2 = 12.
    const sold = await postMovement(db, SYSTEM_ACTOR, { kind: "issue", sku: a.sku, quantity: 5, from: warehouse.bins.a1.code, reason: "sold" });
    expect(sold.movement?.valuation?.totalCost).toBe("12.0000");
  });

  it("adds two landed costs and a sale posted at once without losing a cent, and answers a retried key once", async () => {
    const { warehouse, a, receipt } = await delivery();
    const key = (name: string) => ({ idempotency: { actorKey: "system", key: name, method: "POST", path: "/api/v1/landed-costs", hash: name } });
    const [freight, duty] = await Promise.all([
      addLandedCost(db, SYSTEM_ACTOR, { receipt, kind: "freight", amount: "10.00" }, key(`freight-${receipt}`)),
      addLandedCost(db, SYSTEM_ACTOR, { receipt, kind: "duty", amount: "6.00" }, key(`duty-${receipt}`)),
      postMovement(db, SYSTEM_ACTOR, { kind: "issue", sku: a.sku, quantity: 5, from: warehouse.bins.a1.code, reason: "sold" }),
    ]);
    // Whichever came first, each landed cost's shares add up to it, split between stock and cost of goods sold.
    for (const [landed, amount] of [
      [freight, 10],
      [duty, 6],
    ] as const) {
      const split = landed.shares.reduce((sum, share) => sum + Number(share.toStock) + Number(share.toCogs), 0);
      expect(split.toFixed(4)).toBe(amount.toFixed(4));
    }
    // The stock's value is the sum of its cost states and of its open layers, and the reconciliation agrees.
    const states = await db.costState.findMany({ where: { siteId: warehouse.site.id } });
    const layers = await db.costLayer.findMany({ where: { siteId: warehouse.site.id, isOpen: true } });
    const statesValue = states.reduce((sum, state) => sum + Number(state.value), 0).toFixed(4);
    expect(layers.reduce((sum, layer) => sum + Number(layer.value), 0).toFixed(4)).toBe(statesValue);
    expect((await valuationAsOf(db, SYSTEM_ACTOR, { site: warehouse.site.code })).total).toBe(statesValue);
    const may = await valuationReconciliation(db, SYSTEM_ACTOR, {
      from: "2026-05-01",
      to: new Date().toISOString().slice(0, 10),
      site: warehouse.site.code,
    });
    expect(may).toMatchObject({ receipts: "66.0000", closing: statesValue });
    // The same key again answers the first landed cost and adds nothing.
    const again = await addLandedCost(db, SYSTEM_ACTOR, { receipt, kind: "freight", amount: "10.00" }, key(`freight-${receipt}`));
    expect(again.id).toBe(freight.id);
    expect(await db.landedCost.count({ where: { postingId: receipt } })).toBe(2);
  });

  it("splits by quantity or by weight, to the ten-thousandth, and refuses what is not a receipt", async () => {
    const { a, b, receipt } = await delivery();
    const byQuantity = await addLandedCost(db, SYSTEM_ACTOR, { receipt, kind: "duty", amount: "10.00", allocateBy: "quantity" });
    expect(byQuantity.shares.map((s) => s.amount)).toEqual(["2.5000", "7.5000"]);
    // Weights 10 × 1.5 = 15 and 30 × 0.1 = 3: 10 × 15/18 = 8.3333…, the rest 1.6667.
    const byWeight = await addLandedCost(db, SYSTEM_ACTOR, {
      receipt,
      kind: "handling",
      amount: "10.00",
      allocateBy: "weight",
      weights: { [a.sku]: "1.5", [b.sku]: "0.1" },
    });
    expect(byWeight.shares.map((s) => s.amount)).toEqual(["8.3333", "1.6667"]);
    await expect(
      addLandedCost(db, SYSTEM_ACTOR, { receipt, kind: "freight", amount: "1", allocateBy: "weight", weights: { [a.sku]: "1" } }),
    ).rejects.toMatchObject({
      issues: [{ field: `weights.${b.sku}` }],
    });
    await expect(addLandedCost(db, SYSTEM_ACTOR, { receipt: crypto.randomUUID(), kind: "freight", amount: "1" })).rejects.toMatchObject({
      code: "not_found",
    });
  });
});
