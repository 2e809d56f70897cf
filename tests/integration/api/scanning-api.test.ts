import { describe, expect, it } from "vitest";
import { z } from "zod";
import * as pickRoute from "../../../app/api/v1/pick-lists/[id]/picks/route";
import * as cancelRoute from "../../../app/api/v1/pick-lists/[id]/cancel/route";
import * as oneRoute from "../../../app/api/v1/pick-lists/[id]/route";
import * as listsRoute from "../../../app/api/v1/pick-lists/route";
import * as countsRoute from "../../../app/api/v1/counts/route";
import * as countRoute from "../../../app/api/v1/counts/[id]/route";
import * as scansRoute from "../../../app/api/v1/counts/[id]/scans/route";
import * as submitRoute from "../../../app/api/v1/counts/[id]/submit/route";
import * as countCancelRoute from "../../../app/api/v1/counts/[id]/cancel/route";
import { buildApiKey, buildSite } from "../../factories/access";
import { buildWarehouse } from "../../factories/stock";
import { callRoute } from "./call-route";
import { SYSTEM_ACTOR } from "../../../lib/auth/actor";
import { getDb } from "../../../lib/db/client";
import { postMovement } from "../../../lib/ledger/post-movement";
import * as pickOps from "../../../lib/picking/operations";
import * as countOps from "../../../lib/counting/operations";

const db = getDb();

