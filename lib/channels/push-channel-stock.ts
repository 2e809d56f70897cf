/**
 * Stock out: every dirty SKU of a channel gets the channel's sellable quantity (./sellable-quantity.ts over its
 * sites, the one availability rule) set on the platform. Coalesced by construction: a SKU is one dirty row however
 * many movements marked it, and its quantity is read when pushed, so the last push is always right. A row is
 * clean again only if nothing marked it after the push read its stock.
 *
 * Shopify gets compare-and-swap (changeFromQuantity = what we last pushed or read); a stale compare re-reads the
 * platform and tries again, never overwriting blindly. Failures stay dirty with `retryAfter` (the platform's own
 * Retry-After when it gave one) and are logged on the channel.
 */
import { AVAILABLE_OF_LEVEL } from "../availability/availability-rule";
import type { Db } from "../db/client";
import type { Channel } from "../db/generated/client";
import { logChannel } from "./channel-log";
import { markChangedSkus, skipWhenNoChannelActive } from "./mark-changed-skus";
import { claimPushLease, releasePushLease } from "./push-lease";
import { PlatformError, type PlatformIo } from "./platform-http";
import { platformOf } from "./platform-of";
import { sellableQuantity } from "./sellable-quantity";
import type { SetEntry, ShopPlatform } from "./shop-platform";

export type PushOptions = { io?: PlatformIo; channelId?: string };

const ROWS_PER_PASS = 250;
const CAS_ROUNDS = 3;
const NOT_FOUND_RETRY_MS = 24 * 3_600_000;
const REFUSED_RETRY_MS = 5 * 60_000;
const FAILED_RETRY_MS = 60_000;
const HELD_ELSEWHERE_RETRY_MS = 1_000;

type DirtyRow = {
  id: string;
  itemId: string;
  sku: string;
  platformId: string | null;
  lastKnownPlatformQuantity: number | null;
  dirtySince: Date;
};

/**
 * Marks what the event log says changed, then pushes every channel's due dirty SKUs. Answers how many SKUs were
 * set on a platform and when a failed one is due again (null when nothing waits).
 */
export async function pushChannelStock(db: Db, options: PushOptions = {}): Promise<{ pushed: number; nextDueAt: Date | null }> {
  const now = options.io?.now ?? (() => new Date());
  if (!options.channelId && (await skipWhenNoChannelActive(db))) return { pushed: 0, nextDueAt: null };
  await markChangedSkus(db);
  const channels = await db.channel.findMany({ where: { active: true, ...(options.channelId ? { id: options.channelId } : {}) } });
  let pushed = 0;
  const heldElsewhere: string[] = [];
  for (const channel of channels) {
    const lease = await claimPushLease(db, channel.id, now());
    if (!lease) {
      heldElsewhere.push(channel.id);
      continue;
    }
    try {
      pushed += await pushChannel(db, channel, options.io ?? {});
    } catch (error) {
      console.error(`channel ${channel.name}: push failed`, error);
      await logChannel(db, channel.id, "error", `Push failed: ${(error as Error).message}`);
    } finally {
      await releasePushLease(db, channel.id, lease);
    }
  }
  const waiting = {
    dirtySince: { not: null },
    channel: { active: true },
    channelId: { ...(options.channelId ? { equals: options.channelId } : {}), notIn: heldElsewhere },
  };
  const next = await db.channelSku.aggregate({ where: waiting, _min: { retryAfter: true } });
  // Still due now: more rows than one pass takes, or marked while this pass ran.
  const due = await db.channelSku.count({ where: { ...waiting, OR: [{ retryAfter: null }, { retryAfter: { lte: now() } }] } });
  if (due > 0) return { pushed, nextDueAt: now() };
  // A channel another process is pushing: look again soon, in case that process stops before it is done.
  const soon = heldElsewhere.length > 0 ? new Date(now().getTime() + HELD_ELSEWHERE_RETRY_MS) : null;
  const retry = next._min.retryAfter ?? null;
  return { pushed, nextDueAt: soon && (!retry || soon < retry) ? soon : retry };
}

