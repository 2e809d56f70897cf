import type { DbTx } from "../db/client";
import { markEventsQueued } from "../db/commit-signal";
import type { Prisma } from "../db/generated/client";

export type OutboxEventInput = { type: string; siteId?: string | null; aggregateId?: string; payload: unknown };

/**
 * Queues an event for other services. Call it inside the transaction that makes the change: the event exists
 * exactly when the change does, and a relay publishes it afterwards.
 */
export async function enqueueEvent(tx: DbTx, event: OutboxEventInput) {
  markEventsQueued(tx);
  await tx.outboxEvent.create({
    data: {
      type: event.type,
      siteId: event.siteId ?? null,
      aggregateId: event.aggregateId ?? null,
      payload: JSON.parse(JSON.stringify(event.payload)) as Prisma.InputJsonValue,
    },
  });
}
