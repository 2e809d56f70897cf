import { apiRoute } from "@/lib/http/api-route";
import { listWebhookDeliveries } from "@/lib/webhooks/list-deliveries";
import { listWebhookDeliveriesOp } from "@/lib/webhooks/operations";

export const GET = apiRoute(listWebhookDeliveriesOp, ({ db, actor, params, query }) => listWebhookDeliveries(db, actor, params.id, query));
