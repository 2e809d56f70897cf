// The app releases expired reservations by itself: two app processes on one database (two clients, each with its
// own job runner, as two `next start` would have) release a reservation within 5 s of its expiry, exactly once.
import { afterAll, describe, expect, it } from "vitest";
import { buildWarehouse } from "../../tests/factories/stock";
import { SYSTEM_ACTOR } from "../auth/actor";
import { createDb, getDb } from "../db/client";
import { postMovement } from "../ledger/post-movement";
import { createReservation } from "../reservations/create-reservation";
import { BACKGROUND_JOBS, startBackgroundJobs } from "./background-jobs";

const db = getDb();
const secondProcess = createDb(process.env.DATABASE_URL!);
afterAll(() => secondProcess.$disconnect());

describe("background jobs", () => {
  it("two processes release an expired reservation within 5 s of its expiry, once", async () => {
    const w = await buildWarehouse(db);
    await postMovement(db, SYSTEM_ACTOR, { kind: "receive", sku: w.items.plain.sku, quantity: 5, to: w.bins.a1.code, reason: "received" });
    const expiring = BACKGROUND_JOBS.filter((job) => job.name === "expire reservations");
    const stops = [startBackgroundJobs(db, expiring), startBackgroundJobs(secondProcess, expiring)];
    try {
      const reservation = await createReservation(db, SYSTEM_ACTOR, {
        sku: w.items.plain.sku,
        quantity: 2,
        site: w.site.code,
        reference: "cart-bg",
        ttlSeconds: 1,
      });
      const expiresAt = new Date(reservation.expiresAt!).getTime();
      await expect
        .poll(async () => (await db.reservation.findUniqueOrThrow({ where: { id: reservation.id } })).status, { timeout: 8_000, interval: 100 })
        .toBe("expired");
      const released = await db.reservation.findUniqueOrThrow({ where: { id: reservation.id }, select: { closedAt: true, held: true } });
      expect(released.held).toBe(0);
      expect(released.closedAt!.getTime() - expiresAt).toBeLessThan(5_000);
      expect(await db.outboxEvent.count({ where: { type: "reservation.expired", aggregateId: reservation.id } })).toBe(1);
      expect(await db.auditEntry.count({ where: { entityId: reservation.id, action: "reservation.expire" } })).toBe(1);
      const level = await db.stockLevel.findFirstOrThrow({ where: { item: { sku: w.items.plain.sku } } });
      expect(level.reserved).toBe(0);
    } finally {
      stops.forEach((stop) => stop());
    }
  });

  it("a job's next run waits for its last to end: runs never overlap in one process", async () => {
    let running = 0;
    let overlapped = false;
    let runs = 0;
    const slow = {
      name: "slow",
      everyMs: 10,
      run: async () => {
        running += 1;
        overlapped ||= running > 1;
        await new Promise((resolve) => setTimeout(resolve, 50));
        running -= 1;
        runs += 1;
      },
    };
    const stop = startBackgroundJobs(db, [slow]);
    try {
      await expect.poll(() => runs, { timeout: 5_000, interval: 20 }).toBeGreaterThanOrEqual(4);
    } finally {
      stop();
    }
    expect(overlapped).toBe(false);
  });
});
