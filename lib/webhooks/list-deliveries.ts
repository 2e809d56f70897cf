import type { Actor } from "../auth/actor";
import type { Db } from "../db/client";
import { isUuid } from "../db/is-uuid";
import { NotFound } from "../domain-error";
import { authorizeWebhooks } from "./authorize-webhooks";
import { deliveriesQuery, type DeliveriesQuery, type WebhookDeliveryView } from "./schemas";

type DeliveryRow = {
  id: string;
  eventId: string;
  eventType: string;
  eventPosition: bigint;
  status: WebhookDeliveryView["status"];
  attempts: number;
  nextAttemptAt: Date;
  lastAttemptAt: Date | null;
  responseStatus: number | null;
  responseMs: number | null;
  lastError: string | null;
  createdAt: Date;
};

export function toDeliveryView(row: DeliveryRow): WebhookDeliveryView {
  return {
    ...row,
    eventPosition: row.eventPosition.toString(),
    nextAttemptAt: row.status === "pending" ? row.nextAttemptAt.toISOString() : null,
    lastAttemptAt: row.lastAttemptAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** A webhook's deliveries, newest event first; `next` is the cursor of the following page. */
export async function listWebhookDeliveries(
  db: Db,
  actor: Actor,
  webhookId: string,
  query: DeliveriesQuery = {},
): Promise<{ data: WebhookDeliveryView[]; next: string | null }> {
  authorizeWebhooks(actor);
  const q = deliveriesQuery.parse(query);
  if (!isUuid(webhookId) || !(await db.webhookEndpoint.findUnique({ where: { id: webhookId }, select: { id: true } }))) {
    throw new NotFound("Webhook", webhookId);
  }
  const limit = q.limit ?? 100;
  const rows = await db.webhookDelivery.findMany({
    where: {
      endpointId: webhookId,
      ...(q.status ? { status: q.status } : {}),
      ...(q.cursor ? { eventPosition: { lt: BigInt(q.cursor) } } : {}),
    },
    orderBy: { eventPosition: "desc" },
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  return { data: page.map(toDeliveryView), next: rows.length > limit ? page[page.length - 1].eventPosition.toString() : null };
}
