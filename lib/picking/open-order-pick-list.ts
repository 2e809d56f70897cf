import { randomUUID } from "node:crypto";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import { recordAudit } from "../audit/record-audit";
import type { Db, DbTx } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import type { IdempotencyKey } from "../db/idempotency-key";
import { isUuid } from "../db/is-uuid";
import { inUnitOfWork } from "../db/unit-of-work";
import { NotFound, ValidationFailed } from "../domain-error";
import { readSiteMap } from "../maps/read-site-map";
import { OrderStepRefused } from "../orders/errors";
import { lockOrder } from "../orders/order-view";
import { moveOrderTo } from "../orders/settle-status";
import { enqueueEvent } from "../outbox/enqueue-event";
import { planPickRoute } from "../routing/plan-pick-route";
import { PickListReferenceTaken } from "./errors";
import { findPickListView } from "./pick-list-view";
import type { RoutedPickList } from "./schemas";

type Options = { reference?: string; idempotency?: IdempotencyKey | null };
type Stop = {
  itemId: string;
  fromLocationId: string;
  lotId: string | null;
  quantity: number;
  orderLineId: string;
  allocationId: string;
  code: string;
};

/**
 * Opens the routed pick list of one allocated order, or of a wave of allocated orders of one site. Nothing is
 * held a second time: each line points at the order's reservation allocation it picks (a bin, a lot, a
 * quantity), and confirming it (./confirm-pick.ts) moves the units and the hold to the site's staging location.
 * The orders move to `picking`. Locks the orders (in id order, as every order step does) before anything else,
 * so the list cannot be opened twice or race a cancel: 409 for an order not `allocated` (backordered, already
 * picking, shipped…), 403 for an order of a site the caller may not pick at, 422 for a wave that spans sites.
 * One unit of work: with an Idempotency-Key a retry answers the first list.
 */
export async function openOrderPickList(db: Db, actor: Actor, orderIds: string[], options: Options = {}): Promise<RoutedPickList> {
  const ids = [...new Set(orderIds)].sort();
  for (const id of ids) if (!isUuid(id)) throw new NotFound("Order", id);
  if (ids.length === 0) throw new ValidationFailed([{ field: "orders", message: "Name at least one order" }]);
  authorize(actor, "stock.move");
  const isWave = orderIds.length > 1 || options.reference !== undefined;
  let reference = options.reference ?? null;
  try {
    const result = await inUnitOfWork(db, { idempotency: options.idempotency, status: 201, timeoutMs: 20_000 }, async (tx) => {
      const orders = [];
      for (const id of ids) {
        const order = await lockOrder(tx, id);
        if (!order) throw new NotFound("Order", id);
        authorize(actor, "stock.move", { siteId: order.siteId ?? undefined });
        if (order.status !== "allocated") throw new OrderStepRefused(order.number, order.status, "picked");
        orders.push(order);
      }
      const siteId = orders[0].siteId!;
      if (orders.some((o) => o.siteId !== siteId))
        throw new ValidationFailed([{ field: "orders", message: "A wave picks at one site: these orders ship from several" }]);
      const stops = await stopsOf(tx, ids, siteId, orders);
      reference ??= isWave ? madeUpWaveReference() : await singleReference(tx, orders[0]);

      const map = await readSiteMap(tx as unknown as Db, siteId);
      const route = map
        ? planPickRoute(
            map.graph,
            stops.map((s) => s.code),
          )
        : null;
      const walk = route ? route.order.map((i) => stops[i]) : stops;
      const list = await tx.pickList.create({
        data: {
          siteId,
          reference,
          orderId: ids.length === 1 ? ids[0] : null,
          createdById: actor.type === "user" ? actor.id : null,
          createdByLabel: actor.label,
          lines: { create: walk.map(({ code: _code, ...line }, i) => ({ ...line, lineNo: i + 1 })) },
        },
        select: { id: true },
      });
      for (const order of orders) await moveOrderTo(tx, actor, order.id, "picking", `pick list ${reference}`);
      const { view } = (await findPickListView(tx, list.id))!;
      await recordAudit(tx, actor, { action: "pickList.create", entityType: "pickList", entityId: list.id, siteId, after: view });
      await enqueueEvent(tx, { type: "pickList.created", siteId, aggregateId: list.id, payload: view });
      return { ...view, routeLength: route ? metres(route.length) : null, naiveLength: route ? metres(route.naiveLength) : null };
    });
    return result.replayed ? { ...(result.stored as RoutedPickList), replayed: true } : result.value;
  } catch (error) {
    if (isUniqueViolation(error)) throw new PickListReferenceTaken("of the orders", reference ?? "");
    throw error;
  }
}

/**
 * What the orders still hold outside staging: one stop per allocation, in line then allocation order. An order
 * holding units at another site (a split order) is refused: its list would leave part of it unpicked.
 */
async function stopsOf(tx: DbTx, orderIds: string[], siteId: string, orders: { id: string; number: string; status: string }[]): Promise<Stop[]> {
  const reservations = await tx.reservation.findMany({
    where: { orderLine: { orderId: { in: orderIds } }, status: "active" },
    orderBy: [{ orderLine: { orderId: "asc" } }, { orderLine: { lineNo: "asc" } }, { id: "asc" }],
    select: {
      siteId: true,
      itemId: true,
      orderLineId: true,
      orderLine: { select: { orderId: true } },
      allocations: {
        where: { quantity: { gt: 0 }, location: { purpose: { not: "staging" } } },
        orderBy: { id: "asc" },
        select: { id: true, locationId: true, lotId: true, quantity: true, location: { select: { code: true } } },
      },
    },
  });
  const elsewhere = reservations.find((r) => r.siteId !== siteId);
  if (elsewhere) {
    const order = orders.find((o) => o.id === elsewhere.orderLine!.orderId)!;
    throw new OrderStepRefused(order.number, order.status, "picked", `Order ${order.number} is held at several sites: pick each site's part there`);
  }
  const stops = reservations.flatMap((r) =>
    r.allocations.map((a) => ({
      itemId: r.itemId,
      fromLocationId: a.locationId,
      lotId: a.lotId,
      quantity: a.quantity,
      orderLineId: r.orderLineId!,
      allocationId: a.id,
      code: a.location.code,
    })),
  );
  if (stops.length === 0) {
    const order = orders[0];
    throw new OrderStepRefused(order.number, order.status, "picked", `Nothing of ${orders.map((o) => o.number).join(", ")} is left to pick`);
  }
  return stops;
}

/** The order number; SO-000042-2 when an earlier list of the order was cancelled. */
async function singleReference(tx: DbTx, order: { id: string; number: string }): Promise<string> {
  const earlier = await tx.pickList.count({ where: { orderId: order.id } });
  return earlier === 0 ? order.number : `${order.number}-${earlier + 1}`;
}

function madeUpWaveReference(): string {
  return `WAVE-${new Date().toISOString().slice(0, 10).replaceAll("-", "")}-${randomUUID().slice(0, 8).toUpperCase()}`;
}

function metres(length: number): number {
  return Math.round(length * 100) / 100;
}
