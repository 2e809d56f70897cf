import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db } from "../db/client";
import { findChannel } from "./manage-channels";
import { pushChannelStock } from "./push-channel-stock";
import { reconcileChannel } from "./reconcile-channel";

/** "Push now" for a manager: every due SKU of the channel, at once. */
export async function pushChannelNow(db: Db, actor: Actor, id: string): Promise<{ pushed: number; nextDueAt: string | null }> {
  authorize(actor, "channels.manage");
  const channel = await findChannel(db, id);
  const { pushed, nextDueAt } = await pushChannelStock(db, { channelId: channel.id });
  return { pushed, nextDueAt: nextDueAt?.toISOString() ?? null };
}

/** "Reconcile" for a manager. */
export async function reconcileChannelNow(db: Db, actor: Actor, id: string) {
  authorize(actor, "channels.manage");
  return reconcileChannel(db, (await findChannel(db, id)).id);
}
