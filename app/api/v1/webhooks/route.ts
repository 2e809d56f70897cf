import { apiRoute } from "@/lib/http/api-route";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { listWebhooks } from "@/lib/webhooks/list-webhooks";
import { createWebhookOp, listWebhooksOp } from "@/lib/webhooks/operations";

export const GET = apiRoute(listWebhooksOp, async ({ db, actor }) => ({ data: await listWebhooks(db, actor) }));

export const POST = apiRoute(createWebhookOp, ({ db, actor, body }) => createWebhook(db, actor, body));
