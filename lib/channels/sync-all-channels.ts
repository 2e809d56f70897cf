import type { Db } from "../db/client";
import { pollChannelOrders } from "./poll-channel-orders";
import { reconcileChannel } from "./reconcile-channel";

/**
 * For the background jobs: each active channel in turn, one channel's trouble logged and the rest carried on.
 * Safe in every process at once: a poll creates an order once per platform order (reference unique per
 * channel), and a reconcile pushes by compare-and-swap.
 */
async function eachChannel(db: Db, what: string, work: (channelId: string) => Promise<unknown>): Promise<number> {
  const channels = await db.channel.findMany({ where: { active: true }, select: { id: true, name: true } });
  for (const channel of channels) {
    try {
      await work(channel.id);
    } catch (error) {
      console.error(`channel ${channel.name}: ${what} failed`, error);
    }
  }
  return channels.length;
}

/** Orders a shop's webhooks did not bring (missed while Stockroom was down): fetched since the last poll. */
export function pollAllChannelOrders(db: Db) {
  return eachChannel(db, "polling orders", (id) => pollChannelOrders(db, id));
}

/** The nightly full comparison of every mapped SKU with the shop's own quantity, drift pushed right. */
export function reconcileAllChannels(db: Db) {
  return eachChannel(db, "reconciling", (id) => reconcileChannel(db, id));
}
