/** What the push and reconcile need of a shop platform, whichever it is (./shopify-platform.ts, ./woocommerce-platform.ts). */
export type SetEntry = {
  platformId: string;
  quantity: number;
  /** The quantity Stockroom last pushed or read (compare-and-swap on Shopify); null when unknown. */
  changeFrom: number | null;
};

export type SetOutcome =
  | { platformId: string; status: "set"; quantity: number }
  /** The platform's quantity is not the one we compared against: re-read, then try again. */
  | { platformId: string; status: "stale" }
  | { platformId: string; status: "refused"; message: string }
  /** Another entry of the same all-or-nothing call failed; this one is simply sent again. */
  | { platformId: string; status: "notApplied" };

export type ShopPlatform = {
  kind: "shopify" | "woocommerce";
  /** The platform's id for a SKU, or null when the shop has no such SKU. */
  findBySku(sku: string): Promise<string | null>;
  /** The sellable quantity the platform shows now, per id; null when it does not track the item there. */
  readQuantities(ids: string[]): Promise<Map<string, number | null>>;
  setQuantities(entries: SetEntry[]): Promise<SetOutcome[]>;
  /** Orders changed in the shop since then, in the shape its order webhooks carry. */
  listOrdersUpdatedSince(since: Date): Promise<Record<string, unknown>[]>;
};
