import type { Db } from "../db/client";
import { unitOfWork } from "../db/unit-of-work";

export const WEEKLY_REQUESTER = "weekly schedule";
/** Sunday 02:00 UTC: the quiet hours, before the week's purchasing. */
const WEEKLY_AT = { weekday: 0, hourUtc: 2 };

/** The latest weekly start at or before `now`. */
export function lastWeeklyStart(now: Date): Date {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), WEEKLY_AT.hourUtc));
  const daysBack = (start.getUTCDay() - WEEKLY_AT.weekday + 7) % 7;
  start.setUTCDate(start.getUTCDate() - daysBack);
  if (start > now) start.setUTCDate(start.getUTCDate() - 7);
  return start;
}

/**
 * Queues the week's recompute of every item's reorder point, once per week, in the day after its start time: a
 * process started mid-week does not run one at once (the next is due on Sunday). Several processes may call it
 * together: a transaction-level advisory lock makes the check and the insert one step, and the one-active-run
 * index stands behind it. Answers whether it queued one.
 */
export async function queueWeeklyRecompute(db: Db, now = new Date()): Promise<boolean> {
  const due = lastWeeklyStart(now);
  if (now.getTime() - due.getTime() > 24 * 3_600_000) return false;
  return unitOfWork(db, async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('reorder-point weekly recompute'))`;
    const queued = await tx.$executeRaw`
      INSERT INTO "ReorderPointRun" (id, filter, "requestedBy", "createdAt")
      SELECT gen_random_uuid(), '{}'::jsonb, ${WEEKLY_REQUESTER}, ${now}
      WHERE NOT EXISTS (SELECT 1 FROM "ReorderPointRun" WHERE "requestedBy" = ${WEEKLY_REQUESTER} AND "createdAt" >= ${due})
      ON CONFLICT DO NOTHING`;
    return queued > 0;
  });
}
