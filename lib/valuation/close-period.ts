import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db } from "../db/client";
import { ValidationFailed } from "../domain-error";
import { recordAudit } from "../audit/record-audit";
import { enqueueEvent } from "../outbox/enqueue-event";

/**
 * Closes a month for posting: afterwards no movement may carry an occurredAt in it or before it (the posting
 * function checks, under the same advisory lock, so a posting and a close cannot pass each other).
 */
export async function closePeriod(db: Db, actor: Actor, month: string) {
  authorize(actor, "valuation.close");
  const first = new Date(`${month}-01T00:00:00Z`);
  const next = new Date(first);
  next.setUTCMonth(next.getUTCMonth() + 1);
  if (next.getTime() > Date.now()) throw new ValidationFailed([{ field: "month", message: "Only a month that has ended can be closed" }]);
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('stockroom.closed-periods'))`;
    await tx.closedPeriod.upsert({ where: { month: first }, create: { month: first, closedBy: actor.label }, update: {} });
    await recordAudit(tx, actor, { action: "valuation.close", entityType: "period", entityId: month, after: { month } });
    const closedThrough = new Date(next.getTime() - 86_400_000).toISOString().slice(0, 10);
    await enqueueEvent(tx, { type: "valuation.period_closed", aggregateId: month, payload: { month, closedThrough } });
  });
  return listClosedPeriods(db, actor);
}

export async function listClosedPeriods(db: Db, actor: Actor) {
  authorize(actor, "reports.view");
  const months = await db.closedPeriod.findMany({ orderBy: { month: "desc" } });
  const last = months[0]?.month;
  const closedThrough = last ? new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth() + 1, 0)).toISOString().slice(0, 10) : null;
  return {
    closedThrough,
    months: months.map((m) => ({ month: m.month.toISOString().slice(0, 7), closedAt: m.closedAt.toISOString(), closedBy: m.closedBy })),
  };
}
