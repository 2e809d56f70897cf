// Many holds of one SKU at the same moment: exactly what there is is promised, never more, and an order never
// says a line is allocated while it holds only part of it.
//
// These tests run on a client of their own with patient connection waits. 200 requests queue for a few pooled
// connections while the holds of one SKU go one after another on its rows; on a loaded machine (2 cores shared
// by several test runs) the last in the queue once waited longer than the app's 5 s connect timeout and failed
// with a pool error instead of an answer. Waiting for a connection is not what these tests measure: what each
// request answers, and what ends up held, is — and that is asserted in full.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWarehouse } from "../../tests/factories/stock";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getAvailability } from "../availability/get-availability";
import type { Db } from "../db/client";
import { PrismaClient } from "../db/generated/client";
import { postMovement } from "../ledger/post-movement";
import { createOrder } from "../orders/create-order";
import { createReservation } from "./create-reservation";

const admin = SYSTEM_ACTOR;
const PATIENCE_MS = 60_000;

let db: Db;

beforeAll(() => {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20, connectionTimeoutMillis: PATIENCE_MS });
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  // The unit of work waits at most 10 s for a connection (then answers 503): here the wait may be longer.
  db = new Proxy(client, {
    get(target, property, receiver) {
      if (property === "$transaction") {
        return (work: unknown, options?: object) =>
          (target.$transaction as (w: unknown, o?: object) => Promise<unknown>)(
            work,
            typeof work === "function" ? { ...options, maxWait: PATIENCE_MS } : options,
          );
      }
      return Reflect.get(target, property, receiver);
    },
  }) as Db;
});

afterAll(async () => {
  await db.$disconnect();
});

async function availableOf(sku: string, site: string) {
  return (await getAvailability(db, admin, { sku, site })).data[0];
}

describe("holds racing for one SKU", () => {
  it("200 concurrent reservations of 1 against 100 available: exactly 100 active, 100 refused with 409, reserved = 100", async () => {
    const w = await buildWarehouse(db);
    await postMovement(db, admin, { kind: "receive", sku: w.items.plain.sku, quantity: 100, to: w.bins.a1.code, reason: "received" });
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, (_, i) =>
        createReservation(db, admin, { sku: w.items.plain.sku, quantity: 1, site: w.site.code, reference: `r-${i}` }),
      ),
    );
    const refused = results.filter((r) => r.status === "rejected");
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(100);
    expect(refused).toHaveLength(100);
    expect(new Set(refused.map((r) => String((r as PromiseRejectedResult).reason.code ?? (r as PromiseRejectedResult).reason)))).toEqual(
      new Set(["not_enough_available"]),
    );
    expect(await db.reservation.count({ where: { itemId: w.items.plain.id, status: "active" } })).toBe(100);
    expect(await availableOf(w.items.plain.sku, w.site.code)).toMatchObject({ onHand: 100, reserved: 100, available: 0 });
  });

  it("orders of several lines racing: every unit held once, and an allocated order holds all of every line", async () => {
    const w = await buildWarehouse(db);
    const { plain, solvent } = w.items;
    // 101 of plain (odd, so one line can end up half held) and 60 of solvent; 60 orders want 2 plain + 1 solvent.
    await postMovement(db, admin, { kind: "receive", sku: plain.sku, quantity: 101, to: w.bins.a1.code, reason: "received" });
    await postMovement(db, admin, { kind: "receive", sku: solvent.sku, quantity: 60, to: w.bins.cage.code, reason: "received" });
    const results = await Promise.allSettled(
      Array.from({ length: 60 }, (_, i) =>
        createOrder(db, admin, {
          reference: `race-${w.site.code}-${i}`,
          customer: { name: `Customer ${i}` },
          site: w.site.code,
          lines: [
            { sku: plain.sku, quantity: 2 },
            { sku: solvent.sku, quantity: 1 },
          ],
        }),
      ),
    );
    expect(results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason)).toEqual([]);
    const orders = results.map((r) => (r as PromiseFulfilledResult<Awaited<ReturnType<typeof createOrder>>>).value);

    // What each order says, against what the database holds for each of its lines.
    const lines = await db.salesOrderLine.findMany({
      where: { order: { reference: { startsWith: `race-${w.site.code}-` } } },
      select: {
        quantity: true,
        itemId: true,
        order: { select: { id: true, status: true } },
        reservations: { where: { status: "active" }, select: { held: true, allocations: { select: { quantity: true } } } },
      },
    });
    expect(lines).toHaveLength(120);
    for (const line of lines) {
      const held = line.reservations.reduce((sum, r) => sum + r.held, 0);
      for (const r of line.reservations) expect(r.allocations.reduce((sum, a) => sum + a.quantity, 0)).toBe(r.held);
      expect(held).toBeLessThanOrEqual(line.quantity);
      if (line.order.status === "allocated") expect(held, "an allocated order's line is held in full").toBe(line.quantity);
    }
    for (const order of orders) {
      const view = order.lines;
      const says = order.status;
      expect(["allocated", "backordered"]).toContain(says);
      if (says === "allocated") for (const line of view) expect([line.allocated, line.backordered]).toEqual([line.quantity, 0]);
      else expect(view.some((line) => line.backordered > 0)).toBe(true);
      for (const line of view) expect(line.allocated + line.backordered).toBe(line.quantity);
    }

    const heldOf = (itemId: string) =>
      lines.filter((l) => l.itemId === itemId).reduce((sum, l) => sum + l.reservations.reduce((s, r) => s + r.held, 0), 0);
    // Every unit there is was promised (demand exceeds plain, equals solvent), exactly once.
    expect(heldOf(plain.id)).toBe(101);
    expect(heldOf(solvent.id)).toBe(60);
    expect(await availableOf(plain.sku, w.site.code)).toMatchObject({ onHand: 101, reserved: 101, available: 0 });
    expect(await availableOf(solvent.sku, w.site.code)).toMatchObject({ onHand: 60, reserved: 60, available: 0 });
    // 101 plain in lines of 2: 50 orders in full, at most one with a line half held (and it says backordered).
    expect(orders.filter((o) => o.status === "allocated")).toHaveLength(50);
  });
});
