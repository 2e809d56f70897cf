/**
 * A clerk confirms a refill after scanning the reserve bin, the item and the pick face: the move posts through
 * the ledger and the task is done, in one unit of work. The task's row is locked first, so two clerks confirming
 * the same task (or a confirm racing the planner's cancel) run one after the other: one moves, the other gets 409.
 */
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/client";
import type { IdempotencyKey } from "../db/idempotency-key";
import { isUuid } from "../db/is-uuid";
import { inUnitOfWork } from "../db/unit-of-work";
import { NotFound, ValidationFailed } from "../domain-error";
import { postMovement } from "../ledger/post-movement";
import { enqueueEvent } from "../outbox/enqueue-event";
import { ReplenishmentNotOpen } from "./errors";
import { findReplenishmentViews } from "./replenishment-view";
import { confirmReplenishmentInput, type ReplenishmentView } from "./schemas";

export async function confirmReplenishment(
  db: Db,
  actor: Actor,
  id: string,
  input: { quantity?: number },
  options: { idempotency?: IdempotencyKey | null } = {},
): Promise<ReplenishmentView & { replayed?: boolean }> {
  const data = confirmReplenishmentInput.parse(input);
  authorize(actor, "stock.move");
  if (!isUuid(id)) throw new NotFound("Replenishment", id);
  const result = await inUnitOfWork(db, { idempotency: options.idempotency }, async (tx) => {
    const [task] = await tx.$queryRaw<{ siteId: string; status: string; quantity: number }[]>`
      SELECT "siteId"::text AS "siteId", status::text, quantity FROM "ReplenishmentTask" WHERE id = ${id}::uuid FOR UPDATE`;
    if (!task || (actor.sites !== "all" && !actor.sites.includes(task.siteId))) throw new NotFound("Replenishment", id);
    authorize(actor, "stock.move", { siteId: task.siteId });
    if (task.status !== "open") throw new ReplenishmentNotOpen(id, task.status);
    const quantity = data.quantity ?? task.quantity;
    if (quantity > task.quantity) throw new ValidationFailed([{ field: "quantity", message: `At most ${task.quantity}, the planned refill` }]);
    const [{ view }] = await findReplenishmentViews(tx, [id]);
    const posted = await postMovement(tx as unknown as Db, actor, {
      kind: "move",
      sku: view.sku,
      quantity,
      from: view.from,
      to: view.to,
      lot: view.lot ?? undefined,
      reason: "replenishment",
      reference: `REFILL ${view.to}`,
    });
    await tx.replenishmentTask.update({
      where: { id },
      data: { status: "done", doneAt: new Date(), doneByLabel: actor.label, postingId: posted.postingId, quantity },
    });
    const [done] = await findReplenishmentViews(tx, [id]);
    await recordAudit(tx, actor, {
      action: "replenishment.confirm",
      entityType: "ReplenishmentTask",
      entityId: id,
      siteId: task.siteId,
      after: done.view,
    });
    await enqueueEvent(tx, { type: "replenishment.done", siteId: task.siteId, aggregateId: id, payload: done.view });
    return done.view;
  });
  return result.replayed ? { ...(result.stored as ReplenishmentView), replayed: true } : result.value;
}