/** SKUs looked up by SKU at the shop in one pass of one channel. */
const LOOKUPS_PER_PASS = 20;

async function pushChannel(db: Db, channel: Channel, io: PlatformIo): Promise<number> {
  const now = io.now ?? (() => new Date());
  const rows = await db.$queryRaw<DirtyRow[]>`
    SELECT cs.id, cs."itemId", i.sku, cs."platformId", cs."lastKnownPlatformQuantity", cs."dirtySince"
    FROM "ChannelSku" cs JOIN "Item" i ON i.id = cs."itemId"
    WHERE cs."channelId" = ${channel.id}::uuid AND cs."dirtySince" IS NOT NULL AND (cs."retryAfter" IS NULL OR cs."retryAfter" <= ${now()})
    ORDER BY cs."platformId" IS NULL, cs."dirtySince" LIMIT ${ROWS_PER_PASS}`;
  if (rows.length === 0) return 0;
  const platform = platformOf(channel, io);
  // SKUs the shop is known to list go first: looking up unmatched ones by SKU (one call each, on a new channel
  // every SKU the site ever moved) must not hold back the push of a mapped one.
  const known = rows.filter((r) => r.platformId !== null);
  const unknown = rows.filter((r) => r.platformId === null);
  let pushed = await pushMapped(db, channel, platform, known, io);
  // A few lookups a pass keep each pass short, so a change marked meanwhile is pushed in the next one, seconds later.
  const lookups = unknown.slice(0, LOOKUPS_PER_PASS);
  if (lookups.length > 0) pushed += await pushMapped(db, channel, platform, await withPlatformIds(db, channel, platform, lookups, now), io);
  return pushed;
}

/** Pushes rows whose platform ids are known, by compare-and-swap, retrying stale ones after a re-read. */
async function pushMapped(db: Db, channel: Channel, platform: ShopPlatform, mapped: DirtyRow[], io: PlatformIo): Promise<number> {
  const now = io.now ?? (() => new Date());
  if (mapped.length === 0) return 0;
  const sellable = await sellableOf(
    db,
    channel,
    mapped.map((r) => r.itemId),
  );

  const unchanged = mapped.filter((r) => r.lastKnownPlatformQuantity === sellable.get(r.itemId));
  for (const row of unchanged) await settle(db, row, { lastKnownPlatformQuantity: row.lastKnownPlatformQuantity });
  let pending = mapped.filter((r) => !unchanged.includes(r));
  let pushed = 0;
  try {
    if (platform.kind === "shopify") await readUnknown(db, platform, pending);
    for (let round = 0; round < CAS_ROUNDS && pending.length > 0; round++) {
      const entries: SetEntry[] = pending.map((r) => ({
        platformId: r.platformId!,
        quantity: sellable.get(r.itemId)!,
        changeFrom: r.lastKnownPlatformQuantity,
      }));
      const outcomes = await platform.setQuantities(entries);
      const stale: DirtyRow[] = [];
      const again: DirtyRow[] = [];
      for (const row of pending) {
        const outcome = outcomes.find((o) => o.platformId === row.platformId) ?? { status: "notApplied" as const };
        if (outcome.status === "set") {
          pushed++;
          await settle(db, row, { lastPushedQuantity: outcome.quantity, lastKnownPlatformQuantity: outcome.quantity, lastPushedAt: now() });
        } else if (outcome.status === "stale") stale.push(row);
        else if (outcome.status === "notApplied") again.push(row);
        else await failRow(db, channel, row, outcome.message, new Date(now().getTime() + REFUSED_RETRY_MS));
      }
      if (stale.length) {
        await logChannel(
          db,
          channel.id,
          "warn",
          `The shop's quantity changed meanwhile for ${stale.map((r) => r.sku).join(", ")}: re-read and retried`,
        );
        await readQuantitiesInto(db, platform, stale);
      }
      pending = [...stale, ...again];
    }
    for (const row of pending)
      await failRow(db, channel, row, "The shop's quantity kept changing; tried again later", new Date(now().getTime() + FAILED_RETRY_MS));
  } catch (error) {
    if (!(error instanceof PlatformError)) throw error;
    const retryAt = error.retryAt ?? new Date(now().getTime() + FAILED_RETRY_MS);
    await logChannel(db, channel.id, "error", error.message, { status: error.status, body: error.body, retryAt });
    await db.channelSku.updateMany({
      where: { id: { in: pending.map((r) => r.id) } },
      data: { lastError: error.message.slice(0, 500), retryAfter: retryAt },
    });
  }
  return pushed;
}

