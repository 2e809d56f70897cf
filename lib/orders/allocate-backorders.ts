import { SYSTEM_ACTOR } from "../auth/actor";
import { SELLABLE_LEVEL } from "../availability/availability-rule";
import type { Db, DbTx } from "../db/client";
import { unitOfWork, inSavepoint } from "../db/unit-of-work";
import { reserveInTransaction } from "../reservations/create-reservation";
import { lockOrder } from "./order-view";
import { allocationStatusOf, moveOrderTo } from "./settle-status";

const BATCH = 100;

/**
 * Allocates backordered units when stock has arrived (a receipt, a transfer in, a find, a count up): run every
 * two seconds by the app (lib/system/background-jobs.ts). Orders are served oldest promised date first; an
 * order that becomes fully allocated moves on by itself (`order.allocated`).
 *
 * Safe with several app processes: a run takes a transaction-scoped advisory lock and a process that does not
 * get it skips its turn, so orders are served in promise order by one process at a time; each order is locked
 * and its shortage read again before anything is held, so no unit is allocated twice. Answers how many orders
 * got stock.
 */
export async function allocateBackorders(db: Db): Promise<number> {
  return unitOfWork(
    db,
    async (tx) => {
      const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(hashtext('stockroom.allocate_backorders')) AS locked`;
      if (!lock.locked) return 0;
      const candidates = await tx.$queryRaw<{ id: string }[]>`
        SELECT o.id FROM "SalesOrder" o
        WHERE o.status = 'backordered' AND EXISTS (
          SELECT 1 FROM "SalesOrderLine" l
          JOIN "StockLevel" s ON s."itemId" = l."itemId"
          JOIN "Location" loc ON loc.id = s."locationId"
          LEFT JOIN "Lot" lot ON lot.id = s."lotId"
          WHERE l."orderId" = o.id AND (o."allowSplit" OR loc."siteId" = o."siteId") AND s."onHand" > s.reserved AND ${SELLABLE_LEVEL})
        ORDER BY o."promisedShipDate" NULLS LAST, o."createdAt"
        LIMIT ${BATCH}`;
      let served = 0;
      // Each order under its own savepoint: one that fails (a deadlock, a bug) does not undo the others.
      for (const { id } of candidates) {
        try {
          if (await inSavepoint(tx, () => allocateOrder(tx, id))) served++;
        } catch (error) {
          console.error(`allocating backorders of order ${id} failed`, error);
        }
      }
      return served;
    },
    { timeoutMs: 60_000 },
  );
}

/** Holds what the order's short lines can get now; answers whether anything was held. */
async function allocateOrder(tx: DbTx, orderId: string): Promise<boolean> {
  const order = await lockOrder(tx, orderId);
  if (!order || order.status !== "backordered") return false;
  const shortLines = await tx.$queryRaw<{ id: string; itemId: string; sku: string; short: number }[]>`
    SELECT l.id, l."itemId", i.sku,
      (l.quantity - l.shipped - COALESCE((SELECT SUM(r.held) FROM "Reservation" r WHERE r."orderLineId" = l.id AND r.status = 'active'), 0))::int AS short
    FROM "SalesOrderLine" l JOIN "Item" i ON i.id = l."itemId"
    WHERE l."orderId" = ${orderId}::uuid ORDER BY l."itemId"`;
  const sites = await tx.site.findMany({
    where: order.allowSplit ? { active: true } : { id: order.siteId ?? undefined },
    orderBy: { code: "asc" },
    select: { id: true, code: true },
  });
  const channel = (await tx.salesOrder.findUniqueOrThrow({ where: { id: orderId }, select: { channel: true } })).channel;
  let heldAny = false;
  for (const line of shortLines.filter((l) => l.short > 0)) {
    let remaining = line.short;
    for (const site of sites) {
      if (remaining === 0) break;
      const reservationId = await reserveInTransaction(tx, SYSTEM_ACTOR, {
        itemId: line.itemId,
        sku: line.sku,
        siteId: site.id,
        siteCode: site.code,
        lotId: null,
        lotNumber: null,
        quantity: remaining,
        allowPartial: true,
        allowNone: true,
        expiresAt: null,
        reference: order.number,
        channel,
        orderLineId: line.id,
      });
      if (!reservationId) continue;
      heldAny = true;
      remaining -= (await tx.reservation.findUniqueOrThrow({ where: { id: reservationId }, select: { held: true } })).held;
    }
  }
  if (heldAny && (await allocationStatusOf(tx, orderId)) === "allocated") await moveOrderTo(tx, SYSTEM_ACTOR, orderId, "allocated", "stock arrived");
  return heldAny;
}
