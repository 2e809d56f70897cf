/**
 * Orders in: a shop's signed webhook becomes a Stockroom order (channel = the channel's name, reference = the
 * shop's order number) with its reservations, or cancels one. Authenticated by the signature alone: base64
 * HMAC-SHA256 of the raw body under the channel's webhook secret, compared in constant time; without it nothing
 * is written. The platform's webhook id is kept, so a redelivery creates nothing new (and createOrder is itself
 * idempotent per channel and reference).
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { Actor } from "../auth/actor";
import type { Db } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import { isUuid } from "../db/is-uuid";
import { Unauthenticated } from "../domain-error";
import type { Channel } from "../db/generated/client";
import { cancelOrder } from "../orders/cancel-order";
import { createOrder } from "../orders/create-order";
import { OrderStepRefused } from "../orders/errors";
import { decryptSecret } from "./channel-secrets";
import { logChannel } from "./channel-log";
import { shopifyOrderOf, wooOrderOf, type PlatformOrder } from "./platform-orders";

export type WebhookOutcome = { outcome: "created" | "cancelled" | "replayed" | "ignored"; order: string | null };

type HeaderReader = { get(name: string): string | null };

const HEADERS = {
  shopify: { signature: "x-shopify-hmac-sha256", topic: "x-shopify-topic", id: "x-shopify-webhook-id" },
  woocommerce: { signature: "x-wc-webhook-signature", topic: "x-wc-webhook-topic", id: "x-wc-webhook-delivery-id" },
} as const;

export async function receiveChannelWebhook(db: Db, channelId: string, headers: HeaderReader, rawBody: Uint8Array): Promise<WebhookOutcome> {
  const channel = isUuid(channelId) ? await db.channel.findUnique({ where: { id: channelId } }) : null;
  // An unknown channel answers as a bad signature does: the endpoint tells a stranger nothing.
  if (!channel) throw new Unauthenticated("The webhook's signature does not match");
  const names = HEADERS[channel.kind];
  if (!isSignedBy(decryptSecret(channel.webhookSecret), rawBody, headers.get(names.signature))) {
    throw new Unauthenticated("The webhook's signature does not match");
  }
  const topic = headers.get(names.topic) ?? "";
  const webhookId = headers.get(names.id) ?? `body:${createHash("sha256").update(rawBody).digest("hex")}`;
  const payload = parseObject(rawBody);
  if (!payload) return { outcome: "ignored", order: null }; // WooCommerce's ping on creation is a form body
  const order = channel.kind === "shopify" ? shopifyOrderOf(topic, payload) : wooOrderOf(topic, payload);
  if (order.action === "ignore") return { outcome: "ignored", order: null };

  try {
    await db.channelWebhookReceipt.create({ data: { channelId: channel.id, webhookId, topic } });
  } catch (error) {
    if (isUniqueViolation(error)) return { outcome: "replayed", order: null };
    throw error;
  }
  try {
    return await applyPlatformOrder(db, channel, order);
  } catch (error) {
    // Not done: forget the receipt so the platform's retry is processed.
    await db.channelWebhookReceipt.deleteMany({ where: { channelId: channel.id, webhookId } });
    throw error;
  }
}

export function isSignedBy(secret: string, body: Uint8Array, signature: string | null): boolean {
  if (!signature) return false;
  const expected = createHmac("sha256", secret).update(body).digest();
  const given = Buffer.from(signature.trim(), "base64");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function parseObject(raw: Uint8Array): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(raw));
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** A new order or a cancellation from the shop, however it arrived (webhook or poll). */
export async function applyPlatformOrder(db: Db, channel: Channel, order: PlatformOrder): Promise<WebhookOutcome> {
  if (order.action === "ignore") return { outcome: "ignored", order: null };
  return order.action === "create" ? takeOrder(db, channel, order) : cancelChannelOrder(db, channel, order);
}

/** The channel acts as a manager of its own sites: it allocates only from the stock it sells. */
function channelActor(channel: Channel): Actor {
  return { type: "system", id: `channel:${channel.id}`, label: `channel ${channel.name}`, role: "manager", sites: channel.siteIds };
}

async function takeOrder(db: Db, channel: Channel, order: PlatformOrder): Promise<WebhookOutcome> {
  const known = await db.item.findMany({
    where: { skuKey: { in: order.lines.flatMap((l) => (l.sku ? [l.sku.toLowerCase()] : [])) }, active: true },
    select: { sku: true, skuKey: true },
  });
  const quantities = new Map<string, number>();
  for (const line of order.lines) {
    const item = line.sku ? known.find((i) => i.skuKey === line.sku!.toLowerCase()) : undefined;
    if (!item || !(line.quantity > 0)) {
      await logChannel(
        db,
        channel.id,
        "warn",
        `Order ${order.reference}: no Stockroom item has the SKU ${line.sku ?? "(none)"}; line left out`,
        line,
      );
      continue;
    }
    quantities.set(item.sku, (quantities.get(item.sku) ?? 0) + Math.trunc(line.quantity));
  }
  if (quantities.size === 0) {
    await logChannel(db, channel.id, "warn", `Order ${order.reference} has no line Stockroom knows; no order made`);
    return { outcome: "ignored", order: null };
  }
  const created = await createOrder(db, channelActor(channel), {
    reference: order.reference,
    channel: channel.name,
    customer: order.customer,
    lines: [...quantities].map(([sku, quantity]) => ({ sku, quantity })),
    allowSplit: true,
  });
  return { outcome: created.replayed ? "replayed" : "created", order: created.number };
}

async function cancelChannelOrder(db: Db, channel: Channel, order: PlatformOrder): Promise<WebhookOutcome> {
  const found = await db.salesOrder.findUnique({
    where: { channel_reference: { channel: channel.name, reference: order.reference } },
    select: { id: true, number: true, status: true },
  });
  if (!found) {
    await logChannel(db, channel.id, "warn", `Order ${order.reference} was cancelled in the shop but Stockroom never had it`);
    return { outcome: "ignored", order: null };
  }
  if (found.status === "cancelled") return { outcome: "replayed", order: found.number };
  try {
    await cancelOrder(db, channelActor(channel), found.id, { note: "cancelled in the shop" });
  } catch (error) {
    if (!(error instanceof OrderStepRefused)) throw error;
    await logChannel(db, channel.id, "error", `Order ${found.number} was cancelled in the shop but is ${found.status} here: ${error.message}`);
    return { outcome: "ignored", order: found.number };
  }
  return { outcome: "cancelled", order: found.number };
}
