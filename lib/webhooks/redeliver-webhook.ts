import type { Actor } from "../auth/actor";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/client";
import { isUuid } from "../db/is-uuid";
import { unitOfWork } from "../db/unit-of-work";
import { NotFound } from "../domain-error";
import { authorizeWebhooks } from "./authorize-webhooks";
import { DeliveryStillPending } from "./errors";
import { toDeliveryView } from "./list-deliveries";
import type { WebhookDeliveryView } from "./schemas";

/**
 * Sends a delivered or failed event again, due now, with a fresh round of retries. It keeps its event's place:
 * until it is delivered, later events of the endpoint wait behind it (order per item holds). 409 when still
 * pending, since it is going out anyway.
 */
export async function redeliverWebhook(db: Db, actor: Actor, webhookId: string, deliveryId: string): Promise<WebhookDeliveryView> {
  authorizeWebhooks(actor);
  if (!isUuid(webhookId) || !isUuid(deliveryId)) throw new NotFound("Delivery", deliveryId);
  return unitOfWork(db, async (tx) => {
    // Conditional on not pending: two admins pressing redeliver at once queue one delivery, not two.
    const changed = await tx.webhookDelivery.updateMany({
      where: { id: deliveryId, endpointId: webhookId, status: { not: "pending" } },
      data: { status: "pending", attempts: 0, nextAttemptAt: new Date() },
    });
    const row = await tx.webhookDelivery.findFirst({ where: { id: deliveryId, endpointId: webhookId } });
    if (!row) throw new NotFound("Delivery", deliveryId);
    if (changed.count === 0) throw new DeliveryStillPending(deliveryId);
    const after = toDeliveryView(row);
    await recordAudit(tx, actor, { action: "webhook.redeliver", entityType: "webhookDelivery", entityId: deliveryId, after });
    return after;
  });
}
