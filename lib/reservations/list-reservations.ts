import { siteFilter, type Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db } from "../db/client";
import { isUuid } from "../db/is-uuid";
import { NotFound } from "../domain-error";
import { findReservationRow, reservationSelect, toReservationView } from "./reservation-view";
import { reservationQuery, type ReservationQuery, type ReservationView } from "./schemas";

/** Reservations at the caller's sites, newest first, filtered by reference, status, SKU and site; paged by id. */
export async function listReservations(db: Db, actor: Actor, query: ReservationQuery): Promise<{ data: ReservationView[]; next: string | null }> {
  authorize(actor, "stock.view");
  const q = reservationQuery.parse(query);
  const limit = q.limit ?? 100;
  const rows = await db.reservation.findMany({
    where: {
      ...siteFilter(actor),
      ...(q.reference ? { reference: q.reference } : {}),
      ...(q.status ? { status: q.status } : {}),
      ...(q.sku ? { item: { skuKey: q.sku.toLowerCase() } } : {}),
      ...(q.site ? { site: { code: q.site } } : {}),
      ...(q.cursor ? { id: { lt: q.cursor } } : {}),
    },
    orderBy: { id: "desc" },
    take: limit + 1,
    select: reservationSelect,
  });
  const page = rows.slice(0, limit);
  return { data: page.map(toReservationView), next: rows.length > limit ? page[page.length - 1].id : null };
}

/** One reservation; 404 too when it is at a site the caller cannot see. */
export async function getReservation(db: Db, actor: Actor, id: string): Promise<ReservationView> {
  authorize(actor, "stock.view");
  const row = isUuid(id) ? await findReservationRow(db, id) : null;
  if (!row || (actor.sites !== "all" && !actor.sites.includes(row.siteId))) throw new NotFound("Reservation", id);
  return toReservationView(row);
}
