import type { Db } from "../db/client";

/** How long the event log keeps events for pollers: 30 days unless STOCKROOM_EVENT_RETENTION_DAYS says otherwise. */
export function eventRetentionDays(): number {
  const days = Number(process.env.STOCKROOM_EVENT_RETENTION_DAYS ?? 30);
  return Number.isFinite(days) && days > 0 ? days : 30;
}

/** Published outbox rows are kept this long only to explain what the relay did; the log is what consumers read. */
const PUBLISHED_OUTBOX_DAYS = 7;

/**
 * Deletes events past retention and outbox rows long published, a batch at a time so that a large backlog does
 * not hold one long transaction. Safe in every process at once: a row deleted twice is deleted once.
 */
export async function purgeOldEvents(db: Db, batch = 10_000): Promise<number> {
  // Events are recorded in position order, so the old ones are the first positions: walking the primary key from
  // the start finds them without an index on the time (one index less to write for every event).
  const events = await db.$executeRaw`
    DELETE FROM "Event" WHERE position IN (
      SELECT position FROM "Event" WHERE position < coalesce(
        (SELECT position FROM "Event" WHERE "recordedAt" >= now() - make_interval(days => ${eventRetentionDays()}) ORDER BY position LIMIT 1),
        (SELECT max(position) + 1 FROM "Event"))
      ORDER BY position LIMIT ${batch})`;
  const outbox = await db.$executeRaw`
    DELETE FROM "OutboxEvent" WHERE id IN (
      SELECT id FROM "OutboxEvent" WHERE "publishedAt" < now() - make_interval(days => ${PUBLISHED_OUTBOX_DAYS}) ORDER BY id LIMIT ${batch})`;
  return events + outbox;
}
