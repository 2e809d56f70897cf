// Bad input to POST /api/v1/reservations and POST /api/v1/orders, through the route handlers as a client sends
// it: 422 problem JSON naming the field, and nothing written (no reservation, order, hold, audit, event or
// stored idempotency answer). Then the release steps: a replay answers the first release, a new key is 409.
import { beforeAll, describe, expect, it } from "vitest";
import { buildApiKey } from "../../factories/access";
import { buildTwoSites } from "../../factories/transfers";
import { postMovement } from "../../../lib/ledger/post-movement";
import { SYSTEM_ACTOR } from "../../../lib/auth/actor";
import { getDb } from "../../../lib/db/client";
import * as ordersRoute from "../../../app/api/v1/orders/route";
import * as releaseRoute from "../../../app/api/v1/reservations/[id]/release/route";
import * as reservationsRoute from "../../../app/api/v1/reservations/route";
import { callRoute } from "./call-route";

const db = getDb();

let world: Awaited<ReturnType<typeof buildTwoSites>>;
let key: string;
let sequence = 0;

beforeAll(async () => {
  world = await buildTwoSites(db);
  key = (await buildApiKey(db, "clerk", [world.source.site.code])).key;
  // A lot of another item: milk's lot MILK-1 exists, but not for the lotted item.
  await postMovement(db, SYSTEM_ACTOR, {
    kind: "receive",
    sku: world.items.milk.sku,
    quantity: 2,
    to: world.source.bins.chilled.code,
    reason: "received",
    lot: "MILK-1",
    expiresAt: "2031-01-01",
  });
});

/** Everything a reservation or an order writes, counted. */
async function written() {
  const [reservations, allocations, orders, lines, audit, events, keys, reserved] = await Promise.all([
    db.reservation.count(),
    db.reservationAllocation.count(),
    db.salesOrder.count(),
    db.salesOrderLine.count(),
    db.auditEntry.count(),
    db.outboxEvent.count(),
    db.idempotencyRecord.count(),
    db.stockLevel.aggregate({ _sum: { reserved: true } }),
  ]);
  return { reservations, allocations, orders, lines, audit, events, keys, reserved: reserved._sum.reserved ?? 0 };
}

const post = (route: { POST: unknown }, path: string, body: unknown) =>
  callRoute(route.POST as never, { method: "POST", path, key, body, headers: { "idempotency-key": `bad-${sequence++}` } });

describe("POST /api/v1/reservations with bad input", () => {
  const good = () => ({ sku: world.items.plain.sku, quantity: 1, site: world.source.site.code, reference: "basket-bad" });
  const cases: [string, () => object, string][] = [
    ["an unknown SKU", () => ({ ...good(), sku: "NO-SUCH-SKU" }), "sku"],
    ["zero units", () => ({ ...good(), quantity: 0 }), "quantity"],
    ["negative units", () => ({ ...good(), quantity: -3 }), "quantity"],
    ["a fraction of a unit", () => ({ ...good(), quantity: 1.5 }), "quantity"],
    ["a TTL of 0", () => ({ ...good(), ttlSeconds: 0 }), "ttlSeconds"],
    ["a TTL over 7 days", () => ({ ...good(), ttlSeconds: 7 * 24 * 3600 + 1 }), "ttlSeconds"],
    ["a lot of another item", () => ({ ...good(), sku: world.items.lotted.sku, lot: "MILK-1" }), "lot"],
    ["a lot of an item without lots", () => ({ ...good(), lot: "SOON" }), "lot"],
    ["an unknown site", () => ({ ...good(), site: "NOWHERE" }), "site"],
  ];
  for (const [name, body, field] of cases) {
    it(`answers 422 naming ${field} for ${name}, and writes nothing`, async () => {
      const before = await written();
      const answer = await post(reservationsRoute, "/api/v1/reservations", body());
      expect(answer.status).toBe(422);
      expect(answer.contentType).toBe("application/problem+json");
      expect(answer.json.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await written()).toEqual(before);
    });
  }

  it("accepts the boundaries: a TTL of 1 second and of exactly 7 days", async () => {
    for (const ttlSeconds of [1, 7 * 24 * 3600]) {
      const answer = await post(reservationsRoute, "/api/v1/reservations", { ...good(), ttlSeconds, reference: `edge-${ttlSeconds}` });
      expect(answer).toMatchObject({ status: 201, json: { status: "active", quantity: 1 } });
    }
  });
});

describe("POST /api/v1/orders with bad input", () => {
  const good = () => ({ reference: `ORD-BAD-${sequence++}`, customer: { name: "Ada" }, lines: [{ sku: world.items.plain.sku, quantity: 1 }] });
  const cases: [string, () => object, string][] = [
    ["an unknown SKU", () => ({ ...good(), lines: [{ sku: "NO-SUCH-SKU", quantity: 1 }] }), "lines.0.sku"],
    ["zero units", () => ({ ...good(), lines: [{ sku: world.items.plain.sku, quantity: 0 }] }), "lines.0.quantity"],
    ["negative units", () => ({ ...good(), lines: [{ sku: world.items.plain.sku, quantity: -1 }] }), "lines.0.quantity"],
    [
      "a bad second line after a good one",
      () => ({
        ...good(),
        lines: [
          { sku: world.items.plain.sku, quantity: 1 },
          { sku: "NO-SUCH-SKU", quantity: 1 },
        ],
      }),
      "lines.1.sku",
    ],
    ["no lines", () => ({ ...good(), lines: [] }), "lines"],
    ["an unknown site", () => ({ ...good(), site: "NOWHERE" }), "site"],
  ];
  for (const [name, body, field] of cases) {
    it(`answers 422 naming ${field} for ${name}, and writes nothing`, async () => {
      const before = await written();
      const answer = await post(ordersRoute, "/api/v1/orders", body());
      expect(answer.status).toBe(422);
      expect(answer.contentType).toBe("application/problem+json");
      expect(answer.json.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await written()).toEqual(before);
    });
  }
});

describe("POST /api/v1/reservations/{id}/release twice", () => {
  it("answers the first release to a replay of its key, and 409 to a new key, releasing once", async () => {
    const created = await post(reservationsRoute, "/api/v1/reservations", {
      sku: world.items.plain.sku,
      quantity: 2,
      site: world.source.site.code,
      reference: "release-twice",
    });
    expect(created.status).toBe(201);
    const id = created.json.id as string;
    const release = (idempotencyKey: string) =>
      callRoute(releaseRoute.POST as never, {
        method: "POST",
        path: `/api/v1/reservations/${id}/release`,
        key,
        params: { id },
        headers: { "idempotency-key": idempotencyKey },
      });
    const reservedBefore = (await written()).reserved;
    const first = await release(`release-${id}`);
    expect(first).toMatchObject({ status: 200, json: { id, status: "released" } });
    const replay = await release(`release-${id}`);
    expect(replay).toMatchObject({ status: 200, json: { id, status: "released" } });
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    const again = await release(`release-again-${id}`);
    expect(again).toMatchObject({ status: 409, json: { code: "reservation_not_active", reservationStatus: "released" } });
    expect(again.contentType).toBe("application/problem+json");
    expect((await written()).reserved).toBe(reservedBefore - 2);
    expect(await db.auditEntry.count({ where: { action: "reservation.release", entityId: id } })).toBe(1);
  });
});
