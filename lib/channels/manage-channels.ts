import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import { recordAudit } from "../audit/record-audit";
import type { Db, DbTx } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import { isUuid } from "../db/is-uuid";
import { NotFound, ValidationFailed } from "../domain-error";
import { checkOutboundUrl } from "../outbound-urls/check-outbound-url";
import { allowsPrivateUrls } from "../settings/installation-settings";
import type { Channel } from "../db/generated/client";
import { encryptSecret } from "./channel-secrets";
import { channelInput, channelPatch, type ChannelInput, type ChannelPatch, type ChannelView } from "./schemas";

/**
 * Where a channel's baseUrl may point: http(s), and not a private or loopback address unless an admin allows
 * them (PATCH /api/v1/settings { allowPrivateUrls }), the same guard as webhooks.
 */
export async function assertChannelUrlAllowed(db: Db | DbTx, url: string): Promise<void> {
  await checkOutboundUrl(url, { allowPrivate: await allowsPrivateUrls(db), field: "baseUrl" });
}

export async function createChannel(db: Db, actor: Actor, input: ChannelInput): Promise<ChannelView> {
  authorize(actor, "channels.manage");
  const data = channelInput.parse(input);
  await assertChannelUrlAllowed(db, data.baseUrl);
  const siteIds = await siteIdsOf(db, data.sites);
  try {
    return await db.$transaction(async (tx) => {
      const channel = await tx.channel.create({
        data: {
          kind: data.kind,
          name: data.name,
          baseUrl: data.baseUrl.replace(/\/+$/, ""),
          credentials: encryptSecret(JSON.stringify(data.credentials)),
          webhookSecret: encryptSecret(data.webhookSecret),
          siteIds,
          bufferUnits: data.buffer?.units ?? 0,
          bufferPercent: data.buffer?.percent ?? 0,
          platformLocation: data.location ?? null,
          createdBy: actor.label,
        },
      });
      await mapSkus(tx, channel.id, data.skuMap ?? {});
      const view = await viewOf(tx, channel);
      await recordAudit(tx, actor, { action: "channel.create", entityType: "channel", entityId: channel.id, after: view });
      return view;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ValidationFailed([{ field: "name", message: `A channel is already named ${data.name}` }]);
    throw error;
  }
}

export async function updateChannel(db: Db, actor: Actor, id: string, patch: ChannelPatch): Promise<ChannelView> {
  authorize(actor, "channels.manage");
  const data = channelPatch.parse(patch);
  const before = await findChannel(db, id);
  if (data.baseUrl) await assertChannelUrlAllowed(db, data.baseUrl);
  if (data.credentials && "accessToken" in data.credentials !== (before.kind === "shopify"))
    throw new ValidationFailed([{ field: "credentials", message: `Give the ${before.kind} credentials` }]);
  const siteIds = data.sites ? await siteIdsOf(db, data.sites) : undefined;
  try {
    return await db.$transaction(async (tx) => {
      const beforeView = await viewOf(tx, before);
      const channel = await tx.channel.update({
        where: { id: before.id },
        data: {
          name: data.name,
          baseUrl: data.baseUrl?.replace(/\/+$/, ""),
          credentials: data.credentials ? encryptSecret(JSON.stringify(data.credentials)) : undefined,
          webhookSecret: data.webhookSecret ? encryptSecret(data.webhookSecret) : undefined,
          siteIds,
          bufferUnits: data.buffer?.units,
          bufferPercent: data.buffer?.percent,
          platformLocation: data.location,
          active: data.active,
        },
      });
      await mapSkus(tx, channel.id, data.skuMap ?? {});
      // What the shop is offered may have changed (sites, buffer): every known SKU is pushed again.
      if (siteIds || data.buffer || data.location || data.active)
        await tx.channelSku.updateMany({ where: { channelId: channel.id }, data: { dirtySince: new Date() } });
      const view = await viewOf(tx, channel);
      const secretsChanged = [data.credentials && "credentials", data.webhookSecret && "webhookSecret"].filter(Boolean);
      await recordAudit(tx, actor, {
        action: "channel.update",
        entityType: "channel",
        entityId: channel.id,
        before: beforeView,
        after: { ...view, ...(secretsChanged.length ? { secretsChanged } : {}) },
      });
      return view;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ValidationFailed([{ field: "name", message: `A channel is already named ${data.name}` }]);
    throw error;
  }
}

export async function deleteChannel(db: Db, actor: Actor, id: string): Promise<{ id: string; deleted: true }> {
  authorize(actor, "channels.manage");
  const channel = await findChannel(db, id);
  await db.$transaction(async (tx) => {
    const before = await viewOf(tx, channel);
    await tx.channel.delete({ where: { id: channel.id } });
    await recordAudit(tx, actor, { action: "channel.delete", entityType: "channel", entityId: channel.id, before });
  });
  return { id: channel.id, deleted: true };
}

export async function listChannels(db: Db, actor: Actor): Promise<{ data: ChannelView[] }> {
  authorize(actor, "channels.manage");
  const channels = await db.channel.findMany({ orderBy: { name: "asc" } });
  return { data: await Promise.all(channels.map((c) => viewOf(db, c))) };
}

export async function getChannel(db: Db, actor: Actor, id: string): Promise<ChannelView> {
  authorize(actor, "channels.manage");
  return viewOf(db, await findChannel(db, id));
}

export async function findChannel(db: Db | DbTx, id: string): Promise<Channel> {
  const channel = isUuid(id) ? await db.channel.findUnique({ where: { id } }) : null;
  if (!channel) throw new NotFound("Channel", id);
  return channel;
}

async function siteIdsOf(db: Db, codes: string[]): Promise<string[]> {
  const sites = await db.site.findMany({ where: { code: { in: codes } }, select: { id: true, code: true } });
  const missing = codes.filter((code) => !sites.some((s) => s.code === code));
  if (missing.length) throw new ValidationFailed(missing.map((code) => ({ field: "sites", message: `No site has the code ${code}` })));
  return sites.map((s) => s.id);
}

/** Remembers the platform ids the caller gave; each such SKU is due for a push. */
async function mapSkus(tx: DbTx, channelId: string, map: Record<string, string>) {
  const entries = Object.entries(map);
  if (entries.length === 0) return;
  const items = await tx.item.findMany({ where: { skuKey: { in: entries.map(([sku]) => sku.toLowerCase()) } }, select: { id: true, skuKey: true } });
  const missing = entries.filter(([sku]) => !items.some((i) => i.skuKey === sku.toLowerCase()));
  if (missing.length) throw new ValidationFailed(missing.map(([sku]) => ({ field: `skuMap.${sku}`, message: `No item has the SKU ${sku}` })));
  for (const [sku, platformId] of entries) {
    const itemId = items.find((i) => i.skuKey === sku.toLowerCase())!.id;
    const reset = { platformId, lastError: null, retryAfter: null, lastKnownPlatformQuantity: null, dirtySince: new Date() };
    await tx.channelSku.upsert({ where: { channelId_itemId: { channelId, itemId } }, create: { channelId, itemId, ...reset }, update: reset });
  }
}

async function viewOf(db: Db | DbTx, channel: Channel): Promise<ChannelView> {
  const [sites, mappedSkus] = await Promise.all([
    db.site.findMany({ where: { id: { in: channel.siteIds } }, select: { code: true }, orderBy: { code: "asc" } }),
    db.channelSku.count({ where: { channelId: channel.id, platformId: { not: null } } }),
  ]);
  return {
    id: channel.id,
    kind: channel.kind,
    name: channel.name,
    baseUrl: channel.baseUrl,
    sites: sites.map((s) => s.code),
    buffer: { units: channel.bufferUnits, percent: channel.bufferPercent },
    location: channel.platformLocation,
    active: channel.active,
    mappedSkus,
    webhookUrl: `/api/v1/channels/${channel.id}/webhook`,
    createdBy: channel.createdBy,
    createdAt: channel.createdAt.toISOString(),
  };
}
