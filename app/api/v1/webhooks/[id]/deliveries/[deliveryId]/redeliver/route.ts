import { apiRoute } from "@/lib/http/api-route";
import { redeliverWebhookOp } from "@/lib/webhooks/operations";
import { redeliverWebhook } from "@/lib/webhooks/redeliver-webhook";

export const POST = apiRoute(redeliverWebhookOp, ({ db, actor, params }) => redeliverWebhook(db, actor, params.id, params.deliveryId));
