import { describe, expect, it } from "vitest";
import { onHand } from "../../tests/factories/stock";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getDb } from "../db/client";
import { createTransfer } from "./create-transfer";
import { getTransfer } from "./get-transfer";
import { receiveTransfer } from "./receive-transfer";
import type { TransferView } from "./schemas";
import { shipTransfer } from "./ship-transfer";
import { buildTwoSites, problemOf, stockAcross } from "../../tests/factories/transfers";

const db = getDb();
const admin = SYSTEM_ACTOR;

/** What the transfer's recorded discrepancies say the two sites' stock must have changed by. */
const recordedChange = (view: TransferView) => view.lines.reduce((sum, l) => sum + l.over - l.damaged - l.short, 0);

async function shippedTransfer(
  lines: { sku: (items: Awaited<ReturnType<typeof buildTwoSites>>["items"]) => string; quantity: number; serials?: string[] }[],
) {
  const setup = await buildTwoSites(db);
  const { source, destination, items } = setup;
  const transfer = await createTransfer(db, admin, {
    from: source.site.code,
    to: destination.site.code,
    lines: lines.map((l) => ({ sku: l.sku(items), quantity: l.quantity, serials: l.serials })),
  });
  const sites = [source.site.id, destination.site.id];
  const itemIds = [items.plain.id, items.lotted.id, items.serialised.id];
  const before = await stockAcross(db, sites, itemIds);
  const shipped = await shipTransfer(db, admin, transfer.id);
  const places = await db.location.findMany({
    where: {
      code: { in: [`${source.site.code}-TRANSIT`, `${source.site.code}-LOSS`, `${destination.site.code}-DAMAGE`, `${destination.site.code}-LOSS`] },
    },
  });
  const place = (code: string) => places.find((p) => p.code === code)!;
  return {
    ...setup,
    transfer: shipped,
    before,
    stockNow: () => stockAcross(db, sites, itemIds),
    transit: place(`${source.site.code}-TRANSIT`),
    sourceLoss: place(`${source.site.code}-LOSS`),
    damage: place(`${destination.site.code}-DAMAGE`),
    destinationLoss: place(`${destination.site.code}-LOSS`),
  };
}

