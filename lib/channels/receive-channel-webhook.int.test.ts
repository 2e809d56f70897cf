import { afterEach, describe, expect, it } from "vitest";
import * as webhookRoute from "../../app/api/v1/channels/[id]/webhook/route";
import { buildShopifyChannel, buildWooChannel } from "../../tests/factories/channels";
import { shopifyWebhookRequest } from "../../tests/contract-servers/shopify-contract-server";
import { wooWebhookRequest } from "../../tests/contract-servers/woocommerce-contract-server";
import { callRoute } from "../../tests/integration/api/call-route";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getAvailability } from "../availability/get-availability";
import { getDb } from "../db/client";
import { postMovement } from "../ledger/post-movement";
import { pollChannelOrders } from "./poll-channel-orders";

const db = getDb();
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});
let sequence = 0;

function deliver(channelId: string, request: { body: string; headers: Record<string, string> }) {
  return callRoute(webhookRoute.POST as never, {
    method: "POST",
    path: `/api/v1/channels/${channelId}/webhook`,
    params: { id: channelId },
    rawBody: request.body,
    headers: request.headers,
  });
}

async function shopifyShop() {
  const built = await buildShopifyChannel(db);
  closers.push(built.shop.close);
  const { w } = built;
  await postMovement(db, SYSTEM_ACTOR, { kind: "receive", sku: w.items.plain.sku, quantity: 10, to: w.bins.a1.code, reason: "received" });
  await postMovement(db, SYSTEM_ACTOR, { kind: "receive", sku: w.items.solvent.sku, quantity: 10, to: w.bins.cage.code, reason: "received" });
  const available = async (sku: string) => (await getAvailability(db, SYSTEM_ACTOR, { sku, site: w.site.code })).data[0];
  const orderId = 5_000_000 + sequence++;
  const order = {
    id: orderId,
    name: `#${orderId}`,
    email: "ada@example.com",
    customer: { first_name: "Ada", last_name: "Lovelace", email: "ada@example.com" },
    line_items: [
      { id: 1, sku: w.items.plain.sku, quantity: 3, title: "Plain" },
      { id: 2, sku: w.items.solvent.sku, quantity: 2, title: "Solvent" },
    ],
  };
  return { ...built, available, order };
}

const ordersOf = (channel: string) => db.salesOrder.findMany({ where: { channel }, include: { lines: { include: { reservations: true } } } });

describe("orders in from Shopify", () => {
  it("turns a signed orders/create into an order whose units are reserved", async () => {
    const s = await shopifyShop();
    const res = await deliver(s.channel.id, shopifyWebhookRequest(s.webhookSecret, "orders/create", "wh-1", s.order));

    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ outcome: "created", order: expect.stringMatching(/^SO-/) });
    const [order] = await ordersOf(s.channel.name);
    expect(order).toMatchObject({ reference: s.order.name, customerName: "Ada Lovelace", status: "allocated" });
    expect(order.lines.flatMap((l) => l.reservations.map((r) => [r.status, r.quantity])).sort()).toEqual([
      ["active", 2],
      ["active", 3],
    ]);
    expect(await s.available(s.w.items.plain.sku)).toMatchObject({ reserved: 3, available: 7 });
  });

  it("answers 401 to a bad or missing signature and writes nothing", async () => {
    const s = await shopifyShop();
    const forged = shopifyWebhookRequest("not-the-secret", "orders/create", "wh-2", s.order);
    const unsigned = shopifyWebhookRequest(s.webhookSecret, "orders/create", "wh-3", s.order);
    delete (unsigned.headers as Record<string, string>)["x-shopify-hmac-sha256"];

    for (const request of [forged, unsigned]) {
      const res = await deliver(s.channel.id, request);
      expect(res.status).toBe(401);
      expect(res.json).toMatchObject({ code: "unauthenticated" });
    }
    expect(await ordersOf(s.channel.name)).toHaveLength(0);
    expect(await db.channelWebhookReceipt.count({ where: { channelId: s.channel.id } })).toBe(0);
    expect(await s.available(s.w.items.plain.sku)).toMatchObject({ reserved: 0 });
  });

  it("creates nothing new when the same webhook is delivered again", async () => {
    const s = await shopifyShop();
    const request = shopifyWebhookRequest(s.webhookSecret, "orders/create", "wh-4", s.order);
    await deliver(s.channel.id, request);
    const again = await deliver(s.channel.id, request);

    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ outcome: "replayed" });
    expect(await ordersOf(s.channel.name)).toHaveLength(1);
    expect(await s.available(s.w.items.plain.sku)).toMatchObject({ reserved: 3 });
  });

  it("cancels the order and releases its units on orders/cancelled", async () => {
    const s = await shopifyShop();
    await deliver(s.channel.id, shopifyWebhookRequest(s.webhookSecret, "orders/create", "wh-5", s.order));
    const res = await deliver(
      s.channel.id,
      shopifyWebhookRequest(s.webhookSecret, "orders/cancelled", "wh-6", {
        ...s.order,
        cancelled_at: "2026-12-04T12:00:00Z",
        cancel_reason: "customer",
      }),
    );

    expect(res.json).toMatchObject({ outcome: "cancelled" });
    const [order] = await ordersOf(s.channel.name);
    expect(order.status).toBe("cancelled");
    expect(order.lines.flatMap((l) => l.reservations.map((r) => r.status))).toEqual(["released", "released"]);
    expect(await s.available(s.w.items.plain.sku)).toMatchObject({ reserved: 0, available: 10 });
  });

  it("logs a line whose SKU Stockroom does not know and takes the rest of the order", async () => {
    const s = await shopifyShop();
    const order = { ...s.order, line_items: [...s.order.line_items, { id: 3, sku: "NOT-A-SKU", quantity: 1, title: "Gift card" }] };
    const res = await deliver(s.channel.id, shopifyWebhookRequest(s.webhookSecret, "orders/create", "wh-7", order));

    expect(res.json).toMatchObject({ outcome: "created" });
    const [created] = await ordersOf(s.channel.name);
    expect(created.lines).toHaveLength(2);
    const log = await db.channelLog.findMany({ where: { channelId: s.channel.id } });
    expect(log).toEqual([expect.objectContaining({ level: "warn", message: expect.stringContaining("NOT-A-SKU") })]);
  });
});

