import { unitOfWork } from "../db/unit-of-work";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/client";
import { NotFound } from "../domain-error";
import { enqueueEvent } from "../outbox/enqueue-event";
import { lockOrder } from "../orders/order-view";
import { moveOrderTo } from "../orders/settle-status";
import { PickListNotOpen } from "./errors";
import { releasePickLine } from "./hold-pick-line";
import { findPickListView } from "./pick-list-view";
import type { PickListView } from "./schemas";
import { isUuid } from "../db/is-uuid";

/**
 * Cancels an open pick list (managers and admins). What was picked stays picked: a cancellation stops the
 * picking, it does not undo it. A plain list's lines release the units they still hold; an order's list leaves
 * the order's holds as they are (picked units wait in staging) and moves its orders back to `allocated`, ready
 * for a new list. Locks the orders, then the list (the order a pick locks them in), so a pick confirmed
 * meanwhile is either in or refused.
 */
export async function cancelPickList(db: Db, actor: Actor, pickListId: string): Promise<PickListView> {
  if (!isUuid(pickListId)) throw new NotFound("Pick list", pickListId);
  return unitOfWork(db, async (tx) => {
    const orderIds = (
      await tx.salesOrderLine.findMany({
        where: { pickListLines: { some: { pickListId } } },
        distinct: ["orderId"],
        orderBy: { orderId: "asc" },
        select: { orderId: true },
      })
    ).map((l) => l.orderId);
    for (const orderId of orderIds) await lockOrder(tx, orderId);
    const [list] = await tx.$queryRaw<{ siteId: string; status: string }[]>`
      SELECT "siteId", status::text AS status FROM "PickList" WHERE id = ${pickListId}::uuid FOR UPDATE`;
    if (!list) throw new NotFound("Pick list", pickListId);
    authorize(actor, "stock.approve", { siteId: list.siteId });
    if (list.status !== "open") throw new PickListNotOpen(pickListId, list.status);
    await tx.pickList.update({ where: { id: pickListId }, data: { status: "cancelled", closedAt: new Date() } });
    const lines = await tx.pickListLine.findMany({ where: { pickListId, orderLineId: null }, orderBy: { lineNo: "asc" }, select: { id: true } });
    for (const line of lines) await releasePickLine(tx, line.id, "rest", "released");
    for (const orderId of orderIds) {
      const order = await tx.salesOrder.findUniqueOrThrow({ where: { id: orderId }, select: { status: true } });
      if (order.status === "picking") await moveOrderTo(tx, actor, orderId, "allocated", "pick list cancelled");
    }
    const { view } = (await findPickListView(tx, pickListId))!;
    await recordAudit(tx, actor, {
      action: "pickList.cancel",
      entityType: "pickList",
      entityId: pickListId,
      siteId: list.siteId,
      before: { status: "open" },
      after: view,
    });
    await enqueueEvent(tx, { type: "pickList.cancelled", siteId: list.siteId, aggregateId: pickListId, payload: view });
    return view;
  });
}
