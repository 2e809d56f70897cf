import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import { WebhooksNeedEverySite } from "./errors";

/** Admins manage webhooks; one limited to some sites may not, since a webhook hears every site's events. */
export function authorizeWebhooks(actor: Actor): void {
  authorize(actor, "webhooks.manage");
  if (actor.sites !== "all") throw new WebhooksNeedEverySite();
}
