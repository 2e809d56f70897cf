// The purchase-order routes as clients see them: a buyer's key drafts and sends, a supplier's key sees and answers
// its own supplier's orders only (404 for another's, 403 everywhere else), statuses and problem JSON.
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { buildApiKey } from "../../factories/access";
import { buildPurchasing } from "../../factories/purchasing";
import { callRoute } from "./call-route";
import { getDb } from "../../../lib/db/client";
import { ALL_OPERATIONS } from "../../../lib/http/openapi";
import * as apiKeysRoute from "../../../app/api/v1/api-keys/route";
import * as itemsRoute from "../../../app/api/v1/items/route";
import * as movementsRoute from "../../../app/api/v1/movements/route";
import * as stockRoute from "../../../app/api/v1/stock/route";
import * as suppliersRoute from "../../../app/api/v1/suppliers/route";
import * as ordersRoute from "../../../app/api/v1/purchase-orders/route";
import * as orderRoute from "../../../app/api/v1/purchase-orders/[id]/route";
import * as csvRoute from "../../../app/api/v1/purchase-orders/[id]/order.csv/route";
import * as pdfRoute from "../../../app/api/v1/purchase-orders/[id]/order.pdf/route";
import * as approveRoute from "../../../app/api/v1/purchase-orders/[id]/approve/route";
import * as sendRoute from "../../../app/api/v1/purchase-orders/[id]/send/route";
import * as cancelRoute from "../../../app/api/v1/purchase-orders/[id]/cancel/route";
import * as closeRoute from "../../../app/api/v1/purchase-orders/[id]/close/route";
import * as confirmRoute from "../../../app/api/v1/purchase-orders/[id]/confirm/route";
import * as asnRoute from "../../../app/api/v1/purchase-orders/[id]/asn/route";
import * as receiveRoute from "../../../app/api/v1/purchase-orders/[id]/receive/route";

const db = getDb();

type Handler = Parameters<typeof callRoute>[0];
/** Every purchase-order route by its last path segment, with a body it would accept. */
const ROUTES: Record<string, { handler: Handler; method: "GET" | "POST"; body?: (sku: string, bin: string) => unknown }> = {
  "": { handler: orderRoute.GET, method: "GET" },
  "order.csv": { handler: csvRoute.GET, method: "GET" },
  "order.pdf": { handler: pdfRoute.GET, method: "GET" },
  approve: { handler: approveRoute.POST, method: "POST", body: () => ({}) },
  send: { handler: sendRoute.POST, method: "POST", body: () => ({}) },
  cancel: { handler: cancelRoute.POST, method: "POST", body: () => ({}) },
  close: { handler: closeRoute.POST, method: "POST", body: () => ({}) },
  confirm: { handler: confirmRoute.POST, method: "POST", body: (sku) => ({ lines: [{ sku, quantity: 1, promisedAt: "2027-01-10" }] }) },
  asn: {
    handler: asnRoute.POST,
    method: "POST",
    body: (sku) => ({ shipDate: "2027-01-02", expectedAt: "2027-01-05", lines: [{ sku, quantity: 1 }] }),
  },
  receive: { handler: receiveRoute.POST, method: "POST", body: (sku, bin) => ({ to: bin, lines: [{ sku, quantity: 1 }] }) },
};

function call(name: string, key: string, id: string, body?: unknown, headers: Record<string, string> = {}) {
  const route = ROUTES[name];
  const path = `/api/v1/purchase-orders/${id}${name ? `/${name}` : ""}`;
  return callRoute(route.handler, { method: route.method, path, key, body: route.method === "POST" ? body : undefined, headers, params: { id } });
}

