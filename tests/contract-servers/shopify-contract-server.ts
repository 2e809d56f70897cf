/**
 * A stand-in for a Shopify store's Admin GraphQL API (2026-01), as far as Stockroom uses it, written from
 * Shopify's published documentation: `POST /admin/api/2026-01/graphql.json` with `X-Shopify-Access-Token`;
 * `inventorySetQuantities` (name "available", reason, quantities with changeFromQuantity compare-and-swap,
 * all-or-nothing, CHANGE_FROM_QUANTITY_STALE in userErrors), `inventoryItems(query: "sku:…")`, `nodes(ids:)` with
 * `inventoryLevel(locationId:).quantities(names:)`; the cost extension with throttleStatus, THROTTLED errors, and
 * HTTP 429 with Retry-After. Operations are recognised by their root field; their values must come as variables.
 */
import { createHmac } from "node:crypto";
import { listen, sendJson } from "./listen";

type Item = { sku: string; available: Map<string, number> };
export type ShopifyCall = { operation: "set" | "read" | "findBySku"; variables: Record<string, unknown> };

const COST = 10;
const BUCKET = { maximumAvailable: 2000, restoreRate: 100 };

export async function startShopifyContractServer(options: { accessToken: string; locationId: string }) {
  const items = new Map<string, Item>();
  const calls: ShopifyCall[] = [];
  const orders: Record<string, unknown>[] = [];
  const pending = { tooManyRequests: [] as string[], throttled: 0, changeBeforeNextSet: null as null | (() => void) };
  let nextId = 1000;

  const cost = (available: number) => ({
    requestedQueryCost: COST,
    actualQueryCost: available >= COST ? COST : null,
    throttleStatus: { ...BUCKET, currentlyAvailable: available },
  });

  const server = await listen((request, body, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    if (request.headers["x-shopify-access-token"] !== options.accessToken) {
      return sendJson(response, 401, { errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" });
    }
    if (request.method === "GET" && url.pathname === "/admin/api/2026-01/orders.json") {
      // REST Order resource; updated_at_min filters, status=any includes cancelled and closed orders.
      const min = Date.parse(url.searchParams.get("updated_at_min") ?? "1970-01-01T00:00:00Z");
      const found = orders.filter((o) => Date.parse(o.updated_at as string) >= min && (url.searchParams.get("status") === "any" || !o.cancelled_at));
      return sendJson(response, 200, { orders: found.slice(0, Number(url.searchParams.get("limit") ?? 50)) });
    }
    if (request.method !== "POST" || url.pathname !== "/admin/api/2026-01/graphql.json") return sendJson(response, 404, { errors: "Not Found" });
    const retryAfter = pending.tooManyRequests.shift();
    if (retryAfter !== undefined) {
      return sendJson(
        response,
        429,
        { errors: "Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service." },
        { "retry-after": retryAfter },
      );
    }
    const { query, variables } = JSON.parse(body) as { query: string; variables?: Record<string, unknown> };
    if (pending.throttled > 0) {
      pending.throttled--;
      return sendJson(response, 200, {
        errors: [{ message: "Throttled", extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" } }],
        extensions: { cost: cost(0) },
      });
    }
    // Values written into the document instead of variables are refused, as a guard on how the client sends them.
    const selection = query.slice(query.indexOf("{")).replace(/names:\s*\["available"\]/, "");
    if (/(quantity|inventoryItemId|ids|query)\s*:\s*["\d[]/.test(selection)) {
      return sendJson(response, 200, { errors: [{ message: "send inputs as variables", extensions: { code: "argumentLiteralsIncompatible" } }] });
    }
    const vars = variables ?? {};
    if (/inventorySetQuantities\s*\(/.test(query)) return sendJson(response, 200, { data: setQuantities(vars), extensions: { cost: cost(1990) } });
    if (/inventoryItems\s*\(/.test(query)) return sendJson(response, 200, { data: findBySku(vars), extensions: { cost: cost(1990) } });
    if (/nodes\s*\(/.test(query)) return sendJson(response, 200, { data: readLevels(vars), extensions: { cost: cost(1990) } });
    return sendJson(response, 200, { errors: [{ message: "Field not known to the contract server" }] });
  });

  function setQuantities(variables: Record<string, unknown>) {
    calls.push({ operation: "set", variables });
    pending.changeBeforeNextSet?.();
    pending.changeBeforeNextSet = null;
    const input = variables.input as { name: string; reason: string; quantities: Record<string, unknown>[] };
    const userErrors: { code: string; field: string[]; message: string }[] = [];
    if (input.name !== "available" && input.name !== "on_hand")
      userErrors.push({ code: "INVALID_NAME", field: ["input", "name"], message: "The quantity name must be either 'available' or 'on_hand'." });
    if (!input.reason) userErrors.push({ code: "INVALID_REASON", field: ["input", "reason"], message: "The specified reason is invalid." });
    input.quantities.forEach((q, index) => {
      const item = items.get(q.inventoryItemId as string);
      const field = ["input", "quantities", String(index)];
      if (!item)
        return userErrors.push({
          code: "INVALID_INVENTORY_ITEM",
          field: [...field, "inventoryItemId"],
          message: "The specified inventory item could not be found.",
        });
      if (q.locationId !== options.locationId)
        return userErrors.push({ code: "INVALID_LOCATION", field: [...field, "locationId"], message: "The specified location could not be found." });
      if (!("changeFromQuantity" in q))
        return userErrors.push({
          code: "COMPARE_QUANTITY_REQUIRED",
          field: [...field],
          message: "The compareQuantity argument must be given to each quantity or ignored using ignoreCompareQuantity.",
        });
      if ((q.quantity as number) < 0)
        return userErrors.push({ code: "INVALID_QUANTITY_NEGATIVE", field: [...field, "quantity"], message: "The quantity can't be negative." });
      const current = item.available.get(options.locationId) ?? 0;
      if (q.changeFromQuantity !== null && q.changeFromQuantity !== current) {
        userErrors.push({
          code: "CHANGE_FROM_QUANTITY_STALE",
          field: [...field, "changeFromQuantity"],
          message: "The changeFromQuantity value does not match persisted value.",
        });
      }
    });
    if (userErrors.length) return { inventorySetQuantities: { inventoryAdjustmentGroup: null, userErrors } };
    const changes = input.quantities.map((q) => {
      const item = items.get(q.inventoryItemId as string)!;
      const delta = (q.quantity as number) - (item.available.get(options.locationId) ?? 0);
      item.available.set(options.locationId, q.quantity as number);
      return { name: "available", delta };
    });
    return { inventorySetQuantities: { inventoryAdjustmentGroup: { reason: input.reason, changes }, userErrors: [] } };
  }

  function findBySku(variables: Record<string, unknown>) {
    calls.push({ operation: "findBySku", variables });
    const match = /^sku:"?([^"]*)"?$/.exec(String(variables.query ?? ""));
    const nodes = [...items].filter(([, item]) => match && item.sku === match[1]).map(([id, item]) => ({ id, sku: item.sku }));
    return { inventoryItems: { nodes: nodes.slice(0, 1) } };
  }

  function readLevels(variables: Record<string, unknown>) {
    calls.push({ operation: "read", variables });
    const ids = variables.ids as string[];
    return {
      nodes: ids.map((id) => {
        const item = items.get(id);
        if (!item) return null;
        const quantity = item.available.get(variables.locationId as string);
        return { id, inventoryLevel: quantity === undefined ? null : { quantities: [{ name: "available", quantity }] } };
      }),
    };
  }

  return {
    url: server.url,
    close: server.close,
    calls,
    /** A product variant's inventory item stocked at the location; answers its GID. */
    addItem(sku: string, available = 0): string {
      const id = `gid://shopify/InventoryItem/${nextId++}`;
      items.set(id, { sku, available: new Map([[options.locationId, available]]) });
      return id;
    },
    available: (id: string) => items.get(id)?.available.get(options.locationId),
    /** Someone changes the quantity in Shopify's admin (a concurrent writer). */
    setAvailable: (id: string, quantity: number) => items.get(id)!.available.set(options.locationId, quantity),
    changeBeforeNextSet: (change: () => void) => (pending.changeBeforeNextSet = change),
    answerTooManyRequests: (...retryAfterSeconds: string[]) => pending.tooManyRequests.push(...retryAfterSeconds),
    answerThrottled: (times: number) => (pending.throttled = times),
    /** An order placed in the shop (its webhook may never arrive). */
    addOrder: (order: Record<string, unknown>) => orders.push({ updated_at: new Date().toISOString(), ...order }),
  };
}

/** Sends a webhook as Shopify does: the raw JSON body signed with base64 HMAC-SHA256 under the app's secret. */
export function shopifyWebhookRequest(secret: string, topic: string, webhookId: string, payload: unknown, signature?: string) {
  const body = JSON.stringify(payload);
  const hmac = signature ?? createHmac("sha256", secret).update(body).digest("base64");
  return {
    body,
    headers: { "x-shopify-topic": topic, "x-shopify-hmac-sha256": hmac, "x-shopify-webhook-id": webhookId, "x-shopify-api-version": "2026-01" },
  };
}
