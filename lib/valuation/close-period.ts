import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db, DbTx } from "../db/client";
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
  await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('stockroom.closed-periods'))`;
      await tx.closedPeriod.upsert({ where: { month: first }, create: { month: first, closedBy: actor.label }, update: {} });
      await takeSnapshots(tx, next);
      await recordAudit(tx, actor, { action: "valuation.close", entityType: "period", entityId: month, after: { month } });
      const closedThrough = new Date(next.getTime() - 86_400_000).toISOString().slice(0, 10);
      await enqueueEvent(tx, { type: "valuation.period_closed", aggregateId: month, payload: { month, closedThrough } });
    },
    // The first close of a long history sums all of it, a month at a time.
    { timeout: 15 * 60_000, maxWait: 10_000 },
  );
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

const addMonth = (day: Date) => new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + 1, 1));

/**
 * The sums of every item × site before the first day of each month from the last snapshot up to `through`, each
 * from the one before plus that month's values (lib/valuation/valued-lines.ts reads them). Only closed months get
 * one: nothing can be posted into them any more, so a snapshot never goes stale.
 */
async function takeSnapshots(tx: DbTx, through: Date) {
  const [{ latest, earliest }] = await tx.$queryRaw<{ latest: Date | null; earliest: Date | null }[]>`
    SELECT (SELECT max(through) FROM "ValueSnapshot") AS latest,
           (SELECT date_trunc('month', min(m))::date FROM (
              SELECT min("occurredAt") AS m FROM "MovementValue" UNION ALL SELECT min("occurredAt") FROM "CostRevaluation") x) AS earliest`;
  if (earliest === null) return;
  let previous = latest;
  for (let day = latest ? addMonth(latest) : addMonth(earliest); day <= through; day = addMonth(day)) {
    const since = previous ?? new Date("0001-01-01T00:00:00Z");
    await tx.$executeRaw`SELECT set_config('work_mem', '256MB', true)`;
    await tx.$executeRaw`
      INSERT INTO "ValueSnapshot" (through, "itemId", "siteId", quantity, value)
      SELECT ${day}::date, "itemId", "siteId", sum(quantity), sum(value) FROM (
        SELECT "itemId", "siteId", quantity, value FROM "ValueSnapshot" WHERE through = ${previous}::date
        UNION ALL
        SELECT "itemId", "siteId", quantity, value FROM "MovementValue" WHERE "occurredAt" >= ${since} AND "occurredAt" < ${day}::date
        UNION ALL
        SELECT "itemId", "siteId", quantity, amount FROM "CostRevaluation" WHERE "occurredAt" >= ${since} AND "occurredAt" < ${day}::date
      ) changes
      GROUP BY "itemId", "siteId"
      HAVING sum(quantity) <> 0 OR sum(value) <> 0`;
    previous = day;
  }
}
