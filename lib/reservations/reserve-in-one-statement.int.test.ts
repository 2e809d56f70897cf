import { describe, expect, it } from "vitest";
import { buildWarehouse } from "../../tests/factories/stock";
import { SYSTEM_ACTOR, type Actor } from "../auth/actor";
import { getDb, poolOf, type Db } from "../db/client";
import { idempotencyKeyOf } from "../db/idempotency-key";
import { postMovement } from "../ledger/post-movement";
import { createReservation } from "./create-reservation";
import type { ReservationInput } from "./schemas";

// createReservation on a server takes stockroom_reserve (one statement, concurrent calls grouped); inside a
// caller's transaction it takes the general path. Both must answer and write the same.
const db = getDb();
const admin = SYSTEM_ACTOR;

async function lotsInTwoBins() {
  const w = await buildWarehouse(db);
  const receive = (to: string, lot: string, expiresAt: string, quantity: number) =>
    postMovement(db, admin, { kind: "receive", sku: w.items.lotted.sku, to, quantity, lot, expiresAt, reason: "received" });
  await receive(w.bins.a2.code, "LATE", "2032-01-01", 5);
  await receive(w.bins.a1.code, "EARLY", "2031-01-01", 3);
  return w;
}

/** The general path: createReservation within a transaction of the caller's. */
function generally(input: ReservationInput) {
  return db.$transaction((tx) => createReservation(tx as unknown as Db, admin, input));
}

async function writtenFor(id: string) {
  const [audit, events, allocations] = await Promise.all([
    db.auditEntry.findMany({ where: { entityId: id, action: "reservation.create" }, select: { after: true, actorLabel: true } }),
    db.outboxEvent.findMany({ where: { aggregateId: id, type: "reservation.created" }, select: { payload: true } }),
    db.reservationAllocation.count({ where: { reservationId: id } }),
  ]);
  return { audit, events, allocations };
}

