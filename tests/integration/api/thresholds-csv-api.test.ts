// Thresholds per item and site by CSV: POST /api/v1/thresholds/import and GET /api/v1/thresholds/export.
import { describe, expect, it } from "vitest";
import * as exportRoute from "../../../app/api/v1/thresholds/export/route";
import * as importRoute from "../../../app/api/v1/thresholds/import/route";
import { getDb } from "../../../lib/db/client";
import { buildApiKey, buildSite } from "../../factories/access";
import { buildItem } from "../../factories/catalog";

const db = getDb();
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function call(handler: Handler, path: string, key: string, csv?: string) {
  const headers: Record<string, string> = { authorization: `Bearer ${key}` };
  if (csv !== undefined) headers["content-type"] = "text/csv";
  const response = await handler(new Request(`http://localhost${path}`, { method: csv === undefined ? "GET" : "POST", headers, body: csv }), {
    params: Promise.resolve({}),
  });
  const text = await response.text();
  return { status: response.status, text, json: (response.headers.get("content-type") ?? "").includes("json") ? JSON.parse(text) : null };
}

const importCsv = (key: string, csv: string, mode: string) => call(importRoute.POST as Handler, `/api/v1/thresholds/import?mode=${mode}`, key, csv);

async function ownRows(sku: string) {
  const rows = await db.stockThreshold.findMany({
    where: { item: { skuKey: sku.toLowerCase() } },
    include: { site: true },
    orderBy: { siteId: "asc" },
  });
  return rows.map((r) => ({
    site: r.site?.code ?? null,
    min: r.minQty,
    max: r.maxQty,
    reorderPoint: r.reorderPoint,
    reorderQuantity: r.reorderQuantity,
  }));
}

