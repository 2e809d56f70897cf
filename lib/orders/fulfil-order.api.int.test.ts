// The fulfilment routes as a client sees them: statuses, problem JSON with the field and code to buzz on, PDFs.
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import * as confirmRoute from "../../app/api/v1/pick-lists/[id]/confirm/route";
import * as waveRoute from "../../app/api/v1/pick-lists/wave/route";
import * as closeRoute from "../../app/api/v1/orders/[id]/packages/[n]/close/route";
import * as itemsRoute from "../../app/api/v1/orders/[id]/packages/[n]/items/route";
import * as labelRoute from "../../app/api/v1/orders/[id]/packages/[n]/label.pdf/route";
import * as packagesRoute from "../../app/api/v1/orders/[id]/packages/route";
import * as slipRoute from "../../app/api/v1/orders/[id]/packing-slip.pdf/route";
import * as pickListRoute from "../../app/api/v1/orders/[id]/pick-list/route";
import { buildApiKey, buildSite } from "../../tests/factories/access";
import { buildWarehouse } from "../../tests/factories/stock";
import { callRoute } from "../../tests/integration/api/call-route";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getDb } from "../db/client";
import { postMovement } from "../ledger/post-movement";
import { createOrder } from "./create-order";

const db = getDb();

type Route = { POST?: unknown; GET?: unknown };
const post = (route: Route, path: string, key: string, params: Record<string, string>, body?: unknown, headers: Record<string, string> = {}) =>
  callRoute(route.POST as never, { method: "POST", path, key, body, headers, params });

