import { describe, expect, it } from "vitest";
import * as itemRoutes from "../../../app/api/v1/items/route";
import * as itemBySkuRoutes from "../../../app/api/v1/items/[sku]/route";
import { getDb } from "../../../lib/db/client";
import { buildApiKey, buildSite } from "../../factories/access";
import { buildItem, buildSupplier, validGtin13, withWrongCheckDigit } from "../../factories/catalog";
import { callRoute } from "./call-route";

const db = getDb();
const post = (key: string | undefined, body: unknown) => callRoute(itemRoutes.POST, { method: "POST", path: "/api/v1/items", key, body });
const getOne = (key: string, sku: string) => callRoute(itemBySkuRoutes.GET, { path: `/api/v1/items/${sku}`, key, params: { sku } });
const patch = (key: string, sku: string, body: unknown) =>
  callRoute(itemBySkuRoutes.PATCH, { method: "PATCH", path: `/api/v1/items/${sku}`, key, body, params: { sku } });

describe("POST /api/v1/items", () => {
  it("answers 401 problem JSON without a key", async () => {
    const res = await post(undefined, { sku: "anon", name: "X" });
    expect(res).toMatchObject({ status: 401, contentType: "application/problem+json", json: { code: "unauthenticated" } });
  });

  it("answers 403 to viewers and clerks and creates nothing", async () => {
    const site = await buildSite(db);
    for (const key of [await buildApiKey(db, "viewer"), await buildApiKey(db, "clerk", [site.code])]) {
      const res = await post(key.key, { sku: `by-${key.role}`, name: "X" });
      expect(res.status, key.role).toBe(403);
      expect(res.json.code).toBe("forbidden");
    }
    expect(await db.item.count({ where: { skuKey: { startsWith: "by-" } } })).toBe(0);
  });

  it("creates with 201 for a manager, then 409 for the same SKU in another case and for a taken barcode", async () => {
    const manager = await buildApiKey(db, "manager");
    const supplier = await buildSupplier(db);
    const gtin = validGtin13();
    const created = await post(manager.key, {
      sku: "Api-1",
      name: "Via API",
      barcodes: [gtin],
      suppliers: [{ supplier: supplier.code, unitCost: 9.99 }],
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ sku: "Api-1", barcodes: [{ code: `0${gtin}`, kind: "gtin" }], suppliers: [{ unitCost: "9.9900" }] });
    const again = await post(manager.key, { sku: "API-1", name: "Twin" });
    expect(again).toMatchObject({ status: 409, contentType: "application/problem+json", json: { code: "sku_taken", type: "/problems/sku-taken" } });
    const barcode = await post(manager.key, { sku: "Api-2", name: "Copy", barcodes: [gtin] });
    expect(barcode).toMatchObject({ status: 409, json: { code: "barcode_taken", heldBy: "Api-1" } });
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "item.create", after: { path: ["sku"], equals: "Api-1" } } });
    expect(audit.actorLabel).toBe(`key:${manager.name}`);
  });

  it("answers 422 naming the bad barcode and the unknown supplier", async () => {
    const manager = await buildApiKey(db, "manager");
    const badGtin = await post(manager.key, { sku: "Bad-1", name: "X", barcodes: [withWrongCheckDigit(validGtin13())] });
    expect(badGtin.status).toBe(422);
    expect(badGtin.json.errors).toEqual([{ field: "barcodes.0", message: expect.stringContaining("check digit") }]);
    const unknown = await post(manager.key, { sku: "Bad-2", name: "X", suppliers: [{ supplier: "NOBODY" }] });
    expect(unknown.status).toBe(422);
    expect(unknown.json.errors.map((e: { field: string }) => e.field)).toEqual(["suppliers.0.supplier"]);
    const missing = await post(manager.key, {});
    expect(missing.json.errors.map((e: { field: string }) => e.field).sort()).toEqual(["name", "sku"]);
  });
});

describe("GET /api/v1/items", () => {
  it("pages through items for a viewer with nextCursor, and 422s a bad limit", async () => {
    const viewer = await buildApiKey(db, "viewer");
    for (const sku of ["LIST-A", "LIST-B", "LIST-C"]) await buildItem(db, { sku });
    const first = await callRoute(itemRoutes.GET, { path: "/api/v1/items?q=list-&limit=2", key: viewer.key });
    expect(first.status).toBe(200);
    expect(first.json.data.map((i: { sku: string }) => i.sku)).toEqual(["LIST-A", "LIST-B"]);
    const second = await callRoute(itemRoutes.GET, { path: `/api/v1/items?q=list-&limit=2&cursor=${first.json.nextCursor}`, key: viewer.key });
    expect(second.json).toMatchObject({ data: [{ sku: "LIST-C" }], nextCursor: null });
    const bad = await callRoute(itemRoutes.GET, { path: "/api/v1/items?limit=0", key: viewer.key });
    expect(bad.status).toBe(422);
    expect(bad.json.errors[0].field).toBe("limit");
  });
});

describe("GET and PATCH /api/v1/items/{sku}", () => {
  it("reads an item by SKU in any case, and 404s an unknown one", async () => {
    const viewer = await buildApiKey(db, "viewer");
    await buildItem(db, { sku: "Get-Me" });
    expect(await getOne(viewer.key, "get-me")).toMatchObject({ status: 200, json: { sku: "Get-Me" } });
    expect(await getOne(viewer.key, "nope")).toMatchObject({ status: 404, contentType: "application/problem+json", json: { code: "not_found" } });
  });

  it("changes an item for a manager; 403 for a viewer, 404 unknown, 422 SKU change, 409 taken barcode", async () => {
    const [manager, viewer] = [await buildApiKey(db, "manager"), await buildApiKey(db, "viewer")];
    const gtin = validGtin13();
    await buildItem(db, { sku: "Patch-1" });
    await buildItem(db, { sku: "Patch-2", barcodes: [gtin] });
    expect(await patch(manager.key, "patch-1", { name: "Patched", active: false })).toMatchObject({
      status: 200,
      json: { name: "Patched", active: false },
    });
    expect((await patch(viewer.key, "Patch-1", { name: "No" })).status).toBe(403);
    expect((await patch(manager.key, "Patch-9", { name: "No" })).status).toBe(404);
    expect(await patch(manager.key, "Patch-1", { sku: "Patch-3" })).toMatchObject({ status: 422, json: { errors: [{ field: "sku" }] } });
    expect(await patch(manager.key, "Patch-1", { barcodes: [gtin] })).toMatchObject({ status: 409, json: { code: "barcode_taken" } });
  });
});
