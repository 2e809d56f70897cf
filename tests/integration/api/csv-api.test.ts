// The CSV import and export routes: statuses, problem JSON, and the CSV that comes back.
import { describe, expect, it } from "vitest";
import * as itemExportRoute from "../../../app/api/v1/items/export/route";
import * as itemImportRoute from "../../../app/api/v1/items/import/route";
import * as stockExportRoute from "../../../app/api/v1/stock/export/route";
import * as stockImportRoute from "../../../app/api/v1/stock/import/route";
import { SYSTEM_ACTOR } from "../../../lib/auth/actor";
import { exportItems } from "../../../lib/catalog/export-items";
import { exportItemsOp } from "../../../lib/catalog/import-operations";
import { getDb } from "../../../lib/db/client";
import { apiRoute } from "../../../lib/http/api-route";
import { csvAnswer } from "../../../lib/http/edge-answers";
import { postMovement } from "../../../lib/ledger/post-movement";
import { buildApiKey, buildSite } from "../../factories/access";
import { buildItem } from "../../factories/catalog";
import { buildWarehouse } from "../../factories/stock";

const db = getDb();
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function call(handler: Handler, path: string, options: { key?: string; csv?: string; contentType?: string } = {}) {
  const headers: Record<string, string> = {};
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  if (options.csv !== undefined) headers["content-type"] = options.contentType ?? "text/csv";
  const response = await handler(
    new Request(`http://localhost${path}`, { method: options.csv === undefined ? "GET" : "POST", headers, body: options.csv }),
    {
      params: Promise.resolve({}),
    },
  );
  // ignoreBOM keeps the BOM in the text, to see that the download carries one.
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
  const contentType = response.headers.get("content-type") ?? "";
  return { status: response.status, contentType, headers: response.headers, text, json: contentType.includes("json") ? JSON.parse(text) : null };
}

describe("POST /api/v1/items/import", () => {
  const post = (key: string | undefined, csv: string, mode?: string, contentType?: string) =>
    call(itemImportRoute.POST as Handler, `/api/v1/items/import${mode ? `?mode=${mode}` : ""}`, { key, csv, contentType });

  it("answers 401 without credentials and 403 to a clerk, as problem JSON", async () => {
    expect(await post(undefined, "sku,name\nA,B\n")).toMatchObject({
      status: 401,
      contentType: "application/problem+json",
      json: { code: "unauthenticated" },
    });
    const site = await buildSite(db);
    const clerk = await buildApiKey(db, "clerk", [site.code]);
    expect(await post(clerk.key, "sku,name\nA,B\n")).toMatchObject({ status: 403, json: { code: "forbidden" } });
  });

  it("checks by default (200, nothing written), 422s import-all with the report, imports the valid rows on request", async () => {
    const manager = await buildApiKey(db, "manager");
    const csv = "sku,name\nAPI-IMP-1,Good\nAPI-IMP-2,\n";
    const checked = await post(manager.key, csv);
    expect(checked).toMatchObject({
      status: 200,
      json: { rows: 2, valid: 1, imported: 0, invalid: [{ line: 3, sku: "API-IMP-2", errors: [{ field: "name", message: "Enter a name" }] }] },
    });
    expect(await db.item.count({ where: { skuKey: { startsWith: "api-imp-" } } })).toBe(0);

    const refused = await post(manager.key, csv, "import-all");
    expect(refused).toMatchObject({
      status: 422,
      contentType: "application/problem+json",
      json: { code: "import_refused", errors: [{ field: "line.3.name" }], report: { rows: 2, valid: 1, imported: 0, invalid: [{ line: 3 }] } },
    });
    expect(await db.item.count({ where: { skuKey: { startsWith: "api-imp-" } } })).toBe(0);

    expect(await post(manager.key, csv, "import-valid")).toMatchObject({ status: 200, json: { imported: 1 } });
    expect(await db.item.count({ where: { skuKey: { startsWith: "api-imp-" } } })).toBe(1);
  });

  it("answers 422 naming the file for one it cannot read, or a mode it does not know; 415 for a form upload", async () => {
    const manager = await buildApiKey(db, "manager");
    expect(await post(manager.key, "sku,colour\nA,red\n")).toMatchObject({
      status: 422,
      json: { errors: [{ field: "file", message: expect.stringMatching(/^Unknown column colour/) }] },
    });
    expect(await post(manager.key, "")).toMatchObject({ status: 422, json: { errors: [{ field: "file", message: "The file is empty" }] } });
    expect(await post(manager.key, "sku,name\nA,B\n", "yes-please")).toMatchObject({ status: 422, json: { errors: [{ field: "mode" }] } });
    expect(await post(manager.key, "x", undefined, "multipart/form-data; boundary=z")).toMatchObject({
      status: 415,
      json: { code: "unsupported_media_type" },
    });
  });

  it("refuses a body over 5 MB with 413 before reading it all", async () => {
    const manager = await buildApiKey(db, "manager");
    const big = `sku,name\n${"A,B\n".repeat(1_400_000)}`;
    expect(await post(manager.key, big)).toMatchObject({ status: 413, json: { code: "payload_too_large", maxBytes: 5 * 1024 * 1024 } });
  });
});

