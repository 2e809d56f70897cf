/**
 * Reads the event log's `stock.changed` after the channels' cursor and marks each changed item dirty for every
 * active channel its site feeds. A burst of movements on one SKU becomes one dirty row, whatever its size: that is
 * where pushes are coalesced. Items not yet known to a channel get a row without a platform id (looked up by SKU
 * when pushed). The cursor moves in the transaction that marks, so a crash re-marks at worst (harmless).
 */
import type { Db } from "../db/client";

const CURSOR = "channels";
const BATCH = 10_000;

/** Marks what changed since the last call; answers how many events were read. */
export async function markChangedSkus(db: Db): Promise<number> {
  let read = 0;
  for (;;) {
    const batch = await db.$transaction(async (tx) => {
      await tx.$executeRaw`INSERT INTO "EventCursor" (name, position, "updatedAt") VALUES (${CURSOR}, 0, now()) ON CONFLICT (name) DO NOTHING`;
      // Locked: two processes marking at once would each read the same events (harmless) but race the cursor.
      const [cursor] = await tx.$queryRaw<{ position: bigint }[]>`SELECT position FROM "EventCursor" WHERE name = ${CURSOR} FOR UPDATE`;
      const [range] = await tx.$queryRaw<{ upTo: bigint | null; events: number }[]>`
        SELECT max(position) AS "upTo", count(*)::int AS events
        FROM (SELECT position FROM "Event" WHERE position > ${cursor.position} ORDER BY position LIMIT ${BATCH}) e`;
      if (range.upTo === null) return 0;
      // clock_timestamp(): each marking is later than the one a push read, so the push cannot clear a newer one.
      await tx.$executeRaw`
        INSERT INTO "ChannelSku" (id, "channelId", "itemId", "dirtySince")
        SELECT gen_random_uuid(), c.id, i.id, clock_timestamp()
        FROM (SELECT DISTINCT "siteId", lower(data->>'sku') AS "skuKey" FROM "Event"
              WHERE type = 'stock.changed' AND position > ${cursor.position} AND position <= ${range.upTo}) e
        JOIN "Item" i ON i."skuKey" = e."skuKey"
        JOIN "Channel" c ON c.active AND e."siteId" = ANY(c."siteIds")
        ON CONFLICT ("channelId", "itemId") DO UPDATE SET "dirtySince" = clock_timestamp()`;
      await tx.$executeRaw`UPDATE "EventCursor" SET position = ${range.upTo}, "updatedAt" = now() WHERE name = ${CURSOR}`;
      return range.events;
    });
    read += batch;
    if (batch < BATCH) return read;
  }
}

/**
 * With no active channel there is nothing to mark: one statement does what marking would then do (the cursor
 * moves to the log's end, created when new) and answers true, the pass done; with an active channel it does
 * nothing and answers false. The relay's channel stage runs after every relay pass, so an install without shops
 * would otherwise pay a marking transaction and the push's look-ups (ten statements) each time.
 */
export async function skipWhenNoChannelActive(db: Db): Promise<boolean> {
  const [{ skipped }] = await db.$queryRaw<{ skipped: boolean }[]>`
    WITH active AS (SELECT EXISTS (SELECT 1 FROM "Channel" WHERE active) AS "any"),
    moved AS (
      INSERT INTO "EventCursor" (name, position, "updatedAt")
      SELECT ${CURSOR}, COALESCE((SELECT max(position) FROM "Event"), 0), now() FROM active WHERE NOT active."any"
      ON CONFLICT (name) DO UPDATE SET position = EXCLUDED.position, "updatedAt" = now() WHERE "EventCursor".position < EXCLUDED.position
    )
    SELECT NOT "any" AS skipped FROM active`;
  return skipped;
}
