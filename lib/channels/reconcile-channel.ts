/**
 * A full comparison with the shop: every SKU with stock at the channel's sites (and every one already known) is
 * read from the platform, the platform's quantity recorded, and each that differs from Stockroom's sellable
 * quantity (drift) marked and pushed. For "reconcile" on the channel page and the nightly run.
 */
import type { Db } from "../db/client";
import { logChannel } from "./channel-log";
import { ShopUnreachable } from "./errors";
import { findChannel } from "./manage-channels";
import { PlatformError } from "./platform-http";
import { platformOf } from "./platform-of";
import { pushChannelStock, sellableOf, type PushOptions } from "./push-channel-stock";

const READ_CHUNK = 100;

export async function reconcileChannel(
  db: Db,
  channelId: string,
  options: Omit<PushOptions, "channelId"> = {},
): Promise<{ checked: number; drift: number; pushed: number }> {
  const channel = await findChannel(db, channelId);
  // SKUs stocked at the channel's sites but never changed since the channel was made get their row here.
  await db.$executeRaw`
    INSERT INTO "ChannelSku" (id, "channelId", "itemId")
    SELECT DISTINCT ON (s."itemId") gen_random_uuid(), ${channel.id}::uuid, s."itemId"
    FROM "StockLevel" s JOIN "Location" loc ON loc.id = s."locationId"
    WHERE loc."siteId" = ANY(${channel.siteIds}::uuid[]) AND s."onHand" > 0
    ON CONFLICT ("channelId", "itemId") DO NOTHING`;
  // Unmapped SKUs are looked up by the push; a lookup that failed is tried again now.
  await db.channelSku.updateMany({ where: { channelId: channel.id, platformId: null }, data: { dirtySince: new Date(), retryAfter: null } });

  const rows = await db.channelSku.findMany({
    where: { channelId: channel.id, platformId: { not: null } },
    select: { id: true, itemId: true, platformId: true },
  });
  const platform = platformOf(channel, options.io);
  const sellable = await sellableOf(
    db,
    channel,
    rows.map((r) => r.itemId),
  );
  let drift = 0;
  try {
    for (let i = 0; i < rows.length; i += READ_CHUNK) {
      const chunk = rows.slice(i, i + READ_CHUNK);
      const read = await platform.readQuantities(chunk.map((r) => r.platformId!));
      for (const row of chunk) {
        const onPlatform = read.get(row.platformId!) ?? null;
        const differs = onPlatform !== sellable.get(row.itemId);
        if (differs) drift++;
        await db.channelSku.update({
          where: { id: row.id },
          data: { lastKnownPlatformQuantity: onPlatform, ...(differs ? { dirtySince: new Date(), retryAfter: null } : {}) },
        });
      }
    }
  } catch (error) {
    if (!(error instanceof PlatformError)) throw error;
    await logChannel(db, channel.id, "error", `Reconcile could not read the shop: ${error.message}`, { status: error.status, body: error.body });
    throw new ShopUnreachable(channel.name, error.message);
  }
  await logChannel(db, channel.id, drift ? "warn" : "info", `Reconciled ${rows.length} SKUs: ${drift} differed from Stockroom`);
  const { pushed } = await pushChannelStock(db, { ...options, channelId: channel.id });
  return { checked: rows.length, drift, pushed };
}
