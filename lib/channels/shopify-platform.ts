/**
 * Shopify's Admin GraphQL API (2026-01): quantities are set with inventorySetQuantities on the `available` name,
 * compare-and-swap through changeFromQuantity, every input passed as variables. Throttling comes two ways: HTTP
 * 429 with Retry-After (./platform-http.ts) and a THROTTLED error whose extensions.cost says how long the bucket
 * needs to refill.
 */
import { MAX_INLINE_WAIT_MS, PlatformError, platformRequest, realSleep, type PlatformIo } from "./platform-http";
import type { ShopPlatform, SetOutcome } from "./shop-platform";

export const SHOPIFY_API_VERSION = "2026-01";
const ATTEMPTS = 4;
const ORDER_PAGES = 20;

const SET_QUANTITIES = `mutation SetAvailable($input: InventorySetQuantitiesInput!) {
  inventorySetQuantities(input: $input) {
    inventoryAdjustmentGroup { reason changes { name delta } }
    userErrors { code field message }
  }
}`;

const READ_LEVELS = `query ReadAvailable($ids: [ID!]!, $locationId: ID!) {
  nodes(ids: $ids) {
    ... on InventoryItem { id inventoryLevel(locationId: $locationId) { quantities(names: ["available"]) { name quantity } } }
  }
}`;

const FIND_BY_SKU = `query FindBySku($query: String!) {
  inventoryItems(first: 1, query: $query) { nodes { id sku } }
}`;

type GraphQlAnswer<T> = {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
  extensions?: { cost?: { requestedQueryCost?: number; throttleStatus?: { currentlyAvailable: number; restoreRate: number } } };
};

export function shopifyPlatform(channel: { baseUrl: string; accessToken: string; locationId: string }, io: PlatformIo = {}): ShopPlatform {
  const sleep = io.sleep ?? realSleep;
  const now = io.now ?? (() => new Date());

  async function graphql<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const { json } = await platformRequest(
        `${channel.baseUrl}/admin/api/${SHOPIFY_API_VERSION}/graphql.json`,
        {
          method: "POST",
          headers: { "content-type": "application/json", "x-shopify-access-token": channel.accessToken },
          body: JSON.stringify({ query, variables }),
        },
        io,
      );
      const answer = json as GraphQlAnswer<T>;
      const throttled = answer.errors?.some((e) => e.extensions?.code === "THROTTLED");
      if (throttled) {
        const wait = refillWaitMs(answer);
        if (attempt < ATTEMPTS && wait <= MAX_INLINE_WAIT_MS) {
          await sleep(wait);
          continue;
        }
        throw new PlatformError("Shopify throttled the request", 200, new Date(now().getTime() + wait), answer);
      }
      if (answer.errors?.length || !answer.data)
        throw new PlatformError(`Shopify: ${answer.errors?.map((e) => e.message).join("; ") ?? "no data"}`, 200, null, answer);
      return answer.data;
    }
  }

  return {
    kind: "shopify",
    async findBySku(sku) {
      const data = await graphql<{ inventoryItems: { nodes: { id: string; sku: string | null }[] } }>(FIND_BY_SKU, {
        query: `sku:${JSON.stringify(sku)}`,
      });
      const found = data.inventoryItems.nodes.find((n) => n.sku?.toLowerCase() === sku.toLowerCase());
      return found?.id ?? null;
    },
    async readQuantities(ids) {
      const data = await graphql<{ nodes: ({ id: string; inventoryLevel: { quantities: { name: string; quantity: number }[] } | null } | null)[] }>(
        READ_LEVELS,
        { ids, locationId: channel.locationId },
      );
      const quantities = new Map<string, number | null>();
      for (const node of data.nodes) {
        if (node) quantities.set(node.id, node.inventoryLevel?.quantities.find((q) => q.name === "available")?.quantity ?? null);
      }
      return quantities;
    },
    async listOrdersUpdatedSince(since) {
      // The REST Order resource is the webhook's own shape; pages follow the Link header (cursor pagination).
      const orders: Record<string, unknown>[] = [];
      const query = new URLSearchParams({ status: "any", updated_at_min: since.toISOString(), limit: "250" });
      let url: string | null = `${channel.baseUrl}/admin/api/${SHOPIFY_API_VERSION}/orders.json?${query}`;
      for (let page = 0; url && page < ORDER_PAGES; page++) {
        const answer: { json: unknown; headers: Headers } = await platformRequest(
          url,
          { headers: { "x-shopify-access-token": channel.accessToken } },
          io,
        );
        orders.push(...((answer.json as { orders?: Record<string, unknown>[] }).orders ?? []));
        url = /<([^>]+)>;\s*rel="next"/.exec(answer.headers.get("link") ?? "")?.[1] ?? null;
      }
      return orders;
    },
    async setQuantities(entries) {
      const data = await graphql<{
        inventorySetQuantities: { userErrors: { code: string | null; field: string[] | null; message: string }[] };
      }>(SET_QUANTITIES, {
        input: {
          name: "available",
          reason: "correction",
          referenceDocumentUri: "stockroom://channel-push",
          quantities: entries.map((e) => ({
            inventoryItemId: e.platformId,
            locationId: channel.locationId,
            quantity: e.quantity,
            changeFromQuantity: e.changeFrom,
          })),
        },
      });
      const errors = data.inventorySetQuantities.userErrors;
      if (errors.length === 0) return entries.map((e): SetOutcome => ({ platformId: e.platformId, status: "set", quantity: e.quantity }));
      // The mutation applies all or nothing: each entry is stale, refused, or simply not applied this time.
      return entries.map((e, index): SetOutcome => {
        const own = errors.find((err) => err.field?.includes(String(index)));
        if (own && (own.code === "CHANGE_FROM_QUANTITY_STALE" || own.code === "COMPARE_QUANTITY_STALE"))
          return { platformId: e.platformId, status: "stale" };
        if (own) return { platformId: e.platformId, status: "refused", message: `${own.code ?? "error"}: ${own.message}` };
        const general = errors.find((err) => !err.field?.some((f) => /^\d+$/.test(f)));
        return general
          ? { platformId: e.platformId, status: "refused", message: `${general.code ?? "error"}: ${general.message}` }
          : { platformId: e.platformId, status: "notApplied" };
      });
    },
  };
}

/** How long until the cost bucket holds what the request needs (Shopify's leaky bucket: restoreRate points/s). */
function refillWaitMs(answer: GraphQlAnswer<unknown>): number {
  const cost = answer.extensions?.cost;
  const status = cost?.throttleStatus;
  if (!status || !status.restoreRate) return 1_000;
  const missing = Math.max((cost.requestedQueryCost ?? 0) - status.currentlyAvailable, 0);
  return Math.ceil((missing / status.restoreRate) * 1000);
}
