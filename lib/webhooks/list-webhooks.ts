import type { Actor } from "../auth/actor";
import type { Db, DbTx } from "../db/client";
import { isUuid } from "../db/is-uuid";
import { NotFound } from "../domain-error";
import { authorizeWebhooks } from "./authorize-webhooks";
import type { WebhookView } from "./schemas";

// Never the secret: it is shown once, when the webhook is created.
export const webhookColumns = {
  id: true,
  url: true,
  types: true,
  description: true,
  enabled: true,
  disabledAt: true,
  disabledReason: true,
  createdAt: true,
  createdBy: true,
} as const;

type WebhookRow = Omit<WebhookView, "disabledAt" | "createdAt"> & { disabledAt: Date | null; createdAt: Date };

export function toWebhookView(row: WebhookRow): WebhookView {
  return { ...row, disabledAt: row.disabledAt?.toISOString() ?? null, createdAt: row.createdAt.toISOString() };
}

export async function findWebhookView(db: Db | DbTx, id: string): Promise<WebhookView | null> {
  if (!isUuid(id)) return null;
  const row = await db.webhookEndpoint.findUnique({ where: { id }, select: webhookColumns });
  return row && toWebhookView(row);
}

export async function listWebhooks(db: Db, actor: Actor): Promise<WebhookView[]> {
  authorizeWebhooks(actor);
  const rows = await db.webhookEndpoint.findMany({ select: webhookColumns, orderBy: [{ createdAt: "desc" }, { id: "asc" }] });
  return rows.map(toWebhookView);
}

export async function getWebhook(db: Db, actor: Actor, id: string): Promise<WebhookView> {
  authorizeWebhooks(actor);
  const view = await findWebhookView(db, id);
  if (!view) throw new NotFound("Webhook", id);
  return view;
}
