import type { DbTx } from "../db/client";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { ReservationView } from "./schemas";

export const reservationSelect = {
  id: true,
  status: true,
  siteId: true,
  itemId: true,
  requestedQuantity: true,
  quantity: true,
  held: true,
  fulfilled: true,
  reference: true,
  channel: true,
  expiresAt: true,
  createdAt: true,
  closedAt: true,
  createdByLabel: true,
  orderLineId: true,
  item: { select: { sku: true, tracking: true } },
  site: { select: { code: true } },
  lot: { select: { number: true } },
  orderLine: { select: { order: { select: { number: true } } } },
  allocations: {
    where: { quantity: { gt: 0 } },
    orderBy: { id: "asc" },
    select: { id: true, locationId: true, lotId: true, quantity: true, location: { select: { code: true } }, lot: { select: { number: true } } },
  },
} satisfies Prisma.ReservationSelect;

export type ReservationRow = Prisma.ReservationGetPayload<{ select: typeof reservationSelect }>;

export function toReservationView(row: ReservationRow): ReservationView {
  return {
    id: row.id,
    status: row.status,
    sku: row.item.sku,
    site: row.site.code,
    lot: row.lot?.number ?? null,
    requestedQuantity: row.requestedQuantity,
    quantity: row.quantity,
    held: row.held,
    fulfilled: row.fulfilled,
    reference: row.reference,
    channel: row.channel,
    orderNumber: row.orderLine?.order.number ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
    createdBy: row.createdByLabel,
    allocations: row.allocations.map((a) => ({ location: a.location.code, lot: a.lot?.number ?? null, quantity: a.quantity })),
  };
}

export async function findReservationRow(db: Db | DbTx, id: string): Promise<ReservationRow | null> {
  return db.reservation.findUnique({ where: { id }, select: reservationSelect });
}

/** Locks a reservation's row for a state change: changes of one reservation run one after another. */
export async function lockReservation(tx: DbTx, id: string): Promise<{ id: string; status: string; siteId: string; expiresAt: Date | null } | null> {
  const [row] = await tx.$queryRaw<{ id: string; status: string; siteId: string; expiresAt: Date | null }[]>`
    SELECT id, status::text AS status, "siteId", "expiresAt" FROM "Reservation" WHERE id = ${id}::uuid FOR UPDATE`;
  return row ?? null;
}
