// Appends events to the event log as the relay does (lib/events), and queues their webhook deliveries in the
// same transaction, so webhook tests do not depend on the relay.
import { randomUUID } from "node:crypto";
import type { Db } from "../../lib/db/client";
import { relayOutboxOnce, type AfterEventsWritten } from "../../lib/events/relay-outbox";
import { queueWebhookDeliveries } from "../../lib/webhooks/queue-deliveries";

export type EventSpec = { type: string; subject: string; data?: unknown; site?: string | null };

export async function appendEvents(db: Db, specs: EventSpec[]) {
  return db.$transaction(async (tx) => {
    const last = await tx.event.aggregate({ _max: { position: true } });
    const after = last._max.position ?? 0n;
    const rows = [];
    for (const spec of specs) {
      const previous = await tx.event.aggregate({ where: { subject: spec.subject }, _max: { sequence: true } });
      rows.push(
        await tx.event.create({
          data: {
            id: randomUUID(),
            type: spec.type,
            subject: spec.subject,
            sequence: (previous._max.sequence ?? 0) + 1,
            occurredAt: new Date(),
            site: spec.site ?? null,
            outboxId: 0n,
            data: (spec.data ?? { note: spec.subject }) as object,
          },
        }),
      );
    }
    const upTo = rows.length ? rows[rows.length - 1].position : after;
    const queued = await queueWebhookDeliveries(tx, after, upTo);
    return { events: rows, queued };
  });
}

/** Publishes the whole outbox into the event log, as the relay stage does, pass after pass until it is empty. */
export async function relayAll(db: Db, afterWritten?: AfterEventsWritten) {
  for (;;) {
    const pass = await relayOutboxOnce(db, afterWritten);
    if (!pass.locked && pass.rows === 0) return;
  }
}
