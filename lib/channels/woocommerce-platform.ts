/**
 * WooCommerce REST API v3: quantities set in batches (`/products/batch`, and `/products/{parent}/variations/batch`
 * for a variation mapped as `parent:variation`) with manage_stock on; the consumer key and secret as HTTP Basic.
 * WooCommerce has no compare-and-swap: Stockroom's quantity is simply set.
 */
import { platformRequest, type PlatformIo } from "./platform-http";
import type { SetEntry, SetOutcome, ShopPlatform } from "./shop-platform";

const BATCH_LIMIT = 100; // WooCommerce's default cap on objects per batch request

type WooProduct = { id: number; parent_id?: number; sku?: string; stock_quantity: number | null; manage_stock?: boolean | string };
type WooBatchAnswer = { update?: (WooProduct & { error?: { code: string; message: string } })[] };

export function wooCommercePlatform(channel: { baseUrl: string; consumerKey: string; consumerSecret: string }, io: PlatformIo = {}): ShopPlatform {
  const auth = `Basic ${Buffer.from(`${channel.consumerKey}:${channel.consumerSecret}`).toString("base64")}`;
  const api = (path: string) => `${channel.baseUrl}/wp-json/wc/v3${path}`;
  const get = async <T>(path: string) =>
    (await platformRequest(api(path), { headers: { authorization: auth, accept: "application/json" } }, io)).json as T;
  const post = async <T>(path: string, body: unknown) =>
    (
      await platformRequest(
        api(path),
        { method: "POST", headers: { authorization: auth, "content-type": "application/json" }, body: JSON.stringify(body) },
        io,
      )
    ).json as T;

  async function setGroup(path: string, entries: SetEntry[], childId: (e: SetEntry) => number): Promise<SetOutcome[]> {
    const outcomes: SetOutcome[] = [];
    for (let i = 0; i < entries.length; i += BATCH_LIMIT) {
      const chunk = entries.slice(i, i + BATCH_LIMIT);
      const answer = await post<WooBatchAnswer>(path, {
        update: chunk.map((e) => ({ id: childId(e), manage_stock: true, stock_quantity: e.quantity })),
      });
      for (const entry of chunk) {
        const row = answer.update?.find((r) => r.id === childId(entry));
        if (!row) outcomes.push({ platformId: entry.platformId, status: "notApplied" });
        else if (row.error) outcomes.push({ platformId: entry.platformId, status: "refused", message: `${row.error.code}: ${row.error.message}` });
        else outcomes.push({ platformId: entry.platformId, status: "set", quantity: row.stock_quantity ?? entry.quantity });
      }
    }
    return outcomes;
  }

  return {
    kind: "woocommerce",
    async listOrdersUpdatedSince(since) {
      const orders: Record<string, unknown>[] = [];
      for (let page = 1; page <= 20; page++) {
        const query = new URLSearchParams({ modified_after: since.toISOString(), per_page: String(BATCH_LIMIT), page: String(page) });
        const { json, headers } = await platformRequest(
          api(`/orders?${query}`),
          { headers: { authorization: auth, accept: "application/json" } },
          io,
        );
        orders.push(...((json as Record<string, unknown>[] | null) ?? []));
        if (page >= Number(headers.get("x-wp-totalpages") ?? 1)) break;
      }
      return orders;
    },
    async findBySku(sku) {
      const found = await get<WooProduct[]>(`/products?sku=${encodeURIComponent(sku)}`);
      const product = found.find((p) => p.sku?.toLowerCase() === sku.toLowerCase());
      if (!product) return null;
      return product.parent_id ? `${product.parent_id}:${product.id}` : String(product.id);
    },
    async readQuantities(ids) {
      const quantities = new Map<string, number | null>();
      const simple = ids.filter((id) => !id.includes(":"));
      for (let i = 0; i < simple.length; i += BATCH_LIMIT) {
        const chunk = simple.slice(i, i + BATCH_LIMIT);
        const products = await get<WooProduct[]>(`/products?include=${chunk.join(",")}&per_page=${BATCH_LIMIT}`);
        for (const p of products) quantities.set(String(p.id), p.manage_stock ? p.stock_quantity : null);
      }
      for (const id of ids.filter((id) => id.includes(":"))) {
        const [parent, child] = id.split(":");
        const variation = await get<WooProduct>(`/products/${parent}/variations/${child}`);
        quantities.set(id, variation.manage_stock ? variation.stock_quantity : null);
      }
      return quantities;
    },
    async setQuantities(entries) {
      const simple = entries.filter((e) => !e.platformId.includes(":"));
      const outcomes = simple.length ? await setGroup("/products/batch", simple, (e) => Number(e.platformId)) : [];
      const byParent = new Map<string, SetEntry[]>();
      for (const e of entries.filter((e) => e.platformId.includes(":"))) {
        const parent = e.platformId.split(":")[0];
        byParent.set(parent, [...(byParent.get(parent) ?? []), e]);
      }
      for (const [parent, group] of byParent) {
        outcomes.push(...(await setGroup(`/products/${parent}/variations/batch`, group, (e) => Number(e.platformId.split(":")[1]))));
      }
      return outcomes;
    },
  };
}
