// A transfer holds the units it will ship from the moment it is drafted: no reservation, order or issue can take
// them; shipping consumes the hold and cancelling gives it back.
import { describe, expect, it } from "vitest";
import { onHand } from "../../tests/factories/stock";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getAvailability } from "../availability/get-availability";
import { getDb } from "../db/client";
import { postMovement } from "../ledger/post-movement";
import { createReservation } from "../reservations/create-reservation";
import { releaseReservation } from "../reservations/change-reservation";
import { cancelTransfer } from "./cancel-transfer";
import { createTransfer } from "./create-transfer";
import { shipTransfer } from "./ship-transfer";
import { buildTwoSites, problemOf } from "../../tests/factories/transfers";

const db = getDb();
const admin = SYSTEM_ACTOR;

async function reservedOf(itemId: string) {
  return (await db.stockLevel.aggregate({ where: { itemId }, _sum: { reserved: true } }))._sum.reserved ?? 0;
}

describe("a transfer's hold", () => {
  it("refuses the held units to a reservation with 409 and `available`, and to an issue", async () => {
    const { source, destination, items } = await buildTwoSites(db);
    // plain: 6 in A1 + 4 in A2; the transfer holds 7, so 3 are left to promise.
    const transfer = await createTransfer(db, admin, {
      from: source.site.code,
      to: destination.site.code,
      lines: [{ sku: items.plain.sku, quantity: 7 }],
    });
    expect(await reservedOf(items.plain.id)).toBe(7);
    expect(transfer.lines[0]).toMatchObject({ quantity: 7, held: 7, shipped: 0 });
    const hold = await db.reservation.findFirstOrThrow({ where: { transferLine: { transferId: transfer.id } } });
    expect(hold).toMatchObject({ status: "active", held: 7, expiresAt: null, itemId: items.plain.id, siteId: source.site.id });
    expect((await getAvailability(db, admin, { sku: items.plain.sku, site: source.site.code })).data).toEqual([
      { sku: items.plain.sku, site: source.site.code, onHand: 10, reserved: 7, available: 3 },
    ]);

    const refusal = await problemOf(
      createReservation(db, admin, { sku: items.plain.sku, quantity: 4, site: source.site.code, reference: "basket-1" }),
    );
    expect(refusal).toMatchObject({ status: 409, code: "not_enough_available", available: 3, requested: 4 });
    expect(await db.reservation.count({ where: { reference: "basket-1" } })).toBe(0);
    // Issuing the bin empty would take held units: the ledger refuses what is reserved.
    const issue = await problemOf(
      postMovement(db, admin, { kind: "issue", sku: items.plain.sku, quantity: 6, from: source.bins.a1.code, reason: "sold" }),
    );
    expect(issue).toMatchObject({ status: 409, code: "insufficient_stock" });
    // The three that are free can still be promised.
    expect((await createReservation(db, admin, { sku: items.plain.sku, quantity: 3, site: source.site.code, reference: "basket-2" })).status).toBe(
      "active",
    );
    expect(await reservedOf(items.plain.id)).toBe(10);
  });

  it("is consumed by shipping: the units leave from where they were held and nothing stays reserved", async () => {
    const { source, destination, items } = await buildTwoSites(db);
    const transfer = await createTransfer(db, admin, {
      from: source.site.code,
      to: destination.site.code,
      lines: [
        { sku: items.plain.sku, quantity: 8 },
        { sku: items.lotted.sku, quantity: 6 },
      ],
    });
    const allocations = await db.reservationAllocation.findMany({
      where: { reservation: { transferLine: { transferId: transfer.id } } },
      select: { locationId: true, lotId: true, quantity: true, reservation: { select: { itemId: true } } },
    });
    const shipped = await shipTransfer(db, admin, transfer.id);
    expect(shipped.lines.map((l) => [l.held, l.shipped])).toEqual([
      [0, 8],
      [0, 6],
    ]);
    const moved = shipped.steps[1].movements.map((m) => `${m.sku}|${m.from}|${m.lot ?? ""}|${m.quantity}`).sort();
    const locations = await db.location.findMany({ where: { siteId: source.site.id }, select: { id: true, code: true } });
    const lots = await db.lot.findMany({ where: { itemId: items.lotted.id }, select: { id: true, number: true } });
    const held = allocations
      .map((a) => {
        const sku = a.reservation.itemId === items.plain.id ? items.plain.sku : items.lotted.sku;
        const code = locations.find((l) => l.id === a.locationId)!.code;
        return `${sku}|${code}|${lots.find((l) => l.id === a.lotId)?.number ?? ""}|${a.quantity}`;
      })
      .sort();
    expect(moved).toEqual(held);
    expect(await reservedOf(items.plain.id)).toBe(0);
    expect(await reservedOf(items.lotted.id)).toBe(0);
    const holds = await db.reservation.findMany({
      where: { transferLine: { transferId: transfer.id } },
      select: { status: true, held: true, fulfilled: true },
    });
    expect(holds.sort((a, b) => a.fulfilled - b.fulfilled)).toEqual([
      { status: "fulfilled", held: 0, fulfilled: 6 },
      { status: "fulfilled", held: 0, fulfilled: 8 },
    ]);
    expect((await onHand(db, items.plain.id, source.bins.a1.id)) + (await onHand(db, items.plain.id, source.bins.a2.id))).toBe(2);
  });

  it("ships from a bin named at shipping time, giving the hold back first", async () => {
    const { source, destination, items } = await buildTwoSites(db);
    // Held in A1 (first by code); shipped from A2 as the clerk says: A2's 4 units were free, the hold is released.
    const transfer = await createTransfer(db, admin, {
      from: source.site.code,
      to: destination.site.code,
      lines: [{ sku: items.plain.sku, quantity: 4 }],
    });
    const shipped = await shipTransfer(db, admin, transfer.id, { lines: [{ lineNo: 1, from: source.bins.a2.code }] });
    expect(shipped.steps[1].movements.map((m) => [m.from, m.quantity])).toEqual([[source.bins.a2.code, 4]]);
    expect(await reservedOf(items.plain.id)).toBe(0);
    expect(await onHand(db, items.plain.id, source.bins.a1.id)).toBe(6);
  });

  it("is released by cancelling, and cannot be released on its own through the reservations API", async () => {
    const { source, destination, items } = await buildTwoSites(db);
    const transfer = await createTransfer(db, admin, {
      from: source.site.code,
      to: destination.site.code,
      lines: [{ sku: items.plain.sku, quantity: 10 }],
    });
    const hold = await db.reservation.findFirstOrThrow({ where: { transferLine: { transferId: transfer.id } } });
    expect(await problemOf(releaseReservation(db, admin, hold.id))).toMatchObject({ status: 409, code: "reservation_of_a_transfer" });
    expect(await reservedOf(items.plain.id)).toBe(10);

    await cancelTransfer(db, admin, transfer.id);
    expect(await reservedOf(items.plain.id)).toBe(0);
    expect(await db.reservation.findUniqueOrThrow({ where: { id: hold.id }, select: { status: true, held: true } })).toEqual({
      status: "released",
      held: 0,
    });
    expect((await createReservation(db, admin, { sku: items.plain.sku, quantity: 10, site: source.site.code, reference: "after" })).quantity).toBe(
      10,
    );
  });

  it("never promises more than there is when transfers and reservations race for the same units", async () => {
    const { source, destination, items } = await buildTwoSites(db);
    const transfers = Array.from({ length: 4 }, () =>
      createTransfer(db, admin, { from: source.site.code, to: destination.site.code, lines: [{ sku: items.plain.sku, quantity: 2 }] }),
    );
    const reservations = Array.from({ length: 6 }, (_, i) =>
      createReservation(db, admin, { sku: items.plain.sku, quantity: 1, site: source.site.code, reference: `race-${i}` }),
    );
    const outcomes = await Promise.allSettled([...transfers, ...reservations]);
    for (const o of outcomes) if (o.status === "rejected") expect(o.reason).toMatchObject({ code: "not_enough_available" });
    const promised =
      outcomes.slice(0, 4).filter((o) => o.status === "fulfilled").length * 2 + outcomes.slice(4).filter((o) => o.status === "fulfilled").length;
    expect(await reservedOf(items.plain.id)).toBe(promised);
    expect(promised).toBeLessThanOrEqual(10);
    // 10 units and requests of 2 and 1 for 14 in all: every refusal left at most one unit free.
    expect(promised).toBeGreaterThanOrEqual(9);
  });
});

