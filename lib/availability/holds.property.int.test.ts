// Property: whatever sequence of reservations, orders, fulfilments, releases, expiries, cancellations, issues,
// receipts and transfers (drafted, shipped, cancelled) runs, after every step (1) no level has more reserved
// than on hand, (2) every level's reserved equals what active holds allocate there, each hold's `held` equals
// its allocations and a closed hold holds nothing, and (3) every level's on hand equals the sum of its
// movements. Short sequences, few runs: CI time.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildWarehouse } from "../../tests/factories/stock";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getDb } from "../db/client";
import { Prisma } from "../db/generated/client";
import { toProblem } from "../http/problem";
import { postMovement } from "../ledger/post-movement";
import { allocateBackorders } from "../orders/allocate-backorders";
import { cancelOrder } from "../orders/cancel-order";
import { createOrder } from "../orders/create-order";
import { fulfilReservation, releaseReservation } from "../reservations/change-reservation";
import { createReservation } from "../reservations/create-reservation";
import { expireDueReservations } from "../reservations/expire-reservations";
import { cancelTransfer } from "../transfers/cancel-transfer";
import { createTransfer } from "../transfers/create-transfer";
import { shipTransfer } from "../transfers/ship-transfer";

const db = getDb();
const admin = SYSTEM_ACTOR;

type Step =
  | { kind: "reserve"; item: number; quantity: number; partial: boolean }
  | { kind: "order"; plain: number; lotted: number }
  | { kind: "fulfil"; pick: number; quantity: number | null }
  | { kind: "release"; pick: number }
  | { kind: "expire"; pick: number }
  | { kind: "cancel"; pick: number }
  | { kind: "issue"; item: number; bin: number; quantity: number }
  | { kind: "receive"; item: number; bin: number; quantity: number; lot: number }
  | { kind: "transfer"; item: number; quantity: number }
  | { kind: "ship" | "drop"; pick: number };

const item = fc.integer({ min: 0, max: 1 });
const bin = fc.integer({ min: 0, max: 1 });
const pick = fc.nat({ max: 20 });
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant("reserve" as const), item, quantity: fc.integer({ min: 1, max: 6 }), partial: fc.boolean() }),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({ kind: fc.constant("order" as const), plain: fc.integer({ min: 0, max: 4 }), lotted: fc.integer({ min: 0, max: 4 }) })
      .filter((o) => o.plain + o.lotted > 0),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("fulfil" as const), pick, quantity: fc.option(fc.integer({ min: 1, max: 3 })) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("release" as const), pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("expire" as const), pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("cancel" as const), pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("issue" as const), item, bin, quantity: fc.integer({ min: 1, max: 4 }) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("receive" as const),
      item,
      bin,
      quantity: fc.integer({ min: 1, max: 5 }),
      lot: fc.integer({ min: 0, max: 1 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("transfer" as const), item, quantity: fc.integer({ min: 1, max: 4 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom("ship" as const, "drop" as const), pick }) },
);

let run = 0;
let destination: Awaited<ReturnType<typeof buildWarehouse>> | undefined;

async function world() {
  destination ??= await buildWarehouse(db);
  const w = await buildWarehouse(db);
  const items = [w.items.plain, w.items.lotted];
  const bins = [w.bins.a1, w.bins.a2];
  const receive = (index: number, binIndex: number, quantity: number, lot: number) =>
    postMovement(db, admin, {
      kind: "receive",
      sku: items[index].sku,
      quantity,
      to: bins[binIndex].code,
      reason: "received",
      ...(index === 1 ? { lot: lot === 0 ? "EARLY" : "LATE", expiresAt: lot === 0 ? "2031-01-31" : "2032-06-30" } : {}),
    });
  await receive(0, 0, 5, 0);
  await receive(0, 1, 3, 0);
  await receive(1, 0, 4, 0);
  return { ...w, items, bins, receive, tag: `p${run++}` };
}

type World = Awaited<ReturnType<typeof world>>;

/** A refusal the rules may give (409, 422) is an outcome; anything else fails the property. */
async function allowingRefusals(call: () => Promise<unknown>) {
  try {
    await call();
  } catch (error) {
    const status = toProblem(error, "property").status;
    if (status !== 409 && status !== 422) throw error;
  }
}