describe("thresholds CSV", () => {
  it("sets the item-wide default and a site's own row; the export gives them back in the same columns", async () => {
    const [site, item, manager] = [await buildSite(db), await buildItem(db), await buildApiKey(db, "manager")];
    const csv = `sku,site,min_qty,max_qty,reorder_point,reorder_quantity,safety_stock\n${item.sku},,2,40,8,20,3\n${item.sku},${site.code},,60,12,,\n`;
    const answer = await importCsv(manager.key, csv, "import-all");
    expect(answer).toMatchObject({ status: 200, json: { rows: 2, valid: 2, imported: 2, invalid: [] } });
    expect(await ownRows(item.sku)).toEqual(
      expect.arrayContaining([
        { site: null, min: 2, max: 40, reorderPoint: 8, reorderQuantity: 20 },
        { site: site.code, min: null, max: 60, reorderPoint: 12, reorderQuantity: null },
      ]),
    );
    const inForce = await db.$queryRaw<{ reorderPoint: number; maxQty: number; minQty: number }[]>`
      SELECT v."reorderPoint", v."maxQty", v."minQty" FROM "StockThresholdInForce" v JOIN "Item" i ON i.id = v."itemId" WHERE i.sku = ${item.sku} AND v."siteId" = ${site.id}::uuid`;
    expect(inForce[0]).toEqual({ reorderPoint: 12, maxQty: 60, minQty: 2 }); // min inherited from the default

    const exported = await call(exportRoute.GET as Handler, "/api/v1/thresholds/export", manager.key);
    expect(exported.status).toBe(200);
    const lines = exported.text
      .replace(/^\uFEFF/, "")
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe("sku,site,min_qty,max_qty,reorder_point,reorder_quantity,safety_stock");
    expect(lines).toContain(`${item.sku},,2,40,8,20,3`);
    expect(lines).toContain(`${item.sku},${site.code},,60,12,,`);
  });

  it("an empty cell clears a site's own value and '-' leaves it as it is", async () => {
    const [site, item, manager] = [await buildSite(db), await buildItem(db), await buildApiKey(db, "manager")];
    await importCsv(manager.key, `sku,site,min_qty,max_qty,reorder_point\n${item.sku},${site.code},1,9,5\n`, "import-all");
    await importCsv(manager.key, `sku,site,min_qty,max_qty,reorder_point\n${item.sku},${site.code},-,,7\n`, "import-all");
    expect(await ownRows(item.sku)).toEqual([{ site: site.code, min: 1, max: null, reorderPoint: 7, reorderQuantity: null }]);
  });

  it("reports every bad row by column; a dry run and a refused import-all write nothing; import-valid writes the rest", async () => {
    const [site, item, manager] = [await buildSite(db), await buildItem(db), await buildApiKey(db, "manager")];
    const csv = [
      "sku,site,min_qty,max_qty,reorder_point",
      `${item.sku},${site.code},1,9,5`,
      `${item.sku},NOPE,1,9,5`,
      `NO-SUCH-SKU,,1,9,5`,
      `${item.sku},,x,9,5`,
      `${item.sku},,10,9,5`,
    ].join("\n");
    const checked = await importCsv(manager.key, csv, "dry-run");
    expect(checked).toMatchObject({ status: 200, json: { rows: 5, valid: 1, imported: 0 } });
    expect(checked.json.invalid).toEqual([
      { line: 3, sku: item.sku, errors: [{ field: "site", message: "No site has the code NOPE" }] },
      { line: 4, sku: "NO-SUCH-SKU", errors: [{ field: "sku", message: "No item has the SKU NO-SUCH-SKU" }] },
      { line: 5, sku: item.sku, errors: [{ field: "min_qty", message: expect.stringContaining("whole number") }] },
      { line: 6, sku: item.sku, errors: [{ field: "max_qty", message: "Must not be below min_qty (10)" }] },
    ]);
    expect(await ownRows(item.sku)).toEqual([]);
    expect(await importCsv(manager.key, csv, "import-all")).toMatchObject({ status: 422, json: { code: "import_refused" } });
    expect(await ownRows(item.sku)).toEqual([]);
    expect(await importCsv(manager.key, csv, "import-valid")).toMatchObject({ status: 200, json: { valid: 1, imported: 1 } });
    expect(await ownRows(item.sku)).toEqual([{ site: site.code, min: 1, max: 9, reorderPoint: 5, reorderQuantity: null }]);
  });

  it("refuses the same item and site twice in one file, on both lines", async () => {
    const [item, manager] = [await buildItem(db), await buildApiKey(db, "manager")];
    const answer = await importCsv(manager.key, `sku,site,reorder_point\n${item.sku},,5\n${item.sku.toLowerCase()},,6\n`, "import-valid");
    expect(answer.json).toMatchObject({ valid: 0, imported: 0, invalid: [{ line: 2 }, { line: 3 }] });
  });

  it("a manager of one site sets that site only: another site's row and the default are refused, and import-all then writes nothing", async () => {
    const [mine, other, item] = [await buildSite(db), await buildSite(db), await buildItem(db)];
    const manager = await buildApiKey(db, "manager", [mine.code]);
    const csv = `sku,site,reorder_point\n${item.sku},${mine.code},4\n${item.sku},${other.code},4\n${item.sku},,4\n`;
    const refused = await importCsv(manager.key, csv, "import-all");
    expect(refused.status).toBe(422);
    expect(refused.json.report.invalid.map((r: { line: number; errors: { field: string }[] }) => [r.line, r.errors[0].field])).toEqual([
      [3, "site"],
      [4, "site"],
    ]);
    expect(await ownRows(item.sku)).toEqual([]);
    expect(await importCsv(manager.key, csv, "import-valid")).toMatchObject({ status: 200, json: { imported: 1 } });
    expect(await ownRows(item.sku)).toEqual([{ site: mine.code, min: null, max: null, reorderPoint: 4, reorderQuantity: null }]);
  });

  it("answers 403 to a clerk, and the export leaves out sites the caller may not view", async () => {
    const [mine, other, item, admin] = [await buildSite(db), await buildSite(db), await buildItem(db), await buildApiKey(db, "admin")];
    const clerk = await buildApiKey(db, "clerk", [mine.code]);
    expect(await importCsv(clerk.key, `sku,site,reorder_point\n${item.sku},${mine.code},4\n`, "import-all")).toMatchObject({
      status: 403,
      json: { code: "forbidden" },
    });
    await importCsv(admin.key, `sku,site,reorder_point\n${item.sku},${mine.code},4\n${item.sku},${other.code},5\n`, "import-all");
    const exported = await call(exportRoute.GET as Handler, "/api/v1/thresholds/export", clerk.key);
    expect(exported.text).toContain(`${item.sku},${mine.code},,,4,,`);
    expect(exported.text).not.toContain(other.code);
  });
});
