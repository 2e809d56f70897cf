/**
 * The steps of a reservation after it is made: release, extend, fulfil. Each is one unit of work that locks the
 * reservation's row first, so steps racing on one reservation (a fulfil and the expiry job, two releases) run
 * one after another and the second sees what the first did: exactly one wins, the other gets 409.
 */
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db, DbTx } from "../db/client";
import type { IdempotencyKey } from "../db/idempotency-key";
import { isUuid } from "../db/is-uuid";
import { inUnitOfWork } from "../db/unit-of-work";
import { NotFound } from "../domain-error";
import { ReservationNotActive, ReservationOfADocument, ReservationOfAnOrder, ReservationOfATransfer } from "./errors";
import { endReservation } from "./end-reservation";
import { issueHeld } from "./issue-held";
import { findReservationRow, lockReservation, toReservationView } from "./reservation-view";
import { extendInput, fulfilInput, type Fulfilment, type FulfilInput, type ReservationView } from "./schemas";

type Options = { idempotency?: IdempotencyKey | null };

export async function releaseReservation(db: Db, actor: Actor, id: string, options: Options = {}): Promise<ReservationView> {
  return step(db, actor, id, options, async (tx) => {
    await endReservation(tx, actor, id, "released");
    return view(tx, id);
  });
}

export async function extendReservation(
  db: Db,
  actor: Actor,
  id: string,
  input: { ttlSeconds: number },
  options: Options = {},
): Promise<ReservationView> {
  const data = extendInput.parse(input);
  return step(db, actor, id, options, async (tx) => {
    await tx.reservation.update({ where: { id }, data: { expiresAt: new Date(Date.now() + data.ttlSeconds * 1000) } });
    return view(tx, id);
  });
}

/**
 * Issues held units to the customer (all still held, or `quantity` of them): the ledger posts an issue from
 * each allocation's bin and lot, lot and serial rules as for any issue; a partial fulfil leaves the rest held.
 */
export async function fulfilReservation(db: Db, actor: Actor, id: string, input: FulfilInput, options: Options = {}): Promise<Fulfilment> {
  const data = fulfilInput.parse(input);
  return step(db, actor, id, options, async (tx) => {
    const posted = await issueHeld(tx, actor, id, data);
    return { ...(await view(tx, id)), postingId: posted.postingId, movements: posted.movementIds };
  });
}

/** Runs a step on a locked, active reservation of the caller's site that no order owns. */
async function step<T>(db: Db, actor: Actor, id: string, options: Options, work: (tx: DbTx) => Promise<T>): Promise<T> {
  if (!isUuid(id)) throw new NotFound("Reservation", id);
  authorize(actor, "stock.move");
  const result = await inUnitOfWork(db, { idempotency: options.idempotency }, async (tx) => {
    const locked = await lockReservation(tx, id);
    if (!locked) throw new NotFound("Reservation", id);
    authorize(actor, "stock.move", { siteId: locked.siteId });
    const owner = await tx.reservation.findUnique({
      where: { id },
      select: {
        orderLine: { select: { order: { select: { number: true } } } },
        pickListLine: { select: { pickList: { select: { reference: true } } } },
        transferLine: { select: { transferId: true } },
      },
    });
    if (owner?.orderLine) throw new ReservationOfAnOrder(id, owner.orderLine.order.number);
    if (owner?.pickListLine) throw new ReservationOfADocument(id, `pick list ${owner.pickListLine.pickList.reference}`);
    if (owner?.transferLine) throw new ReservationOfATransfer(id, owner.transferLine.transferId);
    const isPastExpiry = locked.expiresAt !== null && locked.expiresAt.getTime() <= Date.now();
    if (locked.status !== "active" || isPastExpiry)
      throw new ReservationNotActive(id, isPastExpiry && locked.status === "active" ? "expired" : locked.status);
    return work(tx);
  });
  return result.replayed ? ({ ...(result.stored as object), replayed: true } as T) : result.value;
}

async function view(tx: DbTx, id: string): Promise<ReservationView> {
  return toReservationView((await findReservationRow(tx, id))!);
}