describe("tmp routes", () => {
  it("schemas convert to JSON schema", () => {
    for (const op of [...Object.values(pickOps), ...Object.values(countOps)]) {
      for (const s of [op.body, op.query, op.params, op.response])
        if (s) {
          z.toJSONSchema(s, { io: "input", unrepresentable: "any" });
          z.toJSONSchema(s, { io: "output", unrepresentable: "any" });
        }
    }
  });

  it("pick lists end to end", async () => {
    const w = await buildWarehouse(db);
    await postMovement(db, SYSTEM_ACTOR, { kind: "receive", sku: w.items.plain.sku, quantity: 5, to: w.bins.a1.code, reason: "received" });
    const { key } = await buildApiKey(db, "clerk", [w.site.code]);
    const other = await buildApiKey(db, "clerk", [(await buildSite(db)).code]);
    const created = await callRoute(listsRoute.POST, {
      method: "POST",
      path: "/api/v1/pick-lists",
      key,
      body: { site: w.site.code, reference: "SO-9", lines: [{ sku: w.items.plain.sku, quantity: 2 }] },
    });
    expect(created.status).toBe(201);
    const id = created.json.id;
    const short = await callRoute(listsRoute.POST, {
      method: "POST",
      path: "/api/v1/pick-lists",
      key,
      body: { site: w.site.code, reference: "SO-10", lines: [{ sku: w.items.plain.sku, quantity: 9 }] },
    });
    expect(short).toMatchObject({ status: 409, json: { code: "not_enough_to_pick", errors: [{ field: "lines.0.quantity" }] } });
    console.log(JSON.stringify(short.json));
    const dup = await callRoute(listsRoute.POST, {
      method: "POST",
      path: "/api/v1/pick-lists",
      key,
      body: { site: w.site.code, reference: "SO-9", lines: [{ sku: w.items.plain.sku, quantity: 1 }] },
    });
    expect(dup.status).toBe(409);
    expect(
      (
        await callRoute(listsRoute.POST, {
          method: "POST",
          path: "/api/v1/pick-lists",
          key: other.key,
          body: { site: w.site.code, reference: "SO-11", lines: [{ sku: w.items.plain.sku, quantity: 1 }] },
        })
      ).status,
    ).toBe(403);
    const listed = await callRoute(listsRoute.GET, { path: `/api/v1/pick-lists?site=${w.site.code.toLowerCase()}&status=open`, key });
    expect(listed.json.data).toHaveLength(1);
    expect((await callRoute(oneRoute.GET, { path: `/api/v1/pick-lists/${id}`, key, params: { id } })).json.lines[0].from).toBe(w.bins.a1.code);
    expect((await callRoute(oneRoute.GET, { path: `/api/v1/pick-lists/nope`, key, params: { id: "nope" } })).status).toBe(404);
    const body = { lineNo: 1, from: w.bins.a1.code, sku: w.items.plain.sku, quantity: 1 };
    const path = `/api/v1/pick-lists/${id}/picks`;
    const first = await callRoute(pickRoute.POST, { method: "POST", path, key, body, params: { id }, headers: { "idempotency-key": "p1" } });
    const again = await callRoute(pickRoute.POST, { method: "POST", path, key, body, params: { id }, headers: { "idempotency-key": "p1" } });
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.json.movement.postingId).toBe(first.json.movement.postingId);
    const wrong = await callRoute(pickRoute.POST, { method: "POST", path, key, body: { ...body, from: w.bins.a2.code }, params: { id } });
    expect(wrong).toMatchObject({ status: 422, json: { errors: [{ field: "from" }] } });
    expect((await callRoute(cancelRoute.POST, { method: "POST", path: `/api/v1/pick-lists/${id}/cancel`, key, params: { id } })).status).toBe(403);
    const mgr = await buildApiKey(db, "manager", [w.site.code]);
    expect(
      (await callRoute(cancelRoute.POST, { method: "POST", path: `/api/v1/pick-lists/${id}/cancel`, key: mgr.key, params: { id } })).json.status,
    ).toBe("cancelled");
    expect((await callRoute(pickRoute.POST, { method: "POST", path, key, body, params: { id } })).status).toBe(409);
  });

  it("counts end to end", async () => {
    const w = await buildWarehouse(db);
    await postMovement(db, SYSTEM_ACTOR, { kind: "receive", sku: w.items.plain.sku, quantity: 5, to: w.bins.a1.code, reason: "received" });
    const { key } = await buildApiKey(db, "clerk", [w.site.code]);
    const [a, b] = await Promise.all(
      [1, 2].map(() => callRoute(countsRoute.POST, { method: "POST", path: "/api/v1/counts", key, body: { location: w.bins.a1.code } })),
    );
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const id = (a.status === 201 ? a : b).json.id;
    console.log(JSON.stringify((a.status === 409 ? a : b).json));
    const scanned = await callRoute(scansRoute.POST, {
      method: "POST",
      path: `/api/v1/counts/${id}/scans`,
      key,
      params: { id },
      body: { scans: [{ location: w.bins.a1.code, sku: w.items.plain.sku }] },
    });
    expect(scanned.json.lines[0]).toMatchObject({ expected: 5, counted: 1 });
    const badScan = await callRoute(scansRoute.POST, {
      method: "POST",
      path: `/api/v1/counts/${id}/scans`,
      key,
      params: { id },
      body: { scans: [{ location: w.bins.a2.code, sku: w.items.plain.sku }] },
    });
    expect(badScan).toMatchObject({ status: 422, json: { errors: [{ field: "scans.0.location" }] } });
    expect((await callRoute(countsRoute.GET, { path: `/api/v1/counts?status=open`, key })).json.data[0]).toMatchObject({ id, scanned: 1 });
    expect((await callRoute(countRoute.GET, { path: `/api/v1/counts/${id}`, key, params: { id } })).json.missing).toEqual([]);
    const path = `/api/v1/counts/${id}/submit`;
    const first = await callRoute(submitRoute.POST, { method: "POST", path, key, params: { id }, headers: { "idempotency-key": "c1" } });
    const again = await callRoute(submitRoute.POST, { method: "POST", path, key, params: { id }, headers: { "idempotency-key": "c1" } });
    expect(first.status).toBe(200);
    expect(first.json.posting.movements[0]).toMatchObject({ kind: "count", quantity: 4 });
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect((await callRoute(submitRoute.POST, { method: "POST", path, key, params: { id } })).status).toBe(409);
    expect((await callRoute(countCancelRoute.POST, { method: "POST", path: `/api/v1/counts/${id}/cancel`, key, params: { id } })).status).toBe(409);
  });
});