describe("POST /api/v1/stock/import", () => {
  it("answers 401, 403 to a viewer, and 200 with the posted count to a clerk at the site", async () => {
    const w = await buildWarehouse(db);
    const csv = `sku,location,quantity\n${w.items.plain.sku},${w.bins.a1.code},6\n`;
    const post = (key: string | undefined, mode = "import-valid") =>
      call(stockImportRoute.POST as Handler, `/api/v1/stock/import?mode=${mode}`, { key, csv });
    expect((await post(undefined)).status).toBe(401);
    expect(await post((await buildApiKey(db, "viewer")).key)).toMatchObject({ status: 403, json: { code: "forbidden" } });
    const clerk = await buildApiKey(db, "clerk", [w.site.code]);
    expect(await post(clerk.key)).toMatchObject({ status: 200, json: { rows: 1, valid: 1, imported: 1, invalid: [] } });
    expect(await db.stockMovement.count({ where: { itemId: w.items.plain.id, reference: "OPENING-STOCK" } })).toBe(1);
  });
});

describe("GET /api/v1/items/export and /api/v1/stock/export", () => {
  it("answer 401 problem JSON without credentials", async () => {
    for (const [handler, path] of [
      [itemExportRoute.GET, "/api/v1/items/export"],
      [stockExportRoute.GET, "/api/v1/stock/export"],
    ] as const) {
      expect(await call(handler as Handler, path)).toMatchObject({
        status: 401,
        contentType: "application/problem+json",
        json: { code: "unauthenticated", instance: path },
      });
    }
  });

  it("answer 403 when the operation's permission is missing", async () => {
    // Every role may view stock somewhere, so the check is shown on a download that asks for more.
    const managersOnly = apiRoute({ ...exportItemsOp, permission: "catalog.manage" }, async ({ db, actor }) =>
      csvAnswer(exportItems(db, actor), "items"),
    );
    const viewer = await buildApiKey(db, "viewer");
    expect(await call(managersOnly as Handler, "/api/v1/items/export", { key: viewer.key })).toMatchObject({
      status: 403,
      contentType: "application/problem+json",
      json: { code: "forbidden" },
    });
  });

  it("download CSV as an attachment: the catalogue to a viewer, the stock of the key's sites to a clerk", async () => {
    await buildItem(db, { sku: "API-EXP-1", name: "Exported" });
    const viewer = await buildApiKey(db, "viewer");
    const items = await call(itemExportRoute.GET as Handler, "/api/v1/items/export", { key: viewer.key });
    expect(items.status).toBe(200);
    expect(items.contentType).toBe("text/csv; charset=utf-8");
    expect(items.headers.get("content-disposition")).toMatch(/^attachment; filename="items-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(items.text).toMatch(/^\uFEFFsku,name,description,category,unit,tracking,barcodes,supplier,/);
    expect(items.text).toContain("API-EXP-1,Exported,,,ea,none,");

    const [home, away] = [await buildWarehouse(db), await buildWarehouse(db)];
    for (const w of [home, away])
      await postMovement(db, SYSTEM_ACTOR, { kind: "receive", sku: w.items.plain.sku, to: w.bins.a1.code, quantity: 2, reason: "received" });
    const clerk = await buildApiKey(db, "clerk", [home.site.code]);
    const stock = await call(stockExportRoute.GET as Handler, "/api/v1/stock/export", { key: clerk.key });
    expect(stock.status).toBe(200);
    expect(stock.text.replace(/\n$/, "").split("\n")).toEqual([
      "\uFEFFsku,location,quantity,lot,expires,serials,unit_cost,reference",
      `${home.items.plain.sku},${home.bins.a1.code},2,,,,,`,
    ]);
  });
});

describe("an import retried with its Idempotency-Key", () => {
  it("replays the first answer for the same file and refuses the key for another file", async () => {
    const manager = await buildApiKey(db, "manager");
    const send = (csv: string) =>
      itemImportRoute.POST(
        new Request("http://localhost/api/v1/items/import?mode=import-all", {
          method: "POST",
          headers: { authorization: `Bearer ${manager.key}`, "content-type": "text/csv", "idempotency-key": "csv-once" },
          body: csv,
        }),
        { params: Promise.resolve({}) },
      );
    const first = await send("sku,name\nIDEM-CSV-1,First\n");
    expect(first.status).toBe(200);
    const replay = await send("sku,name\nIDEM-CSV-1,First\n");
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    const other = await send("sku,name\nIDEM-CSV-2,Second\n");
    expect(other.status).toBe(422);
    expect(await db.item.count({ where: { skuKey: { in: ["idem-csv-1", "idem-csv-2"] } } })).toBe(1);
  });
});
