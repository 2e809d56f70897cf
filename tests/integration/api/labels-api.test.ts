// The label routes: file answers through the one edge wrapper (lib/http/api-route.ts).
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { GET as getLabel } from "../../../app/api/v1/labels/[kind]/[ref]/route";
import { POST as postLabels } from "../../../app/api/v1/labels/route";
import { getDb } from "../../../lib/db/client";
import { buildApiKey } from "../../factories/access";
import { buildWarehouse } from "../../factories/stock";

const db = getDb();

function call(handler: typeof getLabel, path: string, options: { key?: string; params?: Record<string, string>; body?: string } = {}) {
  const request = new Request(`http://localhost${path}`, {
    method: options.body === undefined ? "GET" : "POST",
    headers: options.key ? { authorization: `Bearer ${options.key}` } : {},
    body: options.body,
  });
  return handler(request, { params: Promise.resolve(options.params ?? {}) });
}

describe("label routes", () => {
  it("send a bin subtree as an inline A4 PDF, and a ZPL download", async () => {
    const w = await buildWarehouse(db);
    const { key } = await buildApiKey(db, "viewer");
    const params = { kind: "bin", ref: w.site.code };
    const pdf = await call(getLabel, `/api/v1/labels/bin/${w.site.code}?subtree=true`, { key, params });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.headers.get("content-disposition")).toBe(`inline; filename="labels-bin-${w.site.code}.pdf"`);
    expect((await PDFDocument.load(new Uint8Array(await pdf.arrayBuffer()))).getPageCount()).toBe(1);

    const zpl = await call(getLabel, `/api/v1/labels/bin/${w.site.code}?subtree=true&format=zpl&size=62mm`, { key, params });
    expect(zpl.headers.get("content-disposition")).toBe(`attachment; filename="labels-bin-${w.site.code}.zpl"`);
    expect((await zpl.text()).match(/\^XA/g)).toHaveLength(4);
  });

  it("print a selection of items posted as JSON", async () => {
    const w = await buildWarehouse(db);
    const { key } = await buildApiKey(db, "clerk", [w.site.code]);
    const response = await call(postLabels, "/api/v1/labels", {
      key,
      body: JSON.stringify({ kind: "item", refs: [w.items.plain.sku, w.items.milk.sku], format: "zpl", size: "4x6" }),
    });
    expect(response.status).toBe(200);
    expect((await response.text()).match(/\^XA/g)).toHaveLength(2);
  });

  it("answer refusals as problem JSON: 401, 404, 422, 400", async () => {
    const { key } = await buildApiKey(db, "viewer");
    const unauthenticated = await call(getLabel, "/api/v1/labels/item/X", { params: { kind: "item", ref: "X" } });
    expect(unauthenticated.status).toBe(401);
    expect(unauthenticated.headers.get("content-type")).toBe("application/problem+json");

    const unknown = await call(getLabel, "/api/v1/labels/item/NO-SUCH", { key, params: { kind: "item", ref: "NO-SUCH" } });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: "not_found", instance: "/api/v1/labels/item/NO-SUCH" });

    const badKind = await call(getLabel, "/api/v1/labels/pallet/1", { key, params: { kind: "pallet", ref: "1" } });
    expect(badKind.status).toBe(422);
    expect((await badKind.json()).errors).toEqual([expect.objectContaining({ field: "kind" })]);

    const badSscc = await call(getLabel, "/api/v1/labels/sscc/123", { key, params: { kind: "sscc", ref: "123" } });
    expect(await badSscc.json()).toMatchObject({ status: 422, errors: [{ field: "ref" }] });

    expect((await call(postLabels, "/api/v1/labels", { key, body: "{not json" })).status).toBe(400);
    expect((await call(postLabels, "/api/v1/labels", { key, body: JSON.stringify({ kind: "lot", refs: ["L1"] }) })).status).toBe(422);
  });
});