describe("/api/v1/purchase-orders", () => {
  it("every purchase-order route of the document is exercised here", () => {
    const documented = ALL_OPERATIONS.filter((op) => op.path.startsWith("/api/v1/purchase-orders/{id}")).map((op) =>
      op.path.replace("/api/v1/purchase-orders/{id}", "").replace(/^\//, ""),
    );
    expect(documented.sort()).toEqual(Object.keys(ROUTES).sort());
  });

  it("drafts, approves and sends through the routes; 422 names the line, 409 for a step the status forbids", async () => {
    const w = await buildPurchasing(db);
    const buyer = await buildApiKey(db, "manager");
    const input = { supplier: w.supplier.code, site: w.site.code, lines: [{ sku: w.items.plain.sku, quantity: 100 }] };
    const headers = { "idempotency-key": `po-${w.site.code}` };
    const created = await callRoute(ordersRoute.POST, { method: "POST", path: "/api/v1/purchase-orders", key: buyer.key, body: input, headers });
    expect(created).toMatchObject({ status: 201, json: { status: "draft", total: "180.0000", lines: [{ unitCost: "1.8000" }] } });
    const replay = await callRoute(ordersRoute.POST, { method: "POST", path: "/api/v1/purchase-orders", key: buyer.key, body: input, headers });
    expect(replay.json.id).toBe(created.json.id);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await db.purchaseOrder.count({ where: { supplierId: w.supplier.id } })).toBe(1);

    const bad = await callRoute(ordersRoute.POST, {
      method: "POST",
      path: "/api/v1/purchase-orders",
      key: buyer.key,
      body: { ...input, lines: [{ sku: w.items.solvent.sku, quantity: 1 }] },
    });
    expect(bad).toMatchObject({ status: 422, contentType: "application/problem+json", json: { errors: [{ field: "lines.0.sku" }] } });

    const id = created.json.id as string;
    expect(await call("send", buyer.key, id, {})).toMatchObject({
      status: 409,
      json: { code: "purchase_order_wrong_status", purchaseOrderStatus: "draft" },
    });
    expect(await call("approve", buyer.key, id, {})).toMatchObject({ status: 200, json: { status: "approved" } });
    expect(await call("send", buyer.key, id, { via: "webhook" })).toMatchObject({ status: 422, json: { errors: [{ field: "via" }] } });
    process.env.SMTP_URL = "smtp://127.0.0.1:1"; // nothing listens there: the mail server cannot be reached
    try {
      expect(await call("send", buyer.key, id, { via: "email", to: "orders@supplier.example" })).toMatchObject({
        status: 502,
        contentType: "application/problem+json",
        json: { code: "purchase_order_not_delivered", via: "email" },
      });
    } finally {
      delete process.env.SMTP_URL;
    }
    expect(await call("send", buyer.key, id, {})).toMatchObject({ status: 200, json: { status: "sent" } });
    const csv = await csvRoute.GET(
      new Request(`http://localhost/api/v1/purchase-orders/${id}/order.csv`, { headers: { authorization: `Bearer ${buyer.key}` } }),
      { params: Promise.resolve({ id }) },
    );
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(await csv.text()).toContain(`${created.json.number},${w.supplier.code},${w.site.code},,EUR,1,${w.items.plain.sku},`);
    const pdf = await pdfRoute.GET(
      new Request(`http://localhost/api/v1/purchase-orders/${id}/order.pdf`, { headers: { authorization: `Bearer ${buyer.key}` } }),
      { params: Promise.resolve({ id }) },
    );
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect((await PDFDocument.load(new Uint8Array(await pdf.arrayBuffer()))).getTitle()).toBe(`Purchase order ${created.json.number}`);
    const listed = await callRoute(ordersRoute.GET, { path: `/api/v1/purchase-orders?status=sent&site=${w.site.code}`, key: buyer.key });
    expect(listed.json.data).toMatchObject([{ id, status: "sent" }]);
  });

  it("makes supplier keys only by an admin, each naming an existing supplier", async () => {
    const w = await buildPurchasing(db);
    const admin = await buildApiKey(db, "admin");
    const manager = await buildApiKey(db, "manager");
    const make = (key: string, body: unknown) => callRoute(apiKeysRoute.POST, { method: "POST", path: "/api/v1/api-keys", key, body });
    expect(await make(admin.key, { name: "acme-portal", role: "supplier", supplier: w.supplier.code })).toMatchObject({
      status: 201,
      json: { role: "supplier", supplier: w.supplier.code, key: expect.any(String) },
    });
    expect(await make(admin.key, { name: "no-supplier", role: "supplier" })).toMatchObject({
      status: 422,
      json: { errors: [{ field: "supplier" }] },
    });
    expect(await make(admin.key, { name: "unknown", role: "supplier", supplier: "NOPE" })).toMatchObject({
      status: 422,
      json: { errors: [{ field: "supplier" }] },
    });
    expect(await make(admin.key, { name: "clerk-with-supplier", role: "viewer", supplier: w.supplier.code })).toMatchObject({ status: 422 });
    expect((await make(manager.key, { name: "by-manager", role: "supplier", supplier: w.supplier.code })).status).toBe(403);
  });

  it("lets a supplier's key see and answer its own sent orders only: 404 for another supplier's, 403 elsewhere", async () => {
    const mine = await buildPurchasing(db);
    const theirs = await buildPurchasing(db);
    const ownKey = await buildApiKey(db, "supplier", [], mine.supplier.code);
    const otherKey = await buildApiKey(db, "supplier", [], theirs.supplier.code);
    const sku = mine.items.plain.sku;
    const draft = (
      await callRoute(ordersRoute.POST, {
        method: "POST",
        path: "/api/v1/purchase-orders",
        key: (await buildApiKey(db, "manager")).key,
        body: { supplier: mine.supplier.code, site: mine.site.code, lines: [{ sku, quantity: 5 }] },
      })
    ).json as { id: string };
    const sent = await mine.sentOrder([{ sku, quantity: 5 }]);

    // Its own orders: only the sent one is listed or readable; a draft is the buyer's business.
    const listed = await callRoute(ordersRoute.GET, { path: "/api/v1/purchase-orders", key: ownKey.key });
    expect(listed.json.data.map((o: { id: string }) => o.id)).toEqual([sent.id]);
    expect((await call("", ownKey.key, draft.id)).status).toBe(404);
    expect(await call("", ownKey.key, sent.id)).toMatchObject({ status: 200, json: { number: sent.number } });
    const confirmed = await call("confirm", ownKey.key, sent.id, ROUTES.confirm.body!(sku, ""));
    expect(confirmed).toMatchObject({ status: 200, json: { lines: [{ confirmedQuantity: 1, promisedAt: "2027-01-10" }] } });
    // Who at the buyer took each step stays with the buyer; its own step is named.
    expect(confirmed.json.history.map((h: { actor: string }) => h.actor)).toEqual(["buyer", "buyer", "buyer", ownKey.actor.label]);
    expect(await call("asn", ownKey.key, sent.id, { ...(ROUTES.asn.body!(sku, "") as object), sscc: "376123450000000030" })).toMatchObject({
      status: 200,
      json: { shipments: [{ sscc: "376123450000000030" }] },
    });

    // Another supplier's key learns nothing of it: every route it may use answers 404 and nothing changes.
    const before = await db.purchaseOrderHistory.count({ where: { purchaseOrderId: sent.id } });
    const otherList = await callRoute(ordersRoute.GET, { path: `/api/v1/purchase-orders?supplier=${mine.supplier.code}`, key: otherKey.key });
    expect(otherList).toMatchObject({ status: 200, json: { data: [] } });
    for (const name of ["", "order.csv", "order.pdf", "confirm", "asn"]) {
      const answer = await call(name, otherKey.key, sent.id, ROUTES[name].body?.(sku, mine.bins.a1.code));
      expect(answer.status, name).toBe(404);
      expect(JSON.stringify(answer.json), name).not.toContain(sent.number);
    }
    // The buyer's and the warehouse's steps are closed to any supplier key, its own orders included.
    for (const name of ["approve", "send", "cancel", "close", "receive"]) {
      expect((await call(name, ownKey.key, sent.id, ROUTES[name].body!(sku, mine.bins.a1.code))).status, name).toBe(403);
    }
    expect(await db.purchaseOrderHistory.count({ where: { purchaseOrderId: sent.id } })).toBe(before);

    // Every other endpoint: 403.
    expect((await callRoute(ordersRoute.POST, { method: "POST", path: "/api/v1/purchase-orders", key: ownKey.key, body: {} })).status).toBe(403);
    for (const [handler, path] of [
      [itemsRoute.GET, "/api/v1/items"],
      [stockRoute.GET, "/api/v1/stock"],
      [suppliersRoute.GET, "/api/v1/suppliers"],
      [apiKeysRoute.GET, "/api/v1/api-keys"],
    ] as const) {
      expect((await callRoute(handler as Handler, { path, key: ownKey.key })).status, path).toBe(403);
    }
    const move = await callRoute(movementsRoute.POST, {
      method: "POST",
      path: "/api/v1/movements",
      key: ownKey.key,
      body: { kind: "receive", sku, to: mine.bins.a1.code, quantity: 1, reason: "received" },
    });
    expect(move.status).toBe(403);
  });

  it("receives by the SSCC of the supplier's notice through the route, and finds the order by that SSCC", async () => {
    const w = await buildPurchasing(db);
    const supplierKey = await buildApiKey(db, "supplier", [], w.supplier.code);
    const clerk = await buildApiKey(db, "clerk", [w.site.code]);
    const sku = w.items.plain.sku;
    const sent = await w.sentOrder([{ sku, quantity: 24 }]);
    const sscc = "376123450000000047";
    const noticed = await call("asn", supplierKey.key, sent.id, {
      sscc,
      shipDate: "2027-01-02",
      expectedAt: "2027-01-05",
      lines: [{ sku, quantity: 24 }],
    });
    expect(noticed.status).toBe(200);
    const found = await callRoute(ordersRoute.GET, { path: `/api/v1/purchase-orders?sscc=${sscc}`, key: clerk.key });
    expect(found.json.data).toMatchObject([{ id: sent.id }]);
    const received = await call("receive", clerk.key, sent.id, { to: w.bins.a1.code, sscc });
    expect(received).toMatchObject({ status: 200, json: { status: "received", lines: [{ received: 24 }] } });
    expect(await call("receive", clerk.key, sent.id, { to: w.bins.a1.code, sscc })).toMatchObject({
      status: 409,
      json: { code: "shipment_conflict" },
    });
    const over = await call("receive", clerk.key, sent.id, { to: w.bins.a1.code, lines: [{ sku, quantity: 1 }] });
    expect(over).toMatchObject({
      status: 422,
      json: { errors: [{ field: "lines.0.quantity", message: expect.stringContaining("ordered 24, 24 received so far") }] },
    });
  });
});
