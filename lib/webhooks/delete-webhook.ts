import type { Actor } from "../auth/actor";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/client";
import { isUuid } from "../db/is-uuid";
import { unitOfWork } from "../db/unit-of-work";
import { NotFound } from "../domain-error";
import { authorizeWebhooks } from "./authorize-webhooks";
import { findWebhookView } from "./list-webhooks";
import type { WebhookView } from "./schemas";

/** Deletes a webhook and its delivery log; nothing more is sent to it. */
export async function deleteWebhook(db: Db, actor: Actor, id: string): Promise<WebhookView> {
  authorizeWebhooks(actor);
  if (!isUuid(id)) throw new NotFound("Webhook", id);
  return unitOfWork(db, async (tx) => {
    const before = await findWebhookView(tx, id);
    if (!before) throw new NotFound("Webhook", id);
    const deleted = await tx.webhookEndpoint.deleteMany({ where: { id } });
    // Two admins deleting at once: only the one that deleted it audits it; the other sees it gone.
    if (deleted.count === 0) throw new NotFound("Webhook", id);
    await recordAudit(tx, actor, { action: "webhook.delete", entityType: "webhook", entityId: id, before });
    return before;
  });
}
