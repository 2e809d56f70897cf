/**
 * A stand-in for a WooCommerce store's REST API v3, as far as Stockroom uses it, written from WooCommerce's
 * published documentation: HTTP Basic with the consumer key and secret; `GET /wp-json/wc/v3/products?sku=` and
 * `?include=`; `GET /products/{id}/variations/{id}`; `POST /products/batch` and `/products/{id}/variations/batch`
 * with `update: [{ id, manage_stock, stock_quantity }]` answered per object (an invalid one carries `error`);
 * error bodies `{ code, message, data: { status } }`; and 429 with Retry-After as a host's rate limiter sends it.
 */
import { createHmac } from "node:crypto";
import { listen, sendJson } from "./listen";

type Product = {
  id: number;
  parent_id: number;
  sku: string;
  type: "simple" | "variable" | "variation";
  manage_stock: boolean;
  stock_quantity: number | null;
};
export type WooCall = { method: string; path: string; body: unknown };

const BATCH_LIMIT = 100;

export async function startWooCommerceContractServer(options: { consumerKey: string; consumerSecret: string }) {
  const products = new Map<number, Product>();
  const calls: WooCall[] = [];
  const orders: Record<string, unknown>[] = [];
  const tooManyRequests: string[] = [];
  let nextId = 100;
  const expectedAuth = `Basic ${Buffer.from(`${options.consumerKey}:${options.consumerSecret}`).toString("base64")}`;
  const view = (p: Product) => ({
    id: p.id,
    parent_id: p.parent_id,
    sku: p.sku,
    type: p.type,
    manage_stock: p.manage_stock,
    stock_quantity: p.stock_quantity,
  });
  const invalidId = { code: "woocommerce_rest_product_invalid_id", message: "Invalid ID.", data: { status: 400 } };

  function update(rows: { id: number; manage_stock?: boolean; stock_quantity?: number }[], parent: number | null) {
    return rows.map((row) => {
      const product = products.get(row.id);
      const fits = product && (parent === null ? product.type !== "variation" : product.parent_id === parent);
      if (!product || !fits) return { id: row.id, error: invalidId };
      if (row.manage_stock !== undefined) product.manage_stock = row.manage_stock;
      if (row.stock_quantity !== undefined) product.stock_quantity = row.stock_quantity;
      return view(product);
    });
  }

  const server = await listen((request, body, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    const path = url.pathname.replace(/^\/wp-json\/wc\/v3/, "");
    if (!url.pathname.startsWith("/wp-json/wc/v3/"))
      return sendJson(response, 404, {
        code: "rest_no_route",
        message: "No route was found matching the URL and request method.",
        data: { status: 404 },
      });
    if (request.headers.authorization !== expectedAuth) {
      return sendJson(response, 401, { code: "woocommerce_rest_cannot_view", message: "Sorry, you cannot list resources.", data: { status: 401 } });
    }
    const retryAfter = tooManyRequests.shift();
    if (retryAfter !== undefined) {
      return sendJson(
        response,
        429,
        { code: "rest_too_many_requests", message: "Too many requests. Please wait and try again.", data: { status: 429 } },
        { "retry-after": retryAfter },
      );
    }
    const parsed: unknown = body ? JSON.parse(body) : null;
    calls.push({ method: request.method ?? "GET", path: `${path}${url.search}`, body: parsed });
    if (request.method === "GET" && path === "/products") {
      const sku = url.searchParams.get("sku");
      const include = url.searchParams.get("include")?.split(",").map(Number);
      const found = [...products.values()].filter((p) =>
        sku !== null ? p.sku === sku : include ? include.includes(p.id) && p.type !== "variation" : p.type !== "variation",
      );
      return sendJson(response, 200, found.map(view), { "x-wp-total": String(found.length), "x-wp-totalpages": "1" });
    }
    if (request.method === "GET" && path === "/orders") {
      const after = Date.parse(url.searchParams.get("modified_after") ?? "1970-01-01T00:00:00Z");
      const found = orders.filter((o) => Date.parse(`${o.date_modified_gmt as string}Z`) > after);
      return sendJson(response, 200, found, { "x-wp-total": String(found.length), "x-wp-totalpages": "1" });
    }
    const variation = /^\/products\/(\d+)\/variations\/(\d+)$/.exec(path);
    if (request.method === "GET" && variation) {
      const product = products.get(Number(variation[2]));
      if (!product || product.parent_id !== Number(variation[1])) return sendJson(response, 404, { ...invalidId, data: { status: 404 } });
      return sendJson(response, 200, view(product));
    }
    const batch = /^\/products(?:\/(\d+)\/variations)?\/batch$/.exec(path);
    if (request.method === "POST" && batch) {
      const rows = (parsed as { update?: { id: number }[] }).update ?? [];
      if (rows.length > BATCH_LIMIT) {
        return sendJson(response, 413, {
          code: "woocommerce_rest_request_entity_too_large",
          message: `Unable to accept more than ${BATCH_LIMIT} items for this request.`,
          data: { status: 413 },
        });
      }
      return sendJson(response, 200, { update: update(rows, batch[1] ? Number(batch[1]) : null) });
    }
    return sendJson(response, 404, {
      code: "rest_no_route",
      message: "No route was found matching the URL and request method.",
      data: { status: 404 },
    });
  });

  return {
    url: server.url,
    close: server.close,
    calls,
    addProduct(sku: string, stock: number | null = null): number {
      const id = nextId++;
      products.set(id, { id, parent_id: 0, sku, type: "simple", manage_stock: stock !== null, stock_quantity: stock });
      return id;
    },
    /** A variable product with one variation of this SKU; answers "parent:variation". */
    addVariation(sku: string, stock: number | null = null): string {
      const parent = nextId++;
      const id = nextId++;
      products.set(parent, { id: parent, parent_id: 0, sku: `${sku}-PARENT`, type: "variable", manage_stock: false, stock_quantity: null });
      products.set(id, { id, parent_id: parent, sku, type: "variation", manage_stock: stock !== null, stock_quantity: stock });
      return `${parent}:${id}`;
    },
    stock: (id: number) => products.get(id)?.stock_quantity ?? null,
    answerTooManyRequests: (...retryAfterSeconds: string[]) => tooManyRequests.push(...retryAfterSeconds),
    /** An order placed in the shop; WooCommerce dates are site-less GMT strings without a zone. */
    addOrder: (order: Record<string, unknown>) => orders.push({ date_modified_gmt: new Date().toISOString().slice(0, 19), ...order }),
  };
}

/** A webhook as WooCommerce sends it: base64 HMAC-SHA256 of the raw body under the webhook's secret. */
export function wooWebhookRequest(secret: string, topic: string, deliveryId: string, payload: unknown, signature?: string) {
  const body = JSON.stringify(payload);
  const hmac = signature ?? createHmac("sha256", secret).update(body).digest("base64");
  const [resource, event] = topic.split(".");
  return {
    body,
    headers: {
      "x-wc-webhook-topic": topic,
      "x-wc-webhook-resource": resource,
      "x-wc-webhook-event": event,
      "x-wc-webhook-signature": hmac,
      "x-wc-webhook-delivery-id": deliveryId,
      "x-wc-webhook-id": "7",
    },
  };
}
