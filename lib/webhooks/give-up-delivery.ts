import { SYSTEM_ACTOR } from "../auth/actor";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/client";
import { unitOfWork } from "../db/unit-of-work";
import { enqueueEvent } from "../outbox/enqueue-event";

type Attempt = { attempts: number; lastAttemptAt: Date; responseStatus: number | null; responseMs: number; lastError: string | null };

/**
 * After 24 hours of failed retries: the delivery has failed and the endpoint is disabled, so a dead receiver
 * stops holding up work; admins hear of it through the audit log and a `webhook.disabled` event. Its later
 * deliveries stay pending and go out, in order, when an admin enables it again.
 */
export async function giveUpDelivery(
  db: Db,
  delivery: { id: string; endpointId: string; eventId: string; attempts: number; url: string },
  attempt: Attempt,
): Promise<void> {
  await unitOfWork(db, async (tx) => {
    const failed = await tx.webhookDelivery.updateMany({
      where: { id: delivery.id, status: "pending", attempts: delivery.attempts },
      data: { ...attempt, status: "failed" },
    });
    if (failed.count === 0) return;
    const reason = `Every attempt for 24 hours failed to deliver event ${delivery.eventId}; last: ${attempt.lastError ?? "no answer"}`;
    const disabled = await tx.webhookEndpoint.updateMany({
      where: { id: delivery.endpointId, enabled: true },
      data: { enabled: false, disabledAt: attempt.lastAttemptAt, disabledReason: reason },
    });
    if (disabled.count === 0) return;
    const details = { webhookId: delivery.endpointId, url: delivery.url, deliveryId: delivery.id, eventId: delivery.eventId, reason };
    await recordAudit(tx, SYSTEM_ACTOR, { action: "webhook.disable", entityType: "webhook", entityId: delivery.endpointId, after: details });
    await enqueueEvent(tx, { type: "webhook.disabled", aggregateId: delivery.endpointId, payload: details });
  });
}