/** Rows with a platform id, looking up by SKU (once: a miss is remembered for a day) those without one. */
async function withPlatformIds(db: Db, channel: Channel, platform: ShopPlatform, rows: DirtyRow[], now: () => Date): Promise<DirtyRow[]> {
  const mapped: DirtyRow[] = [];
  for (const row of rows) {
    if (row.platformId) {
      mapped.push(row);
      continue;
    }
    try {
      const platformId = await platform.findBySku(row.sku);
      if (platformId) {
        await db.channelSku.update({ where: { id: row.id }, data: { platformId } });
        mapped.push({ ...row, platformId });
      } else {
        await failRow(db, channel, row, `The shop has no product with the SKU ${row.sku}`, new Date(now().getTime() + NOT_FOUND_RETRY_MS), "warn");
      }
    } catch (error) {
      if (!(error instanceof PlatformError)) throw error;
      await failRow(db, channel, row, `Looking up ${row.sku}: ${error.message}`, error.retryAt ?? new Date(now().getTime() + FAILED_RETRY_MS));
    }
  }
  return mapped;
}

/** Σ available over the channel's sites less its buffer, per item. */
export async function sellableOf(db: Db, channel: Channel, itemIds: string[]): Promise<Map<string, number>> {
  const rows = await db.$queryRaw<{ itemId: string; available: number }[]>`
    SELECT s."itemId", SUM(${AVAILABLE_OF_LEVEL})::int AS available
    FROM "StockLevel" s JOIN "Location" loc ON loc.id = s."locationId" LEFT JOIN "Lot" lot ON lot.id = s."lotId"
    WHERE s."itemId" = ANY(${itemIds}::uuid[]) AND loc."siteId" = ANY(${channel.siteIds}::uuid[])
    GROUP BY s."itemId"`;
  const buffer = { units: channel.bufferUnits, percent: channel.bufferPercent };
  return new Map(itemIds.map((id) => [id, sellableQuantity(rows.find((r) => r.itemId === id)?.available ?? 0, buffer)]));
}

/** Compare-and-swap needs a starting point: what the platform holds now, for rows that never pushed or read. */
async function readUnknown(db: Db, platform: ShopPlatform, rows: DirtyRow[]) {
  const unknown = rows.filter((r) => r.lastKnownPlatformQuantity === null);
  if (unknown.length) await readQuantitiesInto(db, platform, unknown);
}

async function readQuantitiesInto(db: Db, platform: ShopPlatform, rows: DirtyRow[]) {
  const read = await platform.readQuantities(rows.map((r) => r.platformId!));
  for (const row of rows) {
    row.lastKnownPlatformQuantity = read.get(row.platformId!) ?? null;
    await db.channelSku.update({ where: { id: row.id }, data: { lastKnownPlatformQuantity: row.lastKnownPlatformQuantity } });
  }
}

/** Done: clean unless something marked the row after this push read it. */
async function settle(db: Db, row: DirtyRow, data: { lastPushedQuantity?: number; lastKnownPlatformQuantity: number | null; lastPushedAt?: Date }) {
  await db.channelSku.update({ where: { id: row.id }, data: { ...data, lastError: null, retryAfter: null } });
  await db.channelSku.updateMany({ where: { id: row.id, dirtySince: row.dirtySince }, data: { dirtySince: null } });
}

async function failRow(db: Db, channel: Channel, row: DirtyRow, message: string, retryAfter: Date, level: "warn" | "error" = "error") {
  await db.channelSku.update({ where: { id: row.id }, data: { lastError: message.slice(0, 500), retryAfter } });
  await logChannel(db, channel.id, level, message, { sku: row.sku });
}
