import { z } from "zod";
import { defineOperation } from "../contract/operation";
import { channelInput, channelPatch, channelSyncAnswer, channelView } from "./schemas";

const channelId = z.object({ id: z.string().describe("The channel's id") });

export const createChannelOp = defineOperation({
  id: "createChannel",
  method: "POST",
  path: "/api/v1/channels",
  tag: "Channels",
  permission: "channels.manage",
  status: 201,
  summary: "Connect an online shop (Shopify or WooCommerce) fed by some sites",
  description:
    "`credentials` is `{ accessToken }` for Shopify and `{ consumerKey, consumerSecret }` for WooCommerce; they and `webhookSecret` are stored encrypted and never returned. The shop is offered Σ available over `sites` less the buffer (units + ⌈available × percent / 100⌉), never below zero. Point the shop's order webhooks at `webhookUrl`.",
  body: channelInput,
  response: channelView,
});

export const listChannelsOp = defineOperation({
  id: "listChannels",
  method: "GET",
  path: "/api/v1/channels",
  tag: "Channels",
  permission: "channels.manage",
  summary: "Every channel, by name",
  response: z.object({ data: z.array(channelView) }),
});

export const getChannelOp = defineOperation({
  id: "getChannel",
  method: "GET",
  path: "/api/v1/channels/{id}",
  tag: "Channels",
  permission: "channels.manage",
  summary: "One channel (without its credentials)",
  params: channelId,
  response: channelView,
  problems: ["not_found"],
});

export const updateChannelOp = defineOperation({
  id: "updateChannel",
  method: "PATCH",
  path: "/api/v1/channels/{id}",
  tag: "Channels",
  permission: "channels.manage",
  summary: "Change a channel: sites, buffer, credentials, SKU map, or pause it (`active: false`)",
  params: channelId,
  body: channelPatch,
  response: channelView,
  problems: ["not_found"],
});

export const deleteChannelOp = defineOperation({
  id: "deleteChannel",
  method: "DELETE",
  path: "/api/v1/channels/{id}",
  tag: "Channels",
  permission: "channels.manage",
  summary: "Disconnect a channel; its orders stay",
  params: channelId,
  response: z.object({ id: z.string(), deleted: z.literal(true) }),
  problems: ["not_found"],
});

export const pushChannelOp = defineOperation({
  id: "pushChannel",
  method: "POST",
  path: "/api/v1/channels/{id}/push",
  tag: "Channels",
  permission: "channels.manage",
  summary: "Push the channel's due quantities now",
  params: channelId,
  response: z.object({ pushed: z.number().int(), nextDueAt: z.string().nullable() }),
  problems: ["not_found"],
});

export const reconcileChannelOp = defineOperation({
  id: "reconcileChannel",
  method: "POST",
  path: "/api/v1/channels/{id}/reconcile",
  tag: "Channels",
  permission: "channels.manage",
  summary: "Read every quantity the shop shows, record the drift from Stockroom's, and push the right ones",
  params: channelId,
  response: channelSyncAnswer,
  problems: ["not_found", "shop_unreachable"],
});

export const receiveChannelWebhookOp = defineOperation({
  id: "receiveChannelWebhook",
  method: "POST",
  path: "/api/v1/channels/{id}/webhook",
  tag: "Channels",
  permission: "signature",
  summary: "The shop's order webhooks, authenticated by their signature",
  description:
    "Shopify `orders/create`, `orders/cancelled` (`X-Shopify-Hmac-Sha256`, `X-Shopify-Topic`, `X-Shopify-Webhook-Id`); WooCommerce `order.created`, `order.updated` (`X-WC-Webhook-Signature`, `X-WC-Webhook-Topic`, `X-WC-Webhook-Delivery-ID`). The signature is base64 HMAC-SHA256 of the raw body under the channel's webhook secret; a bad or missing one is 401 and nothing is written. A redelivered webhook id answers `replayed` and creates nothing.",
  params: channelId,
  response: z.object({
    outcome: z.enum(["created", "cancelled", "replayed", "ignored"]),
    order: z.string().nullable().describe("The Stockroom order's number"),
  }),
});
