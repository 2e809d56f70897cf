import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db, DbTx } from "../db/client";
import type { IdempotencyKey } from "../db/idempotency-key";
import { isUuid } from "../db/is-uuid";
import { inUnitOfWork } from "../db/unit-of-work";
import { Forbidden, NotFound } from "../domain-error";
import { OrderStepRefused } from "./errors";
import { lockOrder } from "./order-view";

export type LockedOrder = NonNullable<Awaited<ReturnType<typeof lockOrder>>>;

/**
 * One step on one order, as one unit of work: the order's row is locked first, so steps racing on an order
 * (ship, cancel, a pick, the backorder allocator) run one after another and the later one sees the earlier's
 * outcome: exactly one ship or cancel wins, the other is refused with 409. `allowed` lists the statuses the
 * step may start from.
 */
export async function orderStep<T>(
  db: Db,
  actor: Actor,
  id: string,
  step: { name: string; allowed: readonly string[]; idempotency?: IdempotencyKey | null },
  work: (tx: DbTx, order: LockedOrder) => Promise<T>,
): Promise<T> {
  if (!isUuid(id)) throw new NotFound("Order", id);
  authorize(actor, "stock.move");
  const result = await inUnitOfWork(db, { idempotency: step.idempotency, timeoutMs: 20_000 }, async (tx) => {
    const order = await lockOrder(tx, id);
    if (!order) throw new NotFound("Order", id);
    // 403, not 404, for another site's order: its number is no secret from the caller's role, only its stock is.
    if (actor.sites !== "all" && !(order.siteId && actor.sites.includes(order.siteId))) throw new Forbidden("stock.move", order.siteId ?? undefined);
    authorize(actor, "stock.move", { siteId: order.siteId ?? undefined });
    if (!step.allowed.includes(order.status)) throw new OrderStepRefused(order.number, order.status, step.name);
    return work(tx, order);
  });
  return result.replayed ? ({ ...(result.stored as object), replayed: true } as T) : result.value;
}
