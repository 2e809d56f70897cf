import { apiRoute } from "@/lib/http/api-route";
import { getWebhook } from "@/lib/webhooks/list-webhooks";
import { deleteWebhookOp, getWebhookOp, updateWebhookOp } from "@/lib/webhooks/operations";
import { deleteWebhook } from "@/lib/webhooks/delete-webhook";
import { updateWebhook } from "@/lib/webhooks/update-webhook";

export const GET = apiRoute(getWebhookOp, ({ db, actor, params }) => getWebhook(db, actor, params.id));

export const PATCH = apiRoute(updateWebhookOp, ({ db, actor, params, body }) => updateWebhook(db, actor, params.id, body));

export const DELETE = apiRoute(deleteWebhookOp, ({ db, actor, params }) => deleteWebhook(db, actor, params.id));
