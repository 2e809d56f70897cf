import type { Actor } from "../auth/actor";
import { recordAudit } from "../audit/record-audit";
import type { Db, DbTx } from "../db/client";
import type { IdempotencyKey } from "../db/idempotency-key";
import { isUuid } from "../db/is-uuid";
import { inUnitOfWork } from "../db/unit-of-work";
import { NotFound } from "../domain-error";
import { enqueueEvent } from "../outbox/enqueue-event";
import { PurchaseOrderNotAllowedNow } from "./errors";
import { asSeenBy, findPurchaseOrderView } from "./purchase-order-view";
import type { PurchaseOrderStatus, PurchaseOrderStep, PurchaseOrderView } from "./schemas";

export type LockedPurchaseOrder = {
  id: string;
  number: string;
  supplierId: string;
  siteId: string;
  status: PurchaseOrderStatus;
  currency: string;
  total: string;
  sentAt: Date | null;
};

/**
 * What a step did: the status it leaves and the history entry to append. `deliver` hands the order, as it now
 * stands, to someone outside (the supplier); it runs last in the transaction, so its failure undoes the step.
 */
export type StepOutcome = {
  status: PurchaseOrderStatus;
  step: PurchaseOrderStep;
  note?: string;
  detail?: unknown;
  deliver?: (view: PurchaseOrderView) => Promise<void>;
};

/**
 * Runs one step of a purchase order as one unit of work: lock the order row (SELECT … FOR UPDATE, so steps of one
 * order — two receipts of its last units — run one after another and each sees the counters the previous one
 * left), check the actor may see it (else 404: a supplier's key learns nothing of another supplier's orders), let
 * `take` check and act, then set the status and append, in that same transaction, the history entry, an audit
 * entry and an outbox event (`purchaseOrder.<step>`). With an idempotency key, a retry gets the first answer.
 */
export async function runPurchaseOrderStep(
  db: Db,
  actor: Actor,
  id: string,
  options: { idempotency?: IdempotencyKey | null },
  take: (tx: DbTx, order: LockedPurchaseOrder) => Promise<StepOutcome>,
): Promise<PurchaseOrderView> {
  if (!isUuid(id)) throw new NotFound("Purchase order", id);
  const result = await inUnitOfWork(db, { idempotency: options.idempotency, timeoutMs: 30_000 }, async (tx) => {
    const [order] = await tx.$queryRaw<LockedPurchaseOrder[]>`
      SELECT id::text, number, "supplierId"::text, "siteId"::text, status::text AS status, currency, total::text AS total, "sentAt"
      FROM "PurchaseOrder" WHERE id = ${id}::uuid FOR UPDATE`;
    if (!order || !isVisibleTo(actor, order)) throw new NotFound("Purchase order", id);
    const outcome = await take(tx, order);
    await tx.purchaseOrder.update({
      where: { id },
      data: { status: outcome.status, ...(outcome.step === "sent" ? { sentAt: new Date() } : {}) },
    });
    await tx.purchaseOrderHistory.create({
      data: {
        purchaseOrderId: id,
        status: outcome.status,
        step: outcome.step,
        actorLabel: actor.label,
        note: outcome.note,
        detail: toJson(outcome.detail),
      },
    });
    const view = (await findPurchaseOrderView(tx, id))!;
    await recordAudit(tx, actor, {
      action: `purchaseOrder.${outcome.step}`,
      entityType: "purchaseOrder",
      entityId: id,
      siteId: order.siteId,
      before: { status: order.status },
      after: { status: outcome.status, note: outcome.note ?? null, detail: outcome.detail ?? null },
    });
    const { history: _history, ...payload } = view;
    await enqueueEvent(tx, { type: `purchaseOrder.${outcome.step}`, siteId: order.siteId, aggregateId: id, payload });
    // Last before the commit: if it fails nothing happened; once it succeeded, only the commit itself can fail.
    if (outcome.deliver) await outcome.deliver(view);
    return asSeenBy(actor, view);
  });
  return result.replayed ? { ...(result.stored as PurchaseOrderView), replayed: true } : result.value;
}

/** Whether the actor may see this order at all: its site, and for a supplier's key, its own sent orders. */
export function isVisibleTo(actor: Actor, order: { siteId: string; supplierId: string; sentAt: Date | null }): boolean {
  if (actor.sites !== "all" && !actor.sites.includes(order.siteId)) return false;
  if (actor.role === "supplier") return order.supplierId === actor.supplierId && order.sentAt !== null;
  return true;
}

/** Refuses a step unless the order is in one of `allowed`. */
export function requireStatus(order: LockedPurchaseOrder, allowed: readonly PurchaseOrderStatus[], step: string): void {
  if (!allowed.includes(order.status)) throw new PurchaseOrderNotAllowedNow({ number: order.number, status: order.status, step });
}

function toJson(value: unknown) {
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as object);
}
