import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db } from "../db/client";
import { findChannel, getChannel } from "./manage-channels";
import { sellableOf } from "./push-channel-stock";
import type { ChannelView } from "./schemas";

export type ChannelSkuRow = {
  sku: string;
  name: string;
  platformId: string | null;
  /** What Stockroom offers the shop now (its sites' available less the buffer). */
  stockroomQuantity: number;
  lastPushedQuantity: number | null;
  lastKnownPlatformQuantity: number | null;
  /** The platform's last-known quantity is not Stockroom's. */
  isDrifted: boolean;
  isDue: boolean;
  lastError: string | null;
  lastPushedAt: Date | null;
};

export type ChannelOverview = {
  channel: ChannelView;
  skus: ChannelSkuRow[];
  log: { at: Date; level: string; message: string }[];
};

const SKU_ROWS = 500;
const LOG_LINES = 100;

/** The channel page: its SKUs, Stockroom's and the platform's quantity side by side, and the sync log. */
export async function getChannelOverview(db: Db, actor: Actor, id: string): Promise<ChannelOverview> {
  authorize(actor, "channels.manage");
  const channel = await findChannel(db, id);
  const [view, rows, log] = await Promise.all([
    getChannel(db, actor, id),
    db.channelSku.findMany({
      where: { channelId: channel.id },
      include: { item: { select: { sku: true, name: true } } },
      orderBy: { item: { skuKey: "asc" } },
      take: SKU_ROWS,
    }),
    db.channelLog.findMany({
      where: { channelId: channel.id },
      orderBy: { id: "desc" },
      take: LOG_LINES,
      select: { at: true, level: true, message: true },
    }),
  ]);
  const sellable = await sellableOf(
    db,
    channel,
    rows.map((r) => r.itemId),
  );
  return {
    channel: view,
    skus: rows.map((r) => {
      const stockroomQuantity = sellable.get(r.itemId) ?? 0;
      return {
        sku: r.item.sku,
        name: r.item.name,
        platformId: r.platformId,
        stockroomQuantity,
        lastPushedQuantity: r.lastPushedQuantity,
        lastKnownPlatformQuantity: r.lastKnownPlatformQuantity,
        isDrifted: r.lastKnownPlatformQuantity !== null && r.lastKnownPlatformQuantity !== stockroomQuantity,
        isDue: r.dirtySince !== null,
        lastError: r.lastError,
        lastPushedAt: r.lastPushedAt,
      };
    }),
    log,
  };
}