/** GETs a file route; a PDF answer is parsed for its page count and title. */
async function getFile(route: Route, path: string, key: string, params: Record<string, string>) {
  const handler = route.GET as (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
  const response = await handler(new Request(`http://localhost${path}`, { headers: { authorization: `Bearer ${key}` } }), {
    params: Promise.resolve(params),
  });
  const contentType = response.headers.get("content-type");
  if (contentType !== "application/pdf") return { status: response.status, contentType };
  const pdf = await PDFDocument.load(new Uint8Array(await response.arrayBuffer()));
  return { status: response.status, contentType, pages: pdf.getPageCount(), title: pdf.getTitle() ?? "" };
}

describe("/api/v1/orders/{id} fulfilment routes", () => {
  it("pick list, picks by stop, packing by scan and the PDFs, with the documented statuses", async () => {
    const w = await buildWarehouse(db);
    await postMovement(db, SYSTEM_ACTOR, { kind: "receive", sku: w.items.plain.sku, quantity: 4, to: w.bins.a1.code, reason: "received" });
    const order = await createOrder(db, SYSTEM_ACTOR, {
      reference: `API-${Date.now()}`,
      customer: { name: "Ada" },
      site: w.site.code,
      lines: [{ sku: w.items.plain.sku, quantity: 2 }],
    });
    const clerk = await buildApiKey(db, "clerk", [w.site.code]);
    const stranger = await buildApiKey(db, "clerk", [(await buildSite(db)).code]);
    const base = `/api/v1/orders/${order.id}`;
    const id = { id: order.id };

    expect((await post(pickListRoute, `${base}/pick-list`, stranger.key, id)).status).toBe(403);
    const opened = await post(pickListRoute, `${base}/pick-list`, clerk.key, id, undefined, { "idempotency-key": `pl-${order.id}` });
    expect(opened).toMatchObject({ status: 201, json: { reference: order.number, orders: [{ id: order.id }], stops: [{ seq: 1, quantity: 2 }] } });
    const replay = await post(pickListRoute, `${base}/pick-list`, clerk.key, id, undefined, { "idempotency-key": `pl-${order.id}` });
    expect(replay.json.id).toBe(opened.json.id);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect((await post(pickListRoute, `${base}/pick-list`, clerk.key, id)).status).toBe(409);

    // The scan screen confirms by stop: the same path moves the units to staging.
    const listId = opened.json.id as string;
    const picked = await post(confirmRoute, `/api/v1/pick-lists/${listId}/confirm`, clerk.key, { id: listId }, { seq: 1, quantity: 2 });
    expect(picked).toMatchObject({ status: 200, json: { movement: { movement: { kind: "move", to: `${w.site.code}-STAGING` } } } });

    expect(await post(packagesRoute, `${base}/packages`, clerk.key, id)).toMatchObject({ status: 201, json: { package: { number: 1 } } });
    const pkg = { id: order.id, n: "1" };
    const wrong = await post(itemsRoute, `${base}/packages/1/items`, clerk.key, pkg, { code: w.items.lotted.sku });
    expect(wrong).toMatchObject({ status: 422, json: { code: "wrong_item", errors: [{ field: "code" }] } });
    expect(wrong.contentType).toBe("application/problem+json");
    const tooMany = await post(itemsRoute, `${base}/packages/1/items`, clerk.key, pkg, { sku: w.items.plain.sku, quantity: 3 });
    expect(tooMany).toMatchObject({ status: 422, json: { code: "too_many", errors: [{ field: "quantity" }] } });
    expect((await post(itemsRoute, `${base}/packages/1/items`, clerk.key, pkg, { code: "a", sku: "b" })).status).toBe(422);
    const scanKey = { "idempotency-key": `scan-${order.id}` };
    await post(itemsRoute, `${base}/packages/1/items`, clerk.key, pkg, { code: w.items.plain.sku, quantity: 2 }, scanKey);
    // A retried scan is not packed twice.
    expect((await post(itemsRoute, `${base}/packages/1/items`, clerk.key, pkg, { code: w.items.plain.sku, quantity: 2 }, scanKey)).status).toBe(200);
    const badBox = await post(closeRoute, `${base}/packages/1/close`, clerk.key, pkg, { weightGrams: 0, lengthMm: 1, widthMm: 1, heightMm: 1 });
    expect(badBox).toMatchObject({ status: 422, json: { errors: [{ field: "weightGrams" }] } });
    const closed = await post(closeRoute, `${base}/packages/1/close`, clerk.key, pkg, {
      weightGrams: 900,
      lengthMm: 200,
      widthMm: 150,
      heightMm: 80,
    });
    expect(closed).toMatchObject({ status: 200, json: { order: { status: "packed", lines: [{ picked: 2, packed: 2 }] } } });

    const slip = await getFile(slipRoute, `${base}/packing-slip.pdf`, clerk.key, id);
    expect(slip).toMatchObject({ status: 200, contentType: "application/pdf", pages: 1 });
    expect(slip.title).toContain(order.number);
    const label = await getFile(labelRoute, `${base}/packages/1/label.pdf`, clerk.key, pkg);
    expect(label).toMatchObject({ status: 200, contentType: "application/pdf", pages: 1 });
    expect(label.title).toContain(order.number);
    expect((await getFile(labelRoute, `${base}/packages/1/label.pdf`, stranger.key, pkg)).status).toBe(404);
  });

  it("a wave of orders from several sites is refused on `orders`", async () => {
    const w = await buildWarehouse(db);
    const other = await buildWarehouse(db);
    await postMovement(db, SYSTEM_ACTOR, { kind: "receive", sku: w.items.plain.sku, quantity: 2, to: w.bins.a1.code, reason: "received" });
    await postMovement(db, SYSTEM_ACTOR, { kind: "receive", sku: w.items.plain.sku, quantity: 2, to: other.bins.a1.code, reason: "received" });
    const orders = await Promise.all(
      [w.site.code, other.site.code].map((site, i) =>
        createOrder(db, SYSTEM_ACTOR, {
          reference: `WV-${Date.now()}-${i}`,
          customer: { name: "W" },
          site,
          lines: [{ sku: w.items.plain.sku, quantity: 1 }],
        }),
      ),
    );
    const admin = await buildApiKey(db, "admin");
    const refused = await post(waveRoute, "/api/v1/pick-lists/wave", admin.key, {}, { orders: orders.map((o) => o.id) });
    expect(refused).toMatchObject({ status: 422, json: { errors: [{ field: "orders" }] } });
  });
});
