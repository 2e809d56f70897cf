import { describe, expect, it } from "vitest";
import * as batchRoute from "../../../app/api/v1/movements/batch/route";
import * as reverseRoute from "../../../app/api/v1/movements/[id]/reverse/route";
import * as movementsRoute from "../../../app/api/v1/movements/route";
import * as stockRoute from "../../../app/api/v1/stock/route";
import * as traceRoute from "../../../app/api/v1/trace/route";
import { getDb } from "../../../lib/db/client";
import { buildApiKey, buildSite } from "../../factories/access";
import { buildWarehouse } from "../../factories/stock";
import { callRoute } from "./call-route";

const db = getDb();
const post = (key: string, body: unknown, headers: Record<string, string> = {}) =>
  callRoute(movementsRoute.POST, { method: "POST", path: "/api/v1/movements", key, body, headers });

describe("POST /api/v1/movements", () => {
  it("201 with {movement, levels}; 409 when stock is short; 422 naming the field", async () => {
    const w = await buildWarehouse(db);
    const { key } = await buildApiKey(db, "clerk", [w.site.code]);
    const received = await post(key, { kind: "receive", sku: w.items.plain.sku, quantity: 5, to: w.bins.a1.code.toLowerCase(), reason: "received" });
    expect(received.status).toBe(201);
    expect(received.json.movement).toMatchObject({ kind: "receive", quantity: 5, to: w.bins.a1.code });
    expect(received.json.levels[0]).toMatchObject({ onHand: 5, available: 5 });
    const short = await post(key, { kind: "issue", sku: w.items.plain.sku, quantity: 6, from: w.bins.a1.code, reason: "sold" });
    expect(short.status).toBe(409);
    expect(short.contentType).toBe("application/problem+json");
    expect(short.json).toMatchObject({ code: "insufficient_stock", available: 5, requested: 6 });
    const bad = await post(key, { kind: "teleport", sku: "", quantity: -1, reason: "" });
    expect(bad.status).toBe(422);
    expect(bad.json.errors.map((e: { field: string }) => e.field).sort()).toEqual(["kind", "quantity", "reason", "sku"]);
    const unknownBin = await post(key, { kind: "receive", sku: w.items.plain.sku, quantity: 1, to: "NOWHERE", reason: "received" });
    expect(unknownBin).toMatchObject({ status: 422, json: { errors: [{ field: "to" }] } });
  });

  it("401 without a key; 403 for a viewer and for a clerk of another site", async () => {
    const w = await buildWarehouse(db);
    const body = { kind: "receive", sku: w.items.plain.sku, quantity: 1, to: w.bins.a1.code, reason: "received" };
    expect((await callRoute(movementsRoute.POST, { method: "POST", path: "/api/v1/movements", body })).status).toBe(401);
    const viewer = await buildApiKey(db, "viewer");
    expect((await post(viewer.key, body)).status).toBe(403);
    const elsewhere = await buildApiKey(db, "clerk", [(await buildSite(db)).code]);
    expect((await post(elsewhere.key, body)).status).toBe(403);
    expect(await db.stockMovement.count({ where: { itemId: w.items.plain.id } })).toBe(0);
  });

  it("replays a retry with the same Idempotency-Key and 422s the key reused for another body", async () => {
    const w = await buildWarehouse(db);
    const { key } = await buildApiKey(db, "clerk", [w.site.code]);
    const body = { kind: "receive", sku: w.items.plain.sku, quantity: 2, to: w.bins.a1.code, reason: "received" };
    const first = await post(key, body, { "idempotency-key": "rcv-1" });
    const retry = await post(key, body, { "idempotency-key": "rcv-1" });
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.json.postingId).toBe(first.json.postingId);
    expect(await db.stockMovement.count({ where: { itemId: w.items.plain.id } })).toBe(1);
    const other = await post(key, { ...body, quantity: 3 }, { "idempotency-key": "rcv-1" });
    expect(other).toMatchObject({ status: 422, json: { errors: [{ field: "Idempotency-Key" }] } });
  });
});

