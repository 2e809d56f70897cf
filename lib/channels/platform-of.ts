import type { Channel } from "../db/generated/client";
import { decryptSecret } from "./channel-secrets";
import type { PlatformIo } from "./platform-http";
import type { ShopPlatform } from "./shop-platform";
import { shopifyPlatform } from "./shopify-platform";
import { wooCommercePlatform } from "./woocommerce-platform";

/** The platform client of a channel, its credentials decrypted only here and only for the call. */
export function platformOf(channel: Channel, io: PlatformIo = {}): ShopPlatform {
  const credentials = JSON.parse(decryptSecret(channel.credentials)) as Record<string, string>;
  if (channel.kind === "shopify") {
    return shopifyPlatform({ baseUrl: channel.baseUrl, accessToken: credentials.accessToken, locationId: channel.platformLocation ?? "" }, io);
  }
  return wooCommercePlatform({ baseUrl: channel.baseUrl, consumerKey: credentials.consumerKey, consumerSecret: credentials.consumerSecret }, io);
}
