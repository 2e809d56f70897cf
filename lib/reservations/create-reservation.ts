import { markEventsQueued } from "../db/commit-signal";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import { v7 as uuidv7 } from "uuid";
import { holdStock } from "../availability/hold-stock";
import { poolOf, type Db, type DbTx } from "../db/client";
import type { IdempotencyKey } from "../db/idempotency-key";
import { inUnitOfWork } from "../db/unit-of-work";
import { ValidationFailed } from "../domain-error";
import { NotEnoughToReserve } from "./errors";
import { findReservationRow, toReservationView } from "./reservation-view";
import { reserveInOneStatement } from "./reserve-in-one-statement";
import { DEFAULT_TTL_SECONDS, reservationInput, type ReservationInput, type ReservationView } from "./schemas";

type Options = { idempotency?: IdempotencyKey | null };

/** What a hold is for, as the order module and the API both describe it. */
export type NewReservation = {
  itemId: string;
  sku: string;
  siteId: string;
  siteCode: string;
  lotId: string | null;
  lotNumber: string | null;
  quantity: number;
  allowPartial: boolean;
  expiresAt: Date | null;
  reference: string;
  channel: string | null;
  orderLineId?: string | null;
  /** An order's hold: holding nothing is not a refusal (the line is backordered); answers null then. */
  allowNone?: boolean;
};

/**
 * Reserves stock of one item at a site for a caller (a shop's basket, an order): the units are held on their
 * levels (lib/availability/hold-stock.ts), first expiring first, so nothing else can promise or take them until
 * the reservation is released, expires or is fulfilled. Refused with `available` when less is available, unless
 * partial reservations are allowed. One unit of work: the key is checked before anything else and settled with
 * the effect, so a retry answers the first reservation and holds nothing more.
 *
 * On a database server, and outside a caller's transaction, the same in one statement
 * (./reserve-in-one-statement.ts); this general path remains for the embedded database, for callers' transactions
 * and for the few requests the statement hands back.
 */
export async function createReservation(db: Db, actor: Actor, input: ReservationInput, options: Options = {}): Promise<ReservationView> {
  const data = reservationInput.parse(input);
  const pool = poolOf(db);
  if (pool) {
    const reserved = await reserveInOneStatement(pool, actor, data, options.idempotency);
    if (reserved) return reserved;
  }
  const result = await inUnitOfWork(db, { idempotency: options.idempotency, status: 201 }, async (tx) => {
    const target = await resolveTarget(tx, data);
    authorize(actor, "stock.move", { siteId: target.siteId });
    const ttl = data.ttlSeconds === undefined ? DEFAULT_TTL_SECONDS : data.ttlSeconds;
    const id = await reserveInTransaction(tx, actor, {
      ...target,
      quantity: data.quantity,
      allowPartial: data.allowPartial ?? false,
      expiresAt: ttl === null ? null : new Date(Date.now() + ttl * 1000),
      reference: data.reference,
      channel: data.channel ?? null,
    });
    return toReservationView((await findReservationRow(tx, id))!);
  });
  return result.replayed ? { ...(result.stored as ReservationView), replayed: true } : result.value;
}

/**
 * Holds the stock and writes the reservation, its allocations, the audit entry and the `reservation.created`
 * event, in the caller's transaction; answers the reservation's id. Throws NotEnoughToReserve (the caller's
 * transaction then rolls back what was held).
 */