describe("POST /api/v1/movements/batch", () => {
  it("posts all or none and names the failing index", async () => {
    const w = await buildWarehouse(db);
    const { key } = await buildApiKey(db, "manager");
    const receipts = Array.from({ length: 3 }, (_, i) => ({
      kind: "receive",
      sku: w.items.plain.sku,
      quantity: i + 1,
      to: w.bins.a1.code,
      reason: "received",
    }));
    const ok = await callRoute(batchRoute.POST, { method: "POST", path: "/api/v1/movements/batch", key, body: { movements: receipts } });
    expect(ok.status).toBe(201);
    expect(ok.json.movements).toHaveLength(3);
    const failing = [
      { kind: "issue", sku: w.items.plain.sku, quantity: 1, from: w.bins.a1.code, reason: "sold" },
      { kind: "issue", sku: w.items.plain.sku, quantity: 99, from: w.bins.a1.code, reason: "sold" },
    ];
    const refused = await callRoute(batchRoute.POST, { method: "POST", path: "/api/v1/movements/batch", key, body: { movements: failing } });
    expect(refused).toMatchObject({ status: 409, json: { code: "insufficient_stock", index: 1 } });
    const invalid = await callRoute(batchRoute.POST, {
      method: "POST",
      path: "/api/v1/movements/batch",
      key,
      body: { movements: [receipts[0], { ...receipts[0], quantity: 0 }] },
    });
    expect(invalid).toMatchObject({ status: 422, json: { errors: [{ field: "movements.1.quantity" }] } });
    expect(await db.stockMovement.count({ where: { itemId: w.items.plain.id } })).toBe(3);
  });
});

describe("reverse, stock and trace", () => {
  it("reverses once (201, then 409), lists stock beneath a location, and traces a lot", async () => {
    const w = await buildWarehouse(db);
    const { key } = await buildApiKey(db, "manager");
    await post(key, {
      kind: "receive",
      sku: w.items.lotted.sku,
      quantity: 8,
      to: w.bins.a1.code,
      reason: "received",
      lot: "TR-1",
      expiresAt: "2027-02-01",
      reference: "DN-77",
    });
    const issued = await post(key, { kind: "issue", sku: w.items.lotted.sku, quantity: 3, from: w.bins.a1.code, reason: "sold", reference: "SO-9" });
    const reverse = (id: string) =>
      callRoute(reverseRoute.POST, { method: "POST", path: `/api/v1/movements/${id}/reverse`, key, body: {}, params: { id } });
    expect((await reverse(issued.json.movement.id)).status).toBe(201);
    expect((await reverse(issued.json.movement.id)).json.code).toBe("already_reversed");
    expect((await reverse("123456789")).status).toBe(404);

    const stock = await callRoute(stockRoute.GET, { path: `/api/v1/stock?location=${w.site.code}`, key });
    expect(stock.json.data).toEqual([
      { sku: w.items.lotted.sku, location: w.bins.a1.code, lot: "TR-1", onHand: 8, reserved: 0, available: 8, site: w.site.code, isInTransit: false },
    ]);

    const trace = await callRoute(traceRoute.GET, { path: "/api/v1/trace?lot=TR-1", key });
    const [lot] = trace.json.data;
    expect(lot).toMatchObject({ kind: "lot", code: "TR-1", sku: w.items.lotted.sku });
    expect(lot.receipts.map((m: { reference: string }) => m.reference)).toEqual(["DN-77"]);
    expect(lot.movements.map((m: { kind: string }) => m.kind)).toEqual(["receive", "issue", "reversal"]);
    expect((await callRoute(traceRoute.GET, { path: "/api/v1/trace", key })).status).toBe(422);

    const list = await callRoute(movementsRoute.GET, { path: `/api/v1/movements?sku=${w.items.lotted.sku}&limit=2`, key });
    expect(list.json.data.map((m: { kind: string }) => m.kind)).toEqual(["reversal", "issue"]);
    const next = await callRoute(movementsRoute.GET, {
      path: `/api/v1/movements?sku=${w.items.lotted.sku}&limit=2&cursor=${list.json.nextCursor}`,
      key,
    });
    expect(next.json).toMatchObject({ data: [{ kind: "receive" }], nextCursor: null });
  });
});