describe("a serial line's hold", () => {
  it("holds the bins its serials are in, and refuses a serial whose bin has no unit free or that is not at the site", async () => {
    const { source, destination, items } = await buildTwoSites(db);
    // S1–S3 are in A1; S9 goes to A2. By quantity alone a hold would take A1 first (by bin code).
    await postMovement(db, admin, {
      kind: "receive",
      sku: items.serialised.sku,
      quantity: 1,
      to: source.bins.a2.code,
      reason: "received",
      serials: ["S9"],
    });
    const send = (serials: string[]) =>
      createTransfer(db, admin, {
        from: source.site.code,
        to: destination.site.code,
        lines: [{ sku: items.serialised.sku, quantity: serials.length, serials }],
      });
    const transfer = await send(["S9"]);
    const allocations = await db.reservationAllocation.findMany({
      where: { reservation: { transferLine: { transferId: transfer.id } } },
      select: { locationId: true, quantity: true },
    });
    expect(allocations).toEqual([{ locationId: source.bins.a2.id, quantity: 1 }]);

    // A shop takes the three units left, all in A1: S1 can no longer be promised to a transfer.
    await createReservation(db, admin, { sku: items.serialised.sku, quantity: 3, site: source.site.code, reference: "shop" });
    expect(await reservedOf(items.serialised.id)).toBe(4);
    expect(await problemOf(send(["S1"]))).toMatchObject({
      status: 409,
      code: "not_enough_available",
      available: 0,
      errors: [{ field: "lines.0.quantity" }],
    });
    expect(await problemOf(send(["NOPE"]))).toMatchObject({ status: 409, available: 0 });
    expect(await reservedOf(items.serialised.id)).toBe(4);

    const shipped = await shipTransfer(db, admin, transfer.id);
    expect(shipped.steps[1].movements[0]).toMatchObject({ from: source.bins.a2.code, quantity: 1, serials: ["S9"] });
    expect(await reservedOf(items.serialised.id)).toBe(3);
  });
});