describe("receiveTransfer", () => {
  it("receives in part, then closes: good units put away, damaged to damage, short to the source's loss, over from the destination's loss", async () => {
    const t = await shippedTransfer([
      { sku: (i) => i.plain.sku, quantity: 8 },
      { sku: (i) => i.lotted.sku, quantity: 6 },
    ]);
    const { items, destination, transfer } = t;
    expect(await t.stockNow()).toBe(t.before); // shipping only moves stock into transit
    const [soon, late] = await Promise.all(["SOON", "LATE"].map((number) => db.lot.findFirstOrThrow({ where: { itemId: items.lotted.id, number } })));

    const partial = await receiveTransfer(db, admin, transfer.id, {
      lines: [
        { sku: items.plain.sku, quantity: 3, to: destination.bins.a1.code, damaged: 1 },
        { sku: items.lotted.sku, quantity: 2, lot: "SOON", to: destination.bins.a2.code },
      ],
    });
    expect(partial.status).toBe("receiving");
    expect(partial.lines.map((l) => [l.shipped, l.received, l.damaged, l.short, l.over, l.inTransit])).toEqual([
      [8, 3, 1, 0, 0, 4],
      [6, 2, 0, 0, 0, 4],
    ]);
    expect(await onHand(db, items.plain.id, destination.bins.a1.id)).toBe(3);
    expect(await onHand(db, items.plain.id, t.transit.id)).toBe(4);
    expect(await onHand(db, items.lotted.id, t.transit.id, soon.id)).toBe(3);
    expect(partial.steps.at(-1)!.movements.find((m) => m.to === t.damage.code)).toMatchObject({
      kind: "transfer_receive",
      from: t.transit.code,
      quantity: 1,
      reason: "damaged",
    });
    expect(await t.stockNow()).toBe(t.before + recordedChange(partial));

    // Two lots are in transit: units beyond them cannot be booked without knowing their lot.
    const unnamed = await problemOf(
      receiveTransfer(db, admin, transfer.id, { lines: [{ sku: items.lotted.sku, quantity: 9, to: destination.bins.a2.code }] }),
    );
    expect(unnamed).toMatchObject({ status: 422, errors: [{ field: "lines.0.lot" }] });

    const closed = await receiveTransfer(db, admin, transfer.id, {
      lines: [
        { sku: items.plain.sku, quantity: 2, to: destination.bins.a1.code },
        { sku: items.lotted.sku, quantity: 3, lot: "SOON", to: destination.bins.a2.code },
        { sku: items.lotted.sku, quantity: 2, lot: "LATE", to: destination.bins.a2.code },
      ],
      close: true,
    });
    expect(closed.status).toBe("closed");
    expect(closed.lines.map((l) => [l.shipped, l.received, l.damaged, l.short, l.over, l.inTransit])).toEqual([
      [8, 5, 1, 2, 0, 0],
      [6, 7, 0, 0, 1, 0],
    ]);
    expect(closed.discrepancies).toEqual([
      { lineNo: 1, sku: items.plain.sku, kind: "short", quantity: 2 },
      { lineNo: 1, sku: items.plain.sku, kind: "damaged", quantity: 1 },
      { lineNo: 2, sku: items.lotted.sku, kind: "over", quantity: 1 },
    ]);
    expect(closed.steps.map((s) => s.step)).toEqual(["created", "shipped", "received", "received", "closed"]);
    const [received, close] = closed.steps.slice(-2);
    expect(received.movements.find((m) => m.from === t.destinationLoss.code)).toMatchObject({
      kind: "transfer_receive",
      to: destination.bins.a2.code,
      lot: "LATE",
      quantity: 1,
      reason: "found",
    });
    expect(close.movements).toEqual([
      expect.objectContaining({
        kind: "transfer_receive",
        sku: items.plain.sku,
        from: t.transit.code,
        to: t.sourceLoss.code,
        quantity: 2,
        reason: "lost",
      }),
    ]);

    expect(await onHand(db, items.plain.id, t.transit.id)).toBe(0);
    expect(await onHand(db, items.lotted.id, t.transit.id, soon.id)).toBe(0);
    expect(await onHand(db, items.lotted.id, t.transit.id, late.id)).toBe(0);
    expect(await onHand(db, items.plain.id, destination.bins.a1.id)).toBe(5);
    expect(await onHand(db, items.lotted.id, destination.bins.a2.id, soon.id)).toBe(5);
    expect(await onHand(db, items.lotted.id, destination.bins.a2.id, late.id)).toBe(2);
    // The invariant: across both sites' physical and transit locations, only the recorded discrepancies changed the total.
    expect(recordedChange(closed)).toBe(-2);
    expect(await t.stockNow()).toBe(t.before + recordedChange(closed));

    expect(await db.outboxEvent.count({ where: { type: "transfer.received", aggregateId: transfer.id } })).toBe(2);
    expect(await db.outboxEvent.count({ where: { type: "transfer.closed", aggregateId: transfer.id } })).toBe(1);
    expect(
      await db.auditEntry.count({
        where: {
          entityType: "posting",
          action: { in: ["transfer.receive", "transfer.close"] },
          entityId: { in: closed.steps.flatMap((s) => (s.postingId ? [s.postingId] : [])) },
        },
      }),
    ).toBe(3);
    expect((await getTransfer(db, admin, transfer.id)).steps.at(-1)!.movements).toHaveLength(1);
  });

  it("closes a transfer where nothing arrived: everything shipped is short at the source's loss", async () => {
    const t = await shippedTransfer([{ sku: (i) => i.plain.sku, quantity: 5 }]);
    const closed = await receiveTransfer(db, admin, t.transfer.id, { close: true });
    expect(closed).toMatchObject({
      status: "closed",
      lines: [{ short: 5, received: 0, inTransit: 0 }],
      discrepancies: [{ kind: "short", quantity: 5 }],
    });
    expect(await onHand(db, t.items.plain.id, t.transit.id)).toBe(0);
    expect(await t.stockNow()).toBe(t.before - 5);
  });

  it("receives serial units by serial: good into the bin, damaged to damage, the rest short on close", async () => {
    const t = await shippedTransfer([{ sku: (i) => i.serialised.sku, quantity: 3, serials: ["S1", "S2", "S3"] }]);
    const { items, destination } = t;
    const foreign = await problemOf(
      receiveTransfer(db, admin, t.transfer.id, {
        lines: [{ sku: items.serialised.sku, quantity: 1, serials: ["S9"], to: destination.bins.a1.code }],
      }),
    );
    expect(foreign).toMatchObject({ status: 422, errors: [{ field: "lines.0.serials" }] });
    const closed = await receiveTransfer(db, admin, t.transfer.id, {
      lines: [{ sku: items.serialised.sku, quantity: 1, serials: ["S1"], damaged: 1, damagedSerials: ["S2"], to: destination.bins.a1.code }],
      close: true,
    });
    expect(closed.lines[0]).toMatchObject({ received: 1, damaged: 1, short: 1, inTransit: 0 });
    const where = async (serial: string) =>
      (await db.serial.findFirstOrThrow({ where: { itemId: items.serialised.id, serial }, include: { location: true } })).location?.code;
    expect([await where("S1"), await where("S2"), await where("S3")]).toEqual([destination.bins.a1.code, t.damage.code, t.sourceLoss.code]);
    expect(await t.stockNow()).toBe(t.before - 2);
  });

  it("refuses bad receipt lines with 422 on the field to correct, and moves nothing", async () => {
    const t = await shippedTransfer([{ sku: (i) => i.plain.sku, quantity: 4 }]);
    const { items, source, destination } = t;
    const receive = (line: object) =>
      problemOf(receiveTransfer(db, admin, t.transfer.id, { lines: [{ sku: items.plain.sku, quantity: 1, to: destination.bins.a1.code, ...line }] }));
    expect(await receive({ sku: items.lotted.sku })).toMatchObject({ status: 422, errors: [{ field: "lines.0.sku" }] });
    expect(await receive({ to: undefined })).toMatchObject({ status: 422, errors: [{ field: "lines.0.to" }] });
    expect(await receive({ to: source.bins.a1.code })).toMatchObject({ status: 422, errors: [{ field: "lines.0.to" }] });
    expect(await receive({ to: `${destination.site.code}-DAMAGE` })).toMatchObject({ status: 422, errors: [{ field: "lines.0.to" }] });
    expect(await receive({ to: destination.bins.chilled.code, sku: items.plain.sku, quantity: 1 })).toBeNull(); // plain goods may go anywhere
    expect(await receive({ quantity: 0, damaged: 4 })).toMatchObject({ status: 422, errors: [{ field: "lines.0.damaged" }] });
    expect(await receive({ quantity: 0 })).toMatchObject({ status: 422, errors: [{ field: "lines.0.quantity" }] });
    expect(await receive({ lot: "L1" })).toMatchObject({ status: 422, errors: [{ field: "lines.0.lot" }] });
    expect(await problemOf(receiveTransfer(db, admin, t.transfer.id, { lines: [] }))).toMatchObject({ status: 422, errors: [{ field: "lines" }] });
    expect(await onHand(db, items.plain.id, t.transit.id)).toBe(3);
    expect(await onHand(db, items.plain.id, destination.bins.a1.id)).toBe(0);
  });

  it("answers a retried receipt from the stored answer and posts once, even when the retries are concurrent", async () => {
    const t = await shippedTransfer([{ sku: (i) => i.plain.sku, quantity: 4 }]);
    const { items, destination, transfer } = t;
    const idempotency = {
      actorKey: "system:system",
      key: `receive-${transfer.id}`,
      hash: "h1",
      method: "POST",
      path: `/api/v1/transfers/${transfer.id}/receive`,
    };
    const input = { lines: [{ sku: items.plain.sku, quantity: 3, to: destination.bins.a1.code }] };
    const answers = await Promise.all(Array.from({ length: 4 }, () => receiveTransfer(db, admin, transfer.id, input, { idempotency })));
    expect(answers.filter((a) => !a.replayed)).toHaveLength(1);
    const later = await receiveTransfer(db, admin, transfer.id, input, { idempotency });
    expect(later).toMatchObject({ replayed: true, status: "receiving", lines: [{ received: 3, inTransit: 1 }] });
    expect(await onHand(db, items.plain.id, destination.bins.a1.id)).toBe(3);
    expect(await onHand(db, items.plain.id, t.transit.id)).toBe(1);
    expect(await db.transferStep.count({ where: { transferId: transfer.id, step: "received" } })).toBe(1);
    expect(await db.stockMovement.count({ where: { kind: "transfer_receive", itemId: items.plain.id } })).toBe(1);
    expect(await problemOf(receiveTransfer(db, admin, transfer.id, input, { idempotency: { ...idempotency, hash: "h2" } }))).toMatchObject({
      status: 422,
      errors: [{ field: "Idempotency-Key" }],
    });
  });
});
