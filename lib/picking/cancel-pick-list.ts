import { unitOfWork } from "../db/unit-of-work";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/client";
import { NotFound } from "../domain-error";
import { enqueueEvent } from "../outbox/enqueue-event";
import { PickListNotOpen } from "./errors";
import { findPickListView } from "./pick-list-view";
import type { PickListView } from "./schemas";
import { isUuid } from "../db/is-uuid";

/**
 * Cancels an open pick list (managers and admins). What was picked stays issued: a cancellation stops the
 * picking, it does not undo it. Locks the list, so a pick confirmed meanwhile is either in or refused.
 */
export async function cancelPickList(db: Db, actor: Actor, pickListId: string): Promise<PickListView> {
  if (!isUuid(pickListId)) throw new NotFound("Pick list", pickListId);
  return unitOfWork(db, async (tx) => {
    const [list] = await tx.$queryRaw<{ siteId: string; status: string }[]>`
      SELECT "siteId", status::text AS status FROM "PickList" WHERE id = ${pickListId}::uuid FOR UPDATE`;
    if (!list) throw new NotFound("Pick list", pickListId);
    authorize(actor, "stock.approve", { siteId: list.siteId });
    if (list.status !== "open") throw new PickListNotOpen(pickListId, list.status);
    await tx.pickList.update({ where: { id: pickListId }, data: { status: "cancelled", closedAt: new Date() } });
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
