import { z } from "zod";
import { defineOperation } from "../contract/operation";
import {
  createdWebhook,
  deliveriesQuery,
  deliveryIdParams,
  webhookDeliveryView,
  webhookIdParams,
  webhookInput,
  webhookPatch,
  webhookView,
} from "./schemas";

const TAG = "Webhooks";

export const listWebhooksOp = defineOperation({
  id: "listWebhooks",
  method: "GET",
  path: "/api/v1/webhooks",
  tag: TAG,
  permission: "webhooks.manage",
  summary: "Webhook endpoints, newest first (never their secrets)",
  response: z.object({ data: z.array(webhookView) }),
});

export const createWebhookOp = defineOperation({
  id: "createWebhook",
  method: "POST",
  path: "/api/v1/webhooks",
  tag: TAG,
  permission: "webhooks.manage",
  status: 201,
  summary: "Register a URL to hear events by Standard Webhooks; the signing secret is in this answer only",
  description:
    "Each event is POSTed as JSON with the headers `webhook-id` (the event's id), `webhook-timestamp` and `webhook-signature` (`v1,` + base64 HMAC-SHA256 keyed with the secret), so receivers verify it with the standardwebhooks or svix libraries. Failed deliveries are retried (about 5 s, 30 s, 2 min, 10 min … up to 8 h apart) for 24 hours; then the endpoint is disabled and admins are told. 422 on `url` for a URL reaching a private address unless settings allow it.",
  body: webhookInput,
  response: createdWebhook,
  secrets: ["secret"],
  problems: ["url_refused"],
});

export const getWebhookOp = defineOperation({
  id: "getWebhook",
  method: "GET",
  path: "/api/v1/webhooks/{id}",
  tag: TAG,
  permission: "webhooks.manage",
  summary: "One webhook endpoint",
  params: webhookIdParams,
  response: webhookView,
  problems: ["not_found"],
});

export const updateWebhookOp = defineOperation({
  id: "updateWebhook",
  method: "PATCH",
  path: "/api/v1/webhooks/{id}",
  tag: TAG,
  permission: "webhooks.manage",
  summary: "Change a webhook's URL, types or description, or enable or disable it",
  description: "Enabling an endpoint Stockroom disabled clears the reason; its pending deliveries then go out, oldest first.",
  params: webhookIdParams,
  body: webhookPatch,
  response: webhookView,
  problems: ["not_found", "url_refused"],
});

export const deleteWebhookOp = defineOperation({
  id: "deleteWebhook",
  method: "DELETE",
  path: "/api/v1/webhooks/{id}",
  tag: TAG,
  permission: "webhooks.manage",
  summary: "Delete a webhook endpoint and its delivery log",
  params: webhookIdParams,
  response: webhookView,
  problems: ["not_found"],
});

export const listWebhookDeliveriesOp = defineOperation({
  id: "listWebhookDeliveries",
  method: "GET",
  path: "/api/v1/webhooks/{id}/deliveries",
  tag: TAG,
  permission: "webhooks.manage",
  summary: "A webhook's deliveries, newest event first: status, attempts, the receiver's answer and how long it took",
  params: webhookIdParams,
  query: deliveriesQuery,
  response: z.object({ data: z.array(webhookDeliveryView), next: z.string().nullable() }),
  problems: ["not_found"],
});

export const redeliverWebhookOp = defineOperation({
  id: "redeliverWebhook",
  method: "POST",
  path: "/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver",
  tag: TAG,
  permission: "webhooks.manage",
  summary: "Send a delivered or failed event again, now, with the same webhook-id",
  description: "409 `delivery_pending` while the delivery is still pending.",
  params: deliveryIdParams,
  response: webhookDeliveryView,
  problems: ["not_found", "delivery_pending"],
});
