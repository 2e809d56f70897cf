import { describe, expect, it } from "vitest";
import { buildWarehouse } from "../../tests/factories/stock";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getDb } from "../db/client";
import { postMovement } from "../ledger/post-movement";
import { getAvailability } from "../availability/get-availability";
import { createReservation } from "./create-reservation";
import { extendReservation, fulfilReservation, releaseReservation } from "./change-reservation";
import { expireDueReservations } from "./expire-reservations";

const db = getDb();
const admin = SYSTEM_ACTOR;

async function stocked() {
  const w = await buildWarehouse(db);
  await postMovement(db, admin, { kind: "receive", sku: w.items.plain.sku, quantity: 6, to: w.bins.a1.code, reason: "received" });
  await postMovement(db, admin, { kind: "receive", sku: w.items.plain.sku, quantity: 4, to: w.bins.a2.code, reason: "received" });
  return w;
}

async function availableOf(sku: string, site: string) {
  return (await getAvailability(db, admin, { sku, site })).data[0];
}

describe("reservations", () => {
  it("holds stock on its levels and answers where", async () => {
    const w = await stocked();
    const r = await createReservation(db, admin, { sku: w.items.plain.sku, quantity: 8, site: w.site.code, reference: "cart-1" });
    expect(r.status).toBe("active");
    expect(r.allocations).toEqual([
      { location: w.bins.a1.code, lot: null, quantity: 6 },
      { location: w.bins.a2.code, lot: null, quantity: 2 },
    ]);
    expect(new Date(r.expiresAt!).getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(await availableOf(w.items.plain.sku, w.site.code)).toMatchObject({ onHand: 10, reserved: 8, available: 2 });
  });

  it("refuses with what is available and holds nothing, unless partial is allowed", async () => {
    const w = await stocked();
    await expect(createReservation(db, admin, { sku: w.items.plain.sku, quantity: 11, site: w.site.code, reference: "c" })).rejects.toMatchObject({
      code: "not_enough_available",
      details: expect.objectContaining({ available: 10 }),
    });
    expect((await availableOf(w.items.plain.sku, w.site.code)).reserved).toBe(0);
    const partial = await createReservation(db, admin, {
      sku: w.items.plain.sku,
      quantity: 11,
      site: w.site.code,
      reference: "c",
      allowPartial: true,
    });
    expect(partial).toMatchObject({ quantity: 10, requestedQuantity: 11, held: 10 });
  });

  it("releases, extends and fulfils, and a step its state forbids is 409", async () => {
    const w = await stocked();
    const r = await createReservation(db, admin, { sku: w.items.plain.sku, quantity: 7, site: w.site.code, reference: "o-1", ttlSeconds: null });
    expect(r.expiresAt).toBeNull();
    const part = await fulfilReservation(db, admin, r.id, { quantity: 5 });
    expect(part).toMatchObject({ status: "active", held: 2, fulfilled: 5 });
    expect(await availableOf(w.items.plain.sku, w.site.code)).toMatchObject({ onHand: 5, reserved: 2, available: 3 });
    const extended = await extendReservation(db, admin, r.id, { ttlSeconds: 60 });
    expect(new Date(extended.expiresAt!).getTime()).toBeGreaterThan(Date.now() + 55_000);
    const released = await releaseReservation(db, admin, r.id);
    expect(released).toMatchObject({ status: "released", held: 0, fulfilled: 5 });
    await expect(releaseReservation(db, admin, r.id)).rejects.toMatchObject({ code: "reservation_not_active" });
    await expect(fulfilReservation(db, admin, r.id, {})).rejects.toMatchObject({ code: "reservation_not_active" });
    expect(await availableOf(w.items.plain.sku, w.site.code)).toMatchObject({ onHand: 5, reserved: 0, available: 5 });
  });

  it("expires what is due, once", async () => {
    const w = await stocked();
    const r = await createReservation(db, admin, { sku: w.items.plain.sku, quantity: 3, site: w.site.code, reference: "e", ttlSeconds: 1 });
    await db.reservation.update({ where: { id: r.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(fulfilReservation(db, admin, r.id, {})).rejects.toMatchObject({ code: "reservation_not_active" });
    const counts = await Promise.all([expireDueReservations(db), expireDueReservations(db)]);
    expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
    expect(await db.reservation.findUnique({ where: { id: r.id }, select: { status: true, held: true } })).toEqual({ status: "expired", held: 0 });
    expect(await db.outboxEvent.count({ where: { type: "reservation.expired", aggregateId: r.id } })).toBe(1);
    expect((await availableOf(w.items.plain.sku, w.site.code)).available).toBe(10);
  });
  // 200 concurrent reservations against 100: ./holds.races.int.test.ts (on a client with patient connection waits).
});
