import { describe, expect, it } from "vitest";
import * as thresholdsRoute from "../../app/api/v1/items/[sku]/thresholds/route";
import { buildApiKey, buildSite } from "../../tests/factories/access";
import { buildWarehouse } from "../../tests/factories/stock";
import { callRoute } from "../../tests/integration/api/call-route";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getDb } from "../db/client";
import { listThresholds } from "./list-thresholds";
import { setThresholds } from "./set-thresholds";

const db = getDb();

describe("setThresholds", () => {
  it("lets a site inherit the item-wide default field by field, and clearing a field inherits it again", async () => {
    const w = await buildWarehouse(db);
    const other = await buildSite(db);
    const sku = w.items.plain.sku;
    await setThresholds(db, SYSTEM_ACTOR, sku, { min: 5, max: 100, reorderPoint: 20 });
    const atSite = await setThresholds(db, SYSTEM_ACTOR, sku, { site: w.site.code, reorderPoint: 30, safetyStock: 4 });
    expect(atSite).toEqual({
      sku,
      site: w.site.code,
      min: 5,
      max: 100,
      reorderPoint: 30,
      reorderQuantity: null,
      safetyStock: 4,
      own: ["reorderPoint", "safetyStock"],
      inherited: ["min", "max"],
    });
    const list = await listThresholds(db, SYSTEM_ACTOR, sku);
    expect(list.default).toMatchObject({ site: null, min: 5, max: 100, reorderPoint: 20, own: ["min", "max", "reorderPoint"] });
    expect(list.data.find((s) => s.site === other.code)).toMatchObject({
      min: 5,
      max: 100,
      reorderPoint: 20,
      own: [],
      inherited: ["min", "max", "reorderPoint"],
    });
    // Left out stays; null clears the site's own value, so the default's shows through again.
    const cleared = await setThresholds(db, SYSTEM_ACTOR, sku, { site: w.site.code, reorderPoint: null });
    expect(cleared).toMatchObject({ reorderPoint: 20, safetyStock: 4, own: ["safetyStock"] });
    expect(await db.stockThreshold.count({ where: { itemId: w.items.plain.id } })).toBe(2);
    // Clearing the last own value leaves no row behind.
    await setThresholds(db, SYSTEM_ACTOR, sku, { site: w.site.code, safetyStock: null });
    expect(await db.stockThreshold.count({ where: { itemId: w.items.plain.id } })).toBe(1);
  });

  it("records the change in the audit log and announces it once, with the thresholds in force", async () => {
    const w = await buildWarehouse(db);
    await setThresholds(db, SYSTEM_ACTOR, w.items.plain.sku, { site: w.site.code, max: 50 });
    const events = await db.outboxEvent.findMany({ where: { type: "item.thresholds_changed", aggregateId: w.items.plain.id } });
    expect(events).toHaveLength(1);
    expect(events[0].payload).toMatchObject({ sku: w.items.plain.sku, site: w.site.code, changed: ["max"], inForce: { max: 50 } });
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "item.thresholds", entityId: w.items.plain.id } });
    expect(audit.before).toBeNull();
    expect(audit.after).toMatchObject({ max: 50, min: null });
  });

  it("refuses min above max, in the input, in the row, and in force with the default's", async () => {
    const w = await buildWarehouse(db);
    const sku = w.items.plain.sku;
    await expect(setThresholds(db, SYSTEM_ACTOR, sku, { site: w.site.code, min: 9, max: 3 })).rejects.toMatchObject({
      issues: [{ field: "max" }],
    });
    await setThresholds(db, SYSTEM_ACTOR, sku, { site: w.site.code, max: 10 });
    await expect(setThresholds(db, SYSTEM_ACTOR, sku, { site: w.site.code, min: 11 })).rejects.toMatchObject({ issues: [{ field: "min" }] });
    await setThresholds(db, SYSTEM_ACTOR, sku, { min: 2 });
    await expect(setThresholds(db, SYSTEM_ACTOR, sku, { min: 12 })).rejects.toMatchObject({
      issues: [{ field: "min", message: expect.stringContaining(w.site.code) }],
    });
    expect((await listThresholds(db, SYSTEM_ACTOR, sku)).default.min).toBe(2);
  });

  it("leaves one row for one item × site, and one default, however many writes race", async () => {
    const w = await buildWarehouse(db);
    const sku = w.items.plain.sku;
    const writes = Array.from({ length: 20 }, (_, n) => setThresholds(db, SYSTEM_ACTOR, sku, { site: w.site.code, reorderPoint: n, max: 100 + n }));
    const defaults = Array.from({ length: 10 }, (_, n) => setThresholds(db, SYSTEM_ACTOR, sku, { reorderQuantity: n + 1 }));
    const results = await Promise.allSettled([...writes, ...defaults]);
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const rows = await db.stockThreshold.findMany({ where: { itemId: w.items.plain.id }, orderBy: { siteId: "asc" } });
    expect(rows).toHaveLength(2);
    const siteRow = rows.find((r) => r.siteId === w.site.id)!;
    expect(siteRow.maxQty! - siteRow.reorderPoint!).toBe(100); // both fields from the same write
    expect(await db.outboxEvent.count({ where: { type: "item.thresholds_changed", aggregateId: w.items.plain.id } })).toBe(30);
  });

  it("replays an idempotent write without a second effect", async () => {
    const w = await buildWarehouse(db);
    const key = { actorKey: "system", key: "thresholds-once", hash: "h", method: "PUT", path: `/api/v1/items/${w.items.plain.sku}/thresholds` };
    const first = await setThresholds(db, SYSTEM_ACTOR, w.items.plain.sku, { site: w.site.code, min: 1 }, { idempotency: key });
    const again = await setThresholds(db, SYSTEM_ACTOR, w.items.plain.sku, { site: w.site.code, min: 1 }, { idempotency: key });
    expect(again).toEqual(first);
    expect(await db.auditEntry.count({ where: { action: "item.thresholds", entityId: w.items.plain.id } })).toBe(1);
  });
});

