import type { DbTx } from "../db/client";

/**
 * Queues a pending delivery of every event with a position in (afterPosition, upToPosition] to every enabled
 * webhook that hears its type ("stock.changed", its family "stock.*", or "*"). Call it in the transaction that
 * inserts those events, so an event and its deliveries commit together and a crash loses neither. One statement;
 * a repeat of the same range queues nothing twice (unique endpoint and position). Returns how many it queued.
 *
 * Deliveries go out in position order per endpoint, so positions must be committed in order: one relay at a time.
 */
export async function queueWebhookDeliveries(tx: DbTx, afterPosition: bigint, upToPosition: bigint): Promise<number> {
  return tx.$executeRaw`
    INSERT INTO "WebhookDelivery" (id, "endpointId", "eventPosition", "eventId", "eventType", "nextAttemptAt", "createdAt")
    SELECT gen_random_uuid(), w.id, e.position, e.id, e.type, stamp.utc, stamp.utc
    -- Columns are UTC without a zone (as Prisma writes them), whatever the session's TimeZone.
    FROM (SELECT (now() AT TIME ZONE 'UTC')::timestamp(3) AS utc) stamp
    CROSS JOIN "Event" e
    JOIN "WebhookEndpoint" w
      ON w.enabled
     AND (e.type = ANY (w.types) OR '*' = ANY (w.types) OR split_part(e.type, '.', 1) || '.*' = ANY (w.types))
    WHERE e.position > ${afterPosition} AND e.position <= ${upToPosition}
    ON CONFLICT ("endpointId", "eventPosition") DO NOTHING`;
}
