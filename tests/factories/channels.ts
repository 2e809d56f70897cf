// Channels connected to the contract servers, over a fresh warehouse, for the channel integration tests.
import { SYSTEM_ACTOR } from "../../lib/auth/actor";
import { createChannel } from "../../lib/channels/manage-channels";
import type { Db } from "../../lib/db/client";
import { updateInstallationSettings } from "../../lib/settings/installation-settings";
import { startShopifyContractServer } from "../contract-servers/shopify-contract-server";
import { startWooCommerceContractServer } from "../contract-servers/woocommerce-contract-server";
import { buildWarehouse } from "./stock";

export { relayAll } from "./events";

let sequence = 0;

/** The contract servers listen on loopback, which channels may reach only when an admin allows it. */
async function allowLoopbackShops(db: Db) {
  await updateInstallationSettings(db, SYSTEM_ACTOR, { allowPrivateUrls: true });
}
const LOCATION = "gid://shopify/Location/1";

export async function buildShopifyChannel(db: Db, options: { buffer?: { units?: number; percent?: number }; platformStock?: number } = {}) {
  await allowLoopbackShops(db);
  const w = await buildWarehouse(db);
  const shop = await startShopifyContractServer({ accessToken: "shpat_test", locationId: LOCATION });
  const gid = shop.addItem(w.items.plain.sku, options.platformStock ?? 0);
  const webhookSecret = `shopify-secret-${sequence}`;
  const channel = await createChannel(db, SYSTEM_ACTOR, {
    kind: "shopify",
    name: `shopify-${Date.now().toString(36)}-${sequence++}`,
    baseUrl: shop.url,
    credentials: { accessToken: "shpat_test" },
    webhookSecret,
    sites: [w.site.code],
    location: LOCATION,
    buffer: options.buffer,
    skuMap: { [w.items.plain.sku]: gid },
  });
  return { w, shop, gid, channel, webhookSecret };
}

export async function buildWooChannel(db: Db) {
  await allowLoopbackShops(db);
  const w = await buildWarehouse(db);
  const shop = await startWooCommerceContractServer({ consumerKey: "ck_test", consumerSecret: "cs_test" });
  const webhookSecret = `woo-secret-${sequence}`;
  const simpleId = shop.addProduct(w.items.plain.sku, 0);
  const variation = shop.addVariation(w.items.lotted.sku, 0);
  const unmappedId = shop.addProduct(w.items.solvent.sku, 0);
  const channel = await createChannel(db, SYSTEM_ACTOR, {
    kind: "woocommerce",
    name: `woo-${Date.now().toString(36)}-${sequence++}`,
    baseUrl: shop.url,
    credentials: { consumerKey: "ck_test", consumerSecret: "cs_test" },
    webhookSecret,
    sites: [w.site.code],
    skuMap: { [w.items.plain.sku]: String(simpleId), [w.items.lotted.sku]: variation },
  });
  return { w, shop, channel, webhookSecret, simpleId, variation, unmappedId };
}
