import { afterEach, describe, expect, it } from "vitest";
import { buildWooChannel, relayAll } from "../../tests/factories/channels";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getDb } from "../db/client";
import { postMovement } from "../ledger/post-movement";
import { getChannelOverview } from "./channel-overview";
import { markChangedSkus } from "./mark-changed-skus";
import { pushChannelStock } from "./push-channel-stock";
import { reconcileChannel } from "./reconcile-channel";

const db = getDb();
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

const noSleep = () => {
  const waits: number[] = [];
  return { waits, io: { sleep: async (ms: number) => void waits.push(ms) } };
};

async function woo() {
  const built = await buildWooChannel(db);
  closers.push(built.shop.close);
  const receive = (sku: string, quantity: number, to = built.w.bins.a1.code) =>
    postMovement(db, SYSTEM_ACTOR, { kind: "receive", sku, quantity, to, reason: "received" });
  return { ...built, receive };
}

describe("pushChannelStock to WooCommerce", () => {
  it("sets stock on products and variations in batches, finding an unmapped SKU once and remembering it", async () => {
    const s = await woo();
    await s.receive(s.w.items.plain.sku, 4);
    await s.receive(s.w.items.solvent.sku, 2, s.w.bins.cage.code);
    await relayAll(db);
    await pushChannelStock(db, { channelId: s.channel.id, io: noSleep().io });
    // A variation: lot-tracked item, received with a lot.
    await postMovement(db, SYSTEM_ACTOR, {
      kind: "receive",
      sku: s.w.items.lotted.sku,
      quantity: 7,
      to: s.w.bins.a1.code,
      lot: "L1",
      expiresAt: "2030-01-31",
      reason: "received",
    });
    await s.receive(s.w.items.solvent.sku, 1, s.w.bins.cage.code);
    await relayAll(db);
    await pushChannelStock(db, { channelId: s.channel.id, io: noSleep().io });

    expect(s.shop.stock(s.simpleId)).toBe(4);
    expect(s.shop.stock(s.unmappedId)).toBe(3);
    expect(s.shop.stock(Number(s.variation.split(":")[1]))).toBe(7);
    const lookups = s.shop.calls.filter((c) => c.method === "GET" && c.path.startsWith("/products?sku="));
    expect(lookups).toHaveLength(1);
    const batches = s.shop.calls.filter((c) => c.method === "POST");
    expect(batches.map((c) => c.path)).toContain(`/products/${s.variation.split(":")[0]}/variations/batch`);
    expect(batches[0].body).toMatchObject({ update: expect.arrayContaining([{ id: s.simpleId, manage_stock: true, stock_quantity: 4 }]) });
  });

  it("logs a SKU the shop does not have and pushes the others", async () => {
    const s = await woo();
    await s.receive(s.w.items.plain.sku, 2);
    await db.item.update({
      where: { id: s.w.items.solvent.id },
      data: { sku: `${s.w.items.solvent.sku}-X`, skuKey: `${s.w.items.solvent.sku}-x`.toLowerCase() },
    });
    await postMovement(db, SYSTEM_ACTOR, {
      kind: "receive",
      sku: `${s.w.items.solvent.sku}-X`,
      quantity: 1,
      to: s.w.bins.cage.code,
      reason: "received",
    });
    await relayAll(db);
    await pushChannelStock(db, { channelId: s.channel.id, io: noSleep().io });

    expect(s.shop.stock(s.simpleId)).toBe(2);
    const log = await db.channelLog.findMany({ where: { channelId: s.channel.id } });
    expect(log.some((l) => l.message.includes(`no product with the SKU ${s.w.items.solvent.sku}-X`))).toBe(true);
  });

  it("waits out a 429 with the Retry-After the host sends", async () => {
    const s = await woo();
    await s.receive(s.w.items.plain.sku, 5);
    await relayAll(db);
    s.shop.answerTooManyRequests("3");
    const time = noSleep();
    await pushChannelStock(db, { channelId: s.channel.id, io: time.io });
    expect(time.waits).toEqual([3_000]);
    expect(s.shop.stock(s.simpleId)).toBe(5);
  });
});

describe("getChannelOverview", () => {
  it("shows Stockroom's quantity beside the shop's last-known one and flags the drift", async () => {
    const s = await woo();
    await s.receive(s.w.items.plain.sku, 4);
    await relayAll(db);
    await pushChannelStock(db, { channelId: s.channel.id, io: noSleep().io });
    await s.receive(s.w.items.plain.sku, 1);
    await relayAll(db);
    await markChangedSkus(db);

    const { skus } = await getChannelOverview(db, SYSTEM_ACTOR, s.channel.id);
    expect(skus.find((r) => r.sku === s.w.items.plain.sku)).toMatchObject({
      stockroomQuantity: 5,
      lastKnownPlatformQuantity: 4,
      isDrifted: true,
      isDue: true,
    });
  });
});

describe("reconcileChannel", () => {
  it("records the shop's quantities, counts the drift and pushes the right ones", async () => {
    const s = await woo();
    await s.receive(s.w.items.plain.sku, 4);
    await relayAll(db);
    await pushChannelStock(db, { channelId: s.channel.id, io: noSleep().io });
    // Someone edits the stock in WordPress.
    await fetch(`${s.shop.url}/wp-json/wc/v3/products/batch`, {
      method: "POST",
      headers: { authorization: `Basic ${Buffer.from("ck_test:cs_test").toString("base64")}`, "content-type": "application/json" },
      body: JSON.stringify({ update: [{ id: s.simpleId, stock_quantity: 40 }] }),
    });

    const result = await reconcileChannel(db, s.channel.id, { io: noSleep().io });

    expect(result.drift).toBeGreaterThanOrEqual(1);
    expect(result.pushed).toBeGreaterThanOrEqual(1);
    expect(s.shop.stock(s.simpleId)).toBe(4);
    const row = await db.channelSku.findFirstOrThrow({ where: { channelId: s.channel.id, itemId: s.w.items.plain.id } });
    expect(row).toMatchObject({ lastKnownPlatformQuantity: 4, dirtySince: null });
  });
});