export async function reserveInTransaction(tx: DbTx, actor: Actor, request: NewReservation & { allowNone: true }): Promise<string | null>;
export async function reserveInTransaction(tx: DbTx, actor: Actor, request: NewReservation): Promise<string>;
export async function reserveInTransaction(tx: DbTx, actor: Actor, request: NewReservation): Promise<string | null> {
  markEventsQueued(tx); // its statement writes the reservation's event itself
  const hold = await holdStock(tx, {
    itemId: request.itemId,
    siteId: request.siteId,
    lotId: request.lotId,
    quantity: request.quantity,
    atLeast: request.allowPartial ? 1 : request.quantity,
  });
  if (hold.held === 0 && request.allowNone) return null;
  if (hold.held < request.quantity && (!request.allowPartial || hold.held === 0)) {
    throw new NotEnoughToReserve({
      sku: request.sku,
      site: request.siteCode,
      lot: request.lotNumber,
      requested: request.quantity,
      available: hold.available,
      field: "quantity",
    });
  }
  const id = uuidv7();
  const summary = {
    id,
    sku: request.sku,
    site: request.siteCode,
    quantity: hold.held,
    requestedQuantity: request.quantity,
    reference: request.reference,
    channel: request.channel,
    expiresAt: request.expiresAt?.toISOString() ?? null,
    allocations: hold.allocations.map((a) => ({ location: a.locationCode, lot: a.lotNumber, quantity: a.quantity })),
  };
  // One statement for the reservation, its allocations, the audit entry and the event: the held levels stay
  // locked until commit, so every round trip saved here is time other holds of the same item do not wait.
  await tx.$executeRaw`
    WITH reservation AS (
      INSERT INTO "Reservation" (id, "siteId", "itemId", "lotId", "requestedQuantity", quantity, held, reference, channel, "expiresAt",
        "orderLineId", "createdByLabel", "createdAt", "updatedAt")
      VALUES (${id}::uuid, ${request.siteId}::uuid, ${request.itemId}::uuid, ${request.lotId}::uuid, ${request.quantity}, ${hold.held}, ${hold.held},
        ${request.reference}, ${request.channel}, ${request.expiresAt}, ${request.orderLineId ?? null}::uuid, ${actor.label}, now(), now())
      RETURNING id
    ), allocations AS (
      INSERT INTO "ReservationAllocation" (id, "reservationId", "locationId", "lotId", quantity)
      SELECT t.id, reservation.id, t.location, t.lot, t.quantity FROM reservation,
        unnest(${hold.allocations.map(() => uuidv7())}::uuid[], ${hold.allocations.map((a) => a.locationId)}::uuid[],
          ${hold.allocations.map((a) => a.lotId)}::uuid[], ${hold.allocations.map((a) => a.quantity)}::int[]) AS t(id, location, lot, quantity)
    ), audit AS (
      INSERT INTO "AuditEntry" (at, "actorType", "actorId", "actorLabel", action, "entityType", "entityId", "siteId", after)
      SELECT now(), ${actor.type}, ${actor.id}, ${actor.label}, 'reservation.create', 'reservation', ${id}, ${request.siteId}::uuid,
        ${JSON.stringify(summary)}::jsonb FROM reservation
    )
    INSERT INTO "OutboxEvent" (type, "siteId", "aggregateId", payload, "createdAt")
    SELECT 'reservation.created', ${request.siteId}::uuid, ${id}, ${JSON.stringify(summary)}::jsonb, now() FROM reservation`;
  return id;
}

/** The item, site and lot a request names, refused (422 on the field) when any does not exist or does not fit. */
async function resolveTarget(tx: DbTx, data: { sku: string; site: string; lot?: string }) {
  // One after the other: in a transaction, queries sent together are a batch Prisma compiles each time (unit-of-work.ts).
  const item = await tx.item.findUnique({ where: { skuKey: data.sku.toLowerCase() }, select: { id: true, sku: true, active: true, tracking: true } });
  const site = await tx.site.findUnique({ where: { code: data.site }, select: { id: true, code: true, active: true } });
  const issues = [];
  if (!item) issues.push({ field: "sku", message: `No item has the SKU ${data.sku}` });
  else if (!item.active) issues.push({ field: "sku", message: `${item.sku} is archived` });
  if (!site || !site.active) issues.push({ field: "site", message: `No active site has the code ${data.site}` });
  if (issues.length > 0) throw new ValidationFailed(issues);
  let lot: { id: string; number: string } | null = null;
  if (data.lot) {
    if (item!.tracking === "none") throw new ValidationFailed([{ field: "lot", message: `${item!.sku} is not lot-tracked` }]);
    lot = await tx.lot.findUnique({ where: { itemId_number: { itemId: item!.id, number: data.lot } }, select: { id: true, number: true } });
    if (!lot) throw new ValidationFailed([{ field: "lot", message: `${item!.sku} has no lot ${data.lot}` }]);
  }
  return { itemId: item!.id, sku: item!.sku, siteId: site!.id, siteCode: site!.code, lotId: lot?.id ?? null, lotNumber: lot?.number ?? null };
}
