import { z } from "zod";
import { codeField } from "../contract/code-field";

export const channelKind = z.enum(["shopify", "woocommerce"]);

const shopifyCredentials = z.object({ accessToken: z.string().min(1).max(500).describe("Admin API access token (shpat_…)") });
const wooCredentials = z.object({
  consumerKey: z.string().min(1).max(500).describe("REST API consumer key (ck_…)"),
  consumerSecret: z.string().min(1).max(500).describe("REST API consumer secret (cs_…)"),
});

const buffer = z
  .object({
    units: z.number().int().min(0).max(1_000_000).optional().describe("Units held back from the shop"),
    percent: z.number().int().min(0).max(100).optional().describe("Percent of available held back (rounded up)"),
  })
  .describe("What the shop is not offered: units and percent both apply (held back = units + ⌈available × percent / 100⌉)");

const skuMap = z
  .record(z.string().min(1).max(64), z.string().min(1).max(200))
  .describe(
    "SKU → platform id: Shopify InventoryItem GID; WooCommerce product id, or `parent:variation` for a variation. SKUs left out are matched by SKU through the platform once",
  );

const common = {
  name: z.string().trim().min(1).max(64).describe("Unique; orders from this shop carry it as their channel"),
  baseUrl: z.string().trim().url().max(500).describe("The shop's address, e.g. https://example.myshopify.com"),
  webhookSecret: z.string().min(1).max(500).describe("The secret the platform signs its webhooks with"),
  sites: z.array(codeField).min(1).max(50).describe("The sites whose available stock the shop sells"),
  buffer: buffer.optional(),
  location: z.string().max(200).optional().describe("Shopify: the Location GID quantities are set at"),
  skuMap: skuMap.optional(),
};

export const channelInput = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("shopify"), credentials: shopifyCredentials, ...common, location: z.string().min(1).max(200) }),
    z.object({ kind: z.literal("woocommerce"), credentials: wooCredentials, ...common }),
  ])
  .meta({ id: "ChannelInput" });

export const channelPatch = z
  .object({
    name: common.name.optional(),
    baseUrl: common.baseUrl.optional(),
    credentials: z.union([shopifyCredentials, wooCredentials]).optional(),
    webhookSecret: common.webhookSecret.optional(),
    sites: common.sites.optional(),
    buffer: buffer.optional(),
    location: common.location,
    skuMap: skuMap.optional().describe("Entries added or changed; other mapped SKUs stay"),
    active: z.boolean().optional(),
  })
  .meta({ id: "ChannelPatch" });

export const channelView = z
  .object({
    id: z.string(),
    kind: channelKind,
    name: z.string(),
    baseUrl: z.string(),
    sites: z.array(z.string()),
    buffer: z.object({ units: z.number().int(), percent: z.number().int() }),
    location: z.string().nullable(),
    active: z.boolean(),
    mappedSkus: z.number().int().describe("SKUs the channel knows the platform's id of"),
    webhookUrl: z.string().describe("Where the platform sends its order webhooks (path on this server)"),
    createdBy: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: "Channel" });

export type ChannelInput = z.input<typeof channelInput>;
export type ChannelPatch = z.input<typeof channelPatch>;
export type ChannelView = z.infer<typeof channelView>;

export const channelSyncAnswer = z.object({
  checked: z.number().int().describe("SKUs whose platform quantity was read"),
  drift: z.number().int().describe("SKUs where the platform's quantity differed from Stockroom's"),
  pushed: z.number().int().describe("SKUs whose quantity was set on the platform"),
});
