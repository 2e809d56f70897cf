import type { Actor } from "../auth/actor";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/client";
import { isUuid } from "../db/is-uuid";
import { unitOfWork } from "../db/unit-of-work";
import { NotFound } from "../domain-error";
import { checkOutboundUrl } from "../outbound-urls/check-outbound-url";
import { allowsPrivateUrls } from "../settings/installation-settings";
import { authorizeWebhooks } from "./authorize-webhooks";
import { findWebhookView, toWebhookView, webhookColumns } from "./list-webhooks";
import { webhookPatch, type WebhookPatch, type WebhookView } from "./schemas";

/**
 * Changes a webhook's URL, types, description or whether it is enabled. Enabling clears why it was disabled;
 * the deliveries still pending then go out, oldest first. Disabling pauses it: events meanwhile are not queued.
 */
export async function updateWebhook(db: Db, actor: Actor, id: string, patch: WebhookPatch): Promise<WebhookView> {
  authorizeWebhooks(actor);
  const data = webhookPatch.parse(patch);
  if (data.url !== undefined) await checkOutboundUrl(data.url, { allowPrivate: await allowsPrivateUrls(db) });
  if (!isUuid(id)) throw new NotFound("Webhook", id);
  return unitOfWork(db, async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "WebhookEndpoint" WHERE id = ${id}::uuid FOR UPDATE`;
    const before = await findWebhookView(tx, id);
    if (!before) throw new NotFound("Webhook", id);
    const enabling = data.enabled === true && !before.enabled;
    const disabling = data.enabled === false && before.enabled;
    const row = await tx.webhookEndpoint.update({
      where: { id },
      data: {
        ...(data.url !== undefined ? { url: data.url } : {}),
        ...(data.types !== undefined ? { types: data.types } : {}),
        ...(data.description !== undefined ? { description: data.description } : {}),
        ...(enabling ? { enabled: true, disabledAt: null, disabledReason: null } : {}),
        ...(disabling ? { enabled: false, disabledAt: new Date(), disabledReason: `Disabled by ${actor.label}` } : {}),
      },
      select: webhookColumns,
    });
    const after = toWebhookView(row);
    await recordAudit(tx, actor, { action: "webhook.update", entityType: "webhook", entityId: id, before, after });
    return after;
  });
}
