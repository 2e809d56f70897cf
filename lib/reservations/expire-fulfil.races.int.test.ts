import { describe, expect, it } from "vitest";
import { buildWarehouse } from "../../tests/factories/stock";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getDb } from "../db/client";
import { postMovement } from "../ledger/post-movement";
import { fulfilReservation } from "./change-reservation";
import { createReservation } from "./create-reservation";
import { expireDueReservations } from "./expire-reservations";

const db = getDb();
const admin = SYSTEM_ACTOR;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("a reservation's expiry racing its fulfil", () => {
  it("exactly one wins: fulfilled with the units issued, or expired with them back on the shelf", async () => {
    const w = await buildWarehouse(db);
    await postMovement(db, admin, { kind: "receive", sku: w.items.plain.sku, quantity: 40, to: w.bins.a1.code, reason: "received" });
    const outcomes = new Set<string>();
    for (let round = 0; round < 8; round++) {
      const reservation = await createReservation(db, admin, { sku: w.items.plain.sku, quantity: 2, site: w.site.code, reference: `race-${round}` });
      // Due a few milliseconds from now, so the expiry job and the fulfil reach the row at about the same time.
      const dueInMs = 5 + (round % 4) * 5;
      await db.reservation.update({ where: { id: reservation.id }, data: { expiresAt: new Date(Date.now() + dueInMs) } });
      await sleep(dueInMs - 2);
      const [expiry, fulfil] = await Promise.allSettled([
        (async () => {
          let expired = 0;
          // The job runs every second in the app; here it is retried briefly so the row is surely due once.
          for (let i = 0; i < 5 && expired === 0; i++) {
            expired = await expireDueReservations(db);
            if (expired === 0) await sleep(2);
          }
          return expired;
        })(),
        fulfilReservation(db, admin, reservation.id, {}),
      ]);
      // A fulfil holding the row makes the job skip it (SKIP LOCKED); if the fulfil then refuses it as past due, the
      // job's next run in the app, a second later, expires it. Run that next tick here.
      if (fulfil.status === "rejected") await expireDueReservations(db);
      const row = await db.reservation.findUniqueOrThrow({ where: { id: reservation.id } });
      const issued = await db.stockMovement.aggregate({ where: { reference: `race-${round}`, kind: "issue" }, _sum: { quantity: true } });
      if (fulfil.status === "fulfilled") {
        expect(row).toMatchObject({ status: "fulfilled", held: 0, fulfilled: 2 });
        expect(issued._sum.quantity).toBe(2);
      } else {
        expect(fulfil.reason.code).toBe("reservation_not_active");
        expect(row).toMatchObject({ status: "expired", held: 0, fulfilled: 0 });
        expect(issued._sum.quantity ?? 0).toBe(0);
      }
      expect(expiry.status).toBe("fulfilled");
      outcomes.add(row.status);
    }
    const level = await db.stockLevel.findFirstOrThrow({ where: { itemId: w.items.plain.id, locationId: w.bins.a1.id } });
    const shipped = await db.stockMovement.aggregate({ where: { itemId: w.items.plain.id, kind: "issue" }, _sum: { quantity: true } });
    expect(level.reserved).toBe(0);
    expect(level.onHand + (shipped._sum.quantity ?? 0)).toBe(40);
    expect([...outcomes].every((s) => s === "fulfilled" || s === "expired")).toBe(true);
  });

  it("a fulfil that finds its reservation past due refuses it and leaves it to the job, which expires it", async () => {
    const w = await buildWarehouse(db);
    await postMovement(db, admin, { kind: "receive", sku: w.items.plain.sku, quantity: 5, to: w.bins.a1.code, reason: "received" });
    const reservation = await createReservation(db, admin, { sku: w.items.plain.sku, quantity: 2, site: w.site.code, reference: "past-due" });
    await db.reservation.update({ where: { id: reservation.id }, data: { expiresAt: new Date(Date.now() - 1000) } });

    await expect(fulfilReservation(db, admin, reservation.id, {})).rejects.toMatchObject({ code: "reservation_not_active" });
    expect(await db.reservation.findUniqueOrThrow({ where: { id: reservation.id } })).toMatchObject({ status: "active", held: 2 });

    expect(await expireDueReservations(db)).toBe(1);
    expect(await db.reservation.findUniqueOrThrow({ where: { id: reservation.id } })).toMatchObject({ status: "expired", held: 0 });
    const level = await db.stockLevel.findFirstOrThrow({ where: { itemId: w.items.plain.id, locationId: w.bins.a1.id } });
    expect(level).toMatchObject({ onHand: 5, reserved: 0 });
  });
});