describe("PUT and GET /api/v1/items/{sku}/thresholds", () => {
  const put = (sku: string, key: string, body: unknown) =>
    callRoute(thresholdsRoute.PUT, { method: "PUT", path: `/api/v1/items/${sku}/thresholds`, key, body, params: { sku } });
  const get = (sku: string, key: string) => callRoute(thresholdsRoute.GET, { path: `/api/v1/items/${sku}/thresholds`, key, params: { sku } });

  it("answers the thresholds in force, 422 naming the field, 404 for an unknown SKU or site", async () => {
    const w = await buildWarehouse(db);
    const { key: admin } = await buildApiKey(db, "admin");
    const sku = w.items.plain.sku;
    const ok = await put(sku, admin, { site: w.site.code.toLowerCase(), reorderPoint: 8, max: 40 });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ sku, site: w.site.code, reorderPoint: 8, max: 40, own: ["max", "reorderPoint"] });
    const crossed = await put(sku, admin, { site: w.site.code, min: 50 });
    expect(crossed.status).toBe(422);
    expect(crossed.json.errors).toEqual([expect.objectContaining({ field: "min" })]);
    const negative = await put(sku, admin, { site: w.site.code, safetyStock: -1 });
    expect(negative.status).toBe(422);
    expect(negative.json.errors).toEqual([expect.objectContaining({ field: "safetyStock" })]);
    expect((await put("NO-SUCH-SKU", admin, { min: 1 })).status).toBe(404);
    expect((await put(sku, admin, { site: "NOWHERE", min: 1 })).status).toBe(404);
    const listed = await get(sku, admin);
    expect(listed.status).toBe(200);
    expect(listed.json.data.find((s: { site: string }) => s.site === w.site.code)).toMatchObject({ reorderPoint: 8, max: 40 });
  });

  it("answers 20 concurrent PUTs to one item × site with 200 each, leaving one row that is one of them", async () => {
    const w = await buildWarehouse(db);
    const { key: admin } = await buildApiKey(db, "admin");
    const sku = w.items.plain.sku;
    const answers = await Promise.all(Array.from({ length: 20 }, (_, n) => put(sku, admin, { site: w.site.code, min: n, max: n + 50 })));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    const rows = await db.stockThreshold.findMany({ where: { itemId: w.items.plain.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0].maxQty! - rows[0].minQty!).toBe(50);
    expect((await get(sku, admin)).json.data.find((s: { site: string }) => s.site === w.site.code)).toMatchObject({
      min: rows[0].minQty,
      max: rows[0].maxQty,
    });
  });

  it("lets a manager of one site set that site's thresholds only, and only unscoped managers the default", async () => {
    const w = await buildWarehouse(db);
    const other = await buildSite(db);
    const sku = w.items.plain.sku;
    const { key: scoped } = await buildApiKey(db, "manager", [w.site.code]);
    const { key: manager } = await buildApiKey(db, "manager");
    const { key: clerk } = await buildApiKey(db, "clerk", [w.site.code]);
    const { key: viewer } = await buildApiKey(db, "viewer", [other.code]);
    expect((await put(sku, scoped, { site: w.site.code, min: 1 })).status).toBe(200);
    expect((await put(sku, scoped, { site: other.code, min: 1 })).status).toBe(403);
    const defaultByScoped = await put(sku, scoped, { min: 1 });
    expect(defaultByScoped.status).toBe(422);
    expect(defaultByScoped.json.errors).toEqual([{ field: "site", message: expect.stringContaining("item-wide default") }]);
    expect((await put(sku, clerk, { site: w.site.code, min: 1 })).status).toBe(403);
    expect((await put(sku, manager, { min: 2 })).status).toBe(200);
    // A viewer reads, and sees only the sites it may view.
    const seen = await get(sku, viewer);
    expect(seen.status).toBe(200);
    expect(seen.json.data.map((s: { site: string }) => s.site)).toEqual([other.code]);
    expect(seen.json.default).toMatchObject({ min: 2 });
  });
});