/** The reservations of this world that no order or transfer owns, oldest first: `pick` chooses among the active ones. */
async function ownReservation(w: World, pickIndex: number): Promise<string | null> {
  const active = await db.reservation.findMany({
    where: { siteId: w.site.id, orderLineId: null, transferLineId: null, status: "active" },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  return active.length === 0 ? null : active[pickIndex % active.length].id;
}

async function apply(w: World, s: Step) {
  switch (s.kind) {
    case "reserve":
      return allowingRefusals(() =>
        createReservation(db, admin, {
          sku: w.items[s.item].sku,
          quantity: s.quantity,
          site: w.site.code,
          reference: w.tag,
          allowPartial: s.partial,
        }),
      );
    case "order": {
      const lines = [
        ...(s.plain > 0 ? [{ sku: w.items[0].sku, quantity: s.plain }] : []),
        ...(s.lotted > 0 ? [{ sku: w.items[1].sku, quantity: s.lotted }] : []),
      ];
      return allowingRefusals(() =>
        createOrder(db, admin, { reference: `${w.tag}-${Math.random()}`, customer: { name: "P" }, site: w.site.code, lines }),
      );
    }
    case "fulfil": {
      const id = await ownReservation(w, s.pick);
      if (id) await allowingRefusals(() => fulfilReservation(db, admin, id, s.quantity === null ? {} : { quantity: s.quantity }));
      return;
    }
    case "release": {
      const id = await ownReservation(w, s.pick);
      if (id) await allowingRefusals(() => releaseReservation(db, admin, id));
      return;
    }
    case "expire": {
      const id = await ownReservation(w, s.pick);
      if (id) await db.reservation.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
      await expireDueReservations(db);
      return;
    }
    case "cancel": {
      const orders = await db.salesOrder.findMany({
        where: { siteId: w.site.id, status: { in: ["allocated", "backordered"] } },
        orderBy: { createdAt: "asc" },
        select: { id: true },
      });
      if (orders.length > 0) await allowingRefusals(() => cancelOrder(db, admin, orders[s.pick % orders.length].id));
      return;
    }
    case "issue":
      return allowingRefusals(() =>
        postMovement(db, admin, { kind: "issue", sku: w.items[s.item].sku, quantity: s.quantity, from: w.bins[s.bin].code, reason: "sold" }),
      );
    case "receive":
      await w.receive(s.item, s.bin, s.quantity, s.lot);
      await allocateBackorders(db);
      return;
    case "transfer":
      return allowingRefusals(() =>
        createTransfer(db, admin, { from: w.site.code, to: destination!.site.code, lines: [{ sku: w.items[s.item].sku, quantity: s.quantity }] }),
      );
    case "ship":
    case "drop": {
      const transfers = await db.transferOrder.findMany({
        where: { fromSiteId: w.site.id, status: { in: ["draft", "approved"] } },
        orderBy: { createdAt: "asc" },
        select: { id: true },
      });
      if (transfers.length === 0) return;
      const id = transfers[s.pick % transfers.length].id;
      return allowingRefusals(() => (s.kind === "ship" ? shipTransfer(db, admin, id) : cancelTransfer(db, admin, id)));
    }
  }
}

/** Rows that break an invariant, for this world's items; empty when all hold. */
async function broken(w: World) {
  const items = w.items.map((i) => i.id);
  const overReserved = await db.$queryRaw<object[]>`
    SELECT s.id, s."onHand", s.reserved FROM "StockLevel" s
    WHERE s."itemId" = ANY(${items}::uuid[]) AND NOT s."isVirtual" AND (s.reserved > s."onHand" OR s.reserved < 0)`;
  const reservedVsHolds = await db.$queryRaw<object[]>`
    SELECT s.id, s.reserved, COALESCE(h.held, 0)::int AS held FROM "StockLevel" s
    LEFT JOIN (
      SELECT r."itemId", a."locationId", a."lotId", SUM(a.quantity) AS held
      FROM "ReservationAllocation" a JOIN "Reservation" r ON r.id = a."reservationId"
      WHERE r.status = 'active' GROUP BY 1, 2, 3
    ) h ON h."itemId" = s."itemId" AND h."locationId" = s."locationId" AND h."lotId" IS NOT DISTINCT FROM s."lotId"
    WHERE s."itemId" = ANY(${items}::uuid[]) AND s.reserved <> COALESCE(h.held, 0)`;
  const holdsVsAllocations = await db.$queryRaw<object[]>`
    SELECT r.id, r.status, r.held, COALESCE(SUM(a.quantity), 0)::int AS allocated FROM "Reservation" r
    LEFT JOIN "ReservationAllocation" a ON a."reservationId" = r.id
    WHERE r."itemId" = ANY(${items}::uuid[])
    GROUP BY r.id HAVING r.held <> COALESCE(SUM(a.quantity), 0) OR (r.status <> 'active' AND r.held <> 0)`;
  const levelsVsMovements = await db.$queryRaw<object[]>`
    SELECT s.id, s."onHand", COALESCE(m.net, 0)::int AS net FROM "StockLevel" s
    LEFT JOIN (
      SELECT "itemId", location, "lotId", SUM(quantity) AS net FROM (
        SELECT "itemId", "toLocationId" AS location, "lotId", quantity FROM "StockMovement" WHERE "itemId" = ANY(${items}::uuid[])
        UNION ALL
        SELECT "itemId", "fromLocationId", "lotId", -quantity FROM "StockMovement" WHERE "itemId" = ANY(${items}::uuid[])
      ) x GROUP BY 1, 2, 3
    ) m ON m."itemId" = s."itemId" AND m.location = s."locationId" AND m."lotId" IS NOT DISTINCT FROM s."lotId"
    WHERE s."itemId" = ANY(${items}::uuid[]) AND s."onHand" <> COALESCE(m.net, 0)`;
  return { overReserved, reservedVsHolds, holdsVsAllocations, levelsVsMovements };
}

const NOTHING_BROKEN = { overReserved: [], reservedVsHolds: [], holdsVsAllocations: [], levelsVsMovements: [] };

describe("holds and the ledger under random sequences", () => {
  it("keep reserved within on hand, equal to the active holds, and every level equal to its movements", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        const w = await world();
        for (const [index, s] of steps.entries()) {
          await apply(w, s);
          expect(await broken(w), `after step ${index}: ${JSON.stringify(s)}`).toEqual(NOTHING_BROKEN);
        }
      }),
      { numRuns: 30, endOnFailure: true },
    );
  }, 120_000);

  it("the checks can fail: a level whose reserved drifts from its holds is caught", async () => {
    const w = await world();
    await createReservation(db, admin, { sku: w.items[0].sku, quantity: 2, site: w.site.code, reference: "drift" });
    expect(await broken(w)).toEqual(NOTHING_BROKEN);
    await db.$executeRaw(Prisma.sql`UPDATE "StockLevel" SET reserved = reserved - 1 WHERE "itemId" = ${w.items[0].id}::uuid AND reserved > 0`);
    expect((await broken(w)).reservedVsHolds).toHaveLength(1);
  });
});