describe("orders in from WooCommerce", () => {
  it("takes order.created and cancels on order.updated with status cancelled", async () => {
    const s = await buildWooChannel(db);
    closers.push(s.shop.close);
    await postMovement(db, SYSTEM_ACTOR, { kind: "receive", sku: s.w.items.plain.sku, quantity: 6, to: s.w.bins.a1.code, reason: "received" });
    const order = {
      id: 727,
      number: "727",
      status: "processing",
      billing: { first_name: "Grace", last_name: "Hopper", email: "grace@example.com" },
      line_items: [{ id: 1, name: "Plain", product_id: s.simpleId, variation_id: 0, quantity: 2, sku: s.w.items.plain.sku }],
    };
    const created = await deliver(s.channel.id, wooWebhookRequest(s.webhookSecret, "order.created", "d-1", order));
    expect(created.json).toMatchObject({ outcome: "created" });
    const bad = await deliver(s.channel.id, wooWebhookRequest("wrong", "order.updated", "d-2", { ...order, status: "cancelled" }));
    expect(bad.status).toBe(401);
    expect((await ordersOf(s.channel.name))[0].status).toBe("allocated");

    const cancelled = await deliver(s.channel.id, wooWebhookRequest(s.webhookSecret, "order.updated", "d-3", { ...order, status: "cancelled" }));
    expect(cancelled.json).toMatchObject({ outcome: "cancelled" });
    const [stored] = await ordersOf(s.channel.name);
    expect(stored).toMatchObject({ reference: "727", customerName: "Grace Hopper", status: "cancelled" });
    expect((await getAvailability(db, SYSTEM_ACTOR, { sku: s.w.items.plain.sku, site: s.w.site.code })).data[0]).toMatchObject({
      reserved: 0,
      available: 6,
    });
  });
});

describe("pollChannelOrders", () => {
  it("takes an order whose webhook never came, once, and its later cancellation", async () => {
    const s = await shopifyShop();
    s.shop.addOrder(s.order);
    expect(await pollChannelOrders(db, s.channel.id)).toMatchObject({ seen: 1, created: 1 });
    expect(await pollChannelOrders(db, s.channel.id)).toMatchObject({ created: 0 });
    expect(await ordersOf(s.channel.name)).toHaveLength(1);
    expect(await s.available(s.w.items.plain.sku)).toMatchObject({ reserved: 3 });

    s.shop.addOrder({ ...s.order, cancelled_at: new Date().toISOString() });
    expect(await pollChannelOrders(db, s.channel.id)).toMatchObject({ cancelled: 1 });
    expect((await ordersOf(s.channel.name))[0].status).toBe("cancelled");
    expect(await s.available(s.w.items.plain.sku)).toMatchObject({ reserved: 0 });
  });

  it("polls WooCommerce orders modified since the last poll", async () => {
    const s = await buildWooChannel(db);
    closers.push(s.shop.close);
    await postMovement(db, SYSTEM_ACTOR, { kind: "receive", sku: s.w.items.plain.sku, quantity: 6, to: s.w.bins.a1.code, reason: "received" });
    s.shop.addOrder({
      id: 900,
      number: "900",
      status: "processing",
      billing: { first_name: "Alan" },
      line_items: [{ sku: s.w.items.plain.sku, quantity: 1 }],
    });
    expect(await pollChannelOrders(db, s.channel.id)).toMatchObject({ seen: 1, created: 1 });
    expect(await ordersOf(s.channel.name)).toEqual([expect.objectContaining({ reference: "900", customerName: "Alan" })]);
  });
});
