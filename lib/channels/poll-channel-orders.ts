/**
 * Closes the gap missed webhooks leave: the shop's orders changed since the last poll (Shopify `updated_at_min`,
 * WooCommerce `modified_after`) go through the same rules as a webhook. Safe to overlap: an order is unique per
 * channel and reference, and a cancelled one stays cancelled.
 */
import type { Db } from "../db/client";
import { logChannel } from "./channel-log";
import { ShopUnreachable } from "./errors";
import { findChannel } from "./manage-channels";
import { PlatformError, type PlatformIo } from "./platform-http";
import { platformOf } from "./platform-of";
import { shopifyOrderOf, wooOrderOf } from "./platform-orders";
import { applyPlatformOrder } from "./receive-channel-webhook";

/** Re-read a little before the last poll: the shop's clock and commit order are not ours. */
const OVERLAP_MS = 5 * 60_000;

export async function pollChannelOrders(
  db: Db,
  channelId: string,
  options: { io?: PlatformIo } = {},
): Promise<{ seen: number; created: number; cancelled: number }> {
  const channel = await findChannel(db, channelId);
  const startedAt = options.io?.now?.() ?? new Date();
  const since = new Date((channel.ordersPolledUpTo ?? channel.createdAt).getTime() - OVERLAP_MS);
  let orders: Record<string, unknown>[];
  try {
    orders = await platformOf(channel, options.io).listOrdersUpdatedSince(since);
  } catch (error) {
    if (!(error instanceof PlatformError)) throw error;
    await logChannel(db, channel.id, "error", `Polling orders failed: ${error.message}`, { status: error.status });
    throw new ShopUnreachable(channel.name, error.message);
  }
  let created = 0;
  let cancelled = 0;
  let failed = 0;
  for (const payload of orders) {
    const order = channel.kind === "shopify" ? shopifyOrderOf("", payload) : wooOrderOf("order.updated", payload);
    try {
      const { outcome } = await applyPlatformOrder(db, channel, order);
      if (outcome === "created") created++;
      if (outcome === "cancelled") cancelled++;
    } catch (error) {
      // One order Stockroom cannot take does not stop the others; the window stays open so it is tried again.
      failed++;
      await logChannel(db, channel.id, "error", `Polled order ${order.reference} failed: ${(error as Error).message}`);
    }
  }
  if (failed === 0) await db.channel.update({ where: { id: channel.id }, data: { ordersPolledUpTo: startedAt } });
  return { seen: orders.length, created, cancelled };
}