describe("a reservation in one statement", () => {
  it("is on the fast path here", () => {
    expect(poolOf(db)).toBeDefined();
  });

  it("answers and writes what the general path does: first expiring first, audit and event", async () => {
    // Two warehouses alike, one reserved from each way; compared with their own codes taken out.
    const [w, twin] = [await lotsInTwoBins(), await lotsInTwoBins()];
    const inputOf = (x: typeof w) => ({
      sku: x.items.lotted.sku.toLowerCase(),
      quantity: 6,
      site: x.site.code,
      reference: "cart-9",
      channel: "shop",
    });
    const fast = await createReservation(db, admin, inputOf(w));
    const general = await generally(inputOf(twin));
    const comparable = (r: typeof fast, x: typeof w) =>
      JSON.parse(JSON.stringify({ ...r, id: "", createdAt: "", expiresAt: "" }).replaceAll(x.site.code, "W"));
    expect(comparable(fast, w)).toEqual(comparable(general, twin));
    expect(Math.abs(Date.parse(fast.expiresAt!) - Date.parse(general.expiresAt!))).toBeLessThan(5_000);
    expect(fast.allocations).toEqual([
      { location: w.bins.a1.code, lot: "EARLY", quantity: 3 },
      { location: w.bins.a2.code, lot: "LATE", quantity: 3 },
    ]);
    expect(fast).toMatchObject({ sku: w.items.lotted.sku, status: "active", quantity: 6, held: 6, createdBy: admin.label });
    expect(new Date(fast.expiresAt!).getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
    const written = await writtenFor(fast.id);
    expect(written.allocations).toBe(2);
    expect(written.audit).toHaveLength(1);
    expect(written.events).toHaveLength(1);
    expect(written.events[0].payload).toMatchObject({ id: fast.id, quantity: 6, allocations: fast.allocations, channel: "shop" });
    expect(await db.reservation.findUniqueOrThrow({ where: { id: fast.id }, select: { held: true, expiresAt: true } })).toEqual({
      held: 6,
      expiresAt: new Date(fast.expiresAt!),
    });
  });

  it("holds one lot when asked, and a partial hold when allowed", async () => {
    const w = await lotsInTwoBins();
    const late = await createReservation(db, admin, { sku: w.items.lotted.sku, lot: "LATE", quantity: 2, site: w.site.code, reference: "l" });
    expect(late).toMatchObject({ lot: "LATE", allocations: [{ location: w.bins.a2.code, lot: "LATE", quantity: 2 }] });
    const partial = await createReservation(db, admin, {
      sku: w.items.lotted.sku,
      quantity: 50,
      site: w.site.code,
      reference: "p",
      ttlSeconds: null,
      allowPartial: true,
    });
    expect(partial).toMatchObject({ requestedQuantity: 50, quantity: 6, held: 6, expiresAt: null });
  });

  it("replays a key's first answer and holds nothing more; the same key for another request is 422", async () => {
    const w = await lotsInTwoBins();
    const input = { sku: w.items.lotted.sku, quantity: 2, site: w.site.code, reference: "k" };
    const key = idempotencyKeyOf(admin, { key: "k-1", method: "POST", path: "/api/v1/reservations", body: JSON.stringify(input) });
    const [first, second] = await Promise.all([
      createReservation(db, admin, input, { idempotency: key }),
      createReservation(db, admin, input, { idempotency: key }),
    ]);
    const replay = await createReservation(db, admin, input, { idempotency: key });
    expect(new Set([first.id, second.id, replay.id]).size).toBe(1);
    expect(replay.replayed).toBe(true);
    expect(await db.reservation.count({ where: { reference: "k", itemId: w.items.lotted.id } })).toBe(1);
    const other = idempotencyKeyOf(admin, { key: "k-1", method: "POST", path: "/api/v1/reservations", body: "{}" });
    await expect(createReservation(db, admin, { ...input, quantity: 1 }, { idempotency: other })).rejects.toMatchObject({
      code: "validation_failed",
      details: { issues: [expect.objectContaining({ field: "Idempotency-Key" })] },
    });
  });

  it("refuses bad input with the field, a site outside the caller's with 403, too little with 409: nothing written", async () => {
    const w = await lotsInTwoBins();
    const other = await buildWarehouse(db);
    const base = { sku: w.items.lotted.sku, quantity: 1, site: w.site.code, reference: "bad" };
    const fieldOf = (input: ReservationInput) =>
      createReservation(db, admin, input, {
        idempotency: idempotencyKeyOf(admin, { key: `bad-${Math.random()}`, method: "POST", path: "/api/v1/reservations", body: "x" }),
      }).then(
        () => "none",
        (error) => `${error.code}:${(error.details?.issues ?? []).map((i: { field: string }) => i.field).join(",")}`,
      );
    expect(await fieldOf({ ...base, sku: "NO-SUCH-SKU" })).toBe("validation_failed:sku");
    expect(await fieldOf({ ...base, site: "NOSITE" })).toBe("validation_failed:site");
    expect(await fieldOf({ ...base, sku: w.items.plain.sku, lot: "L1" })).toBe("validation_failed:lot");
    expect(await fieldOf({ ...base, lot: "NOPE" })).toBe("validation_failed:lot");
    expect(await fieldOf({ ...base, quantity: 9 })).toBe("not_enough_available:quantity");
    await expect(createReservation(db, admin, { ...base, quantity: 9 })).rejects.toMatchObject({ details: { available: 8, requested: 9 } });
    const clerk: Actor = { type: "apiKey", id: "clerk-key", label: "clerk key", role: "clerk", sites: [other.site.id] };
    await expect(createReservation(db, clerk, base)).rejects.toMatchObject({ code: "forbidden", details: { siteId: w.site.id } });
    expect(await db.reservation.count({ where: { itemId: { in: [w.items.lotted.id, w.items.plain.id] } } })).toBe(0);
    expect(await db.idempotencyRecord.count({ where: { key: { startsWith: "bad-" } } })).toBe(0);
    expect(await db.stockLevel.aggregate({ where: { itemId: w.items.lotted.id }, _sum: { reserved: true } })).toEqual({ _sum: { reserved: 0 } });
  });

  it("groups concurrent reservations: each refused one rolls back alone, the rest commit with their audit and event", async () => {
    const w = await lotsInTwoBins(); // 8 units of the lotted item
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) =>
        createReservation(db, admin, { sku: i % 2 ? w.items.lotted.sku : "NO-SUCH-SKU", quantity: 1, site: w.site.code, reference: `g-${i}` }),
      ),
    );
    const made = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
    const refusals = results.flatMap((r) => (r.status === "rejected" ? [(r.reason as { code: string }).code] : []));
    expect(made).toHaveLength(8);
    expect(refusals.filter((code) => code === "validation_failed")).toHaveLength(20);
    expect(refusals.filter((code) => code === "not_enough_available")).toHaveLength(12);
    const ids = made.map((r) => r.id);
    expect(await db.auditEntry.count({ where: { entityId: { in: ids }, action: "reservation.create" } })).toBe(8);
    expect(await db.outboxEvent.count({ where: { type: "reservation.created", siteId: w.site.id } })).toBe(8);
    expect(await db.stockLevel.aggregate({ where: { itemId: w.items.lotted.id }, _sum: { reserved: true } })).toEqual({ _sum: { reserved: 8 } });
  });

  it("hands a hold over more levels than it sent ids for to the general path", async () => {
    const w = await buildWarehouse(db);
    const root = await db.location.findUniqueOrThrow({ where: { code: w.site.code } });
    for (let i = 0; i < 10; i++) {
      const code = `${w.site.code}-M${i}`;
      await db.location.create({ data: { siteId: w.site.id, parentId: root.id, code, name: code, type: "bin", path: `${root.path}/${code}` } });
      await postMovement(db, admin, { kind: "receive", sku: w.items.plain.sku, quantity: 1, to: code, reason: "received" });
    }
    const r = await createReservation(db, admin, { sku: w.items.plain.sku, quantity: 10, site: w.site.code, reference: "many" });
    expect(r.allocations).toHaveLength(10);
    expect(r.allocations.map((a) => a.location)).toEqual(Array.from({ length: 10 }, (_, i) => `${w.site.code}-M${i}`));
    expect(await db.reservation.count({ where: { itemId: w.items.plain.id } })).toBe(1);
  });
});
