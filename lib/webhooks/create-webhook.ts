import type { Actor } from "../auth/actor";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/client";
import { unitOfWork } from "../db/unit-of-work";
import { checkOutboundUrl } from "../outbound-urls/check-outbound-url";
import { allowsPrivateUrls } from "../settings/installation-settings";
import { authorizeWebhooks } from "./authorize-webhooks";
import { toWebhookView, webhookColumns } from "./list-webhooks";
import { webhookInput, type CreatedWebhook, type WebhookInput } from "./schemas";
import { newWebhookSecret } from "./signing";
import { sealSigningSecret } from "./stored-secret";

/**
 * Registers a URL to hear events from now on. The secret is in this answer only (the API stores the answer of
 * an idempotent retry without it). Refuses a URL reaching a private address unless the installation allows it.
 */
export async function createWebhook(db: Db, actor: Actor, input: WebhookInput): Promise<CreatedWebhook> {
  authorizeWebhooks(actor);
  const data = webhookInput.parse(input);
  await checkOutboundUrl(data.url, { allowPrivate: await allowsPrivateUrls(db) });
  const secret = newWebhookSecret();
  return unitOfWork(db, async (tx) => {
    const row = await tx.webhookEndpoint.create({
      data: { url: data.url, types: data.types, description: data.description ?? null, secret: sealSigningSecret(secret), createdBy: actor.label },
      select: webhookColumns,
    });
    const view = toWebhookView(row);
    await recordAudit(tx, actor, { action: "webhook.create", entityType: "webhook", entityId: view.id, after: view });
    return { ...view, secret };
  });
}
