// GET /api/v1/reports/{name} as a client sees it: JSON with numbers, the same numbers as CSV (with the browser's
// session cookie, as the page's export link sends it), 404 for no such report, 422 naming the field, site scope.
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import * as reportRoute from "../../../app/api/v1/reports/[name]/route";
import * as reportsRoute from "../../../app/api/v1/reports/route";
import { SYSTEM_ACTOR } from "../../../lib/auth/actor";
import { getDb } from "../../../lib/db/client";
import { postMovement } from "../../../lib/ledger/post-movement";
import { REPORTS } from "../../../lib/reports/registry";
import { closePurchaseOrder } from "../../../lib/purchasing/close-purchase-order";
import { confirmPurchaseOrder } from "../../../lib/purchasing/confirm-purchase-order";
import { receivePurchaseOrder } from "../../../lib/purchasing/receive-purchase-order";
import { buildApiKey, buildUser, signInSession } from "../../factories/access";
import { buildPurchasing } from "../../factories/purchasing";
import { callRoute } from "./call-route";
import { PDFDocument } from "pdf-lib";
import type { ReportColumn } from "../../../lib/reports/report";
import { pdfLayout } from "../../../lib/reports/report-pdf";
import { pdfPagesText } from "../../factories/pdf-text";

const db = getDb();
const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** One supplier at one warehouse: an order received in full by its promised date, one short with damage, closed. */
async function buildSupplierRecord() {
  const w = await buildPurchasing(db);
  const manager = await buildUser(db, "manager");
  const sku = w.items.plain.sku;
  const onTime = await w.sentOrder([{ sku, quantity: 10 }]);
  await db.purchaseOrder.update({ where: { id: onTime.id }, data: { sentAt: new Date(Date.now() - 4 * DAY) } });
  await confirmPurchaseOrder(db, manager.actor, onTime.id, { lines: [{ sku, quantity: 10, promisedAt: isoDay(Date.now() + DAY) }] });
  await receivePurchaseOrder(db, manager.actor, onTime.id, { to: w.bins.a1.code, lines: [{ sku, quantity: 10 }] });
  const short = await w.sentOrder([{ sku, quantity: 10 }]);
  await receivePurchaseOrder(db, manager.actor, short.id, { to: w.bins.a1.code, lines: [{ sku, quantity: 5, damaged: 1 }] });
  await closePurchaseOrder(db, manager.actor, short.id);
  return { w, manager };
}

async function get(path: string, headers: Record<string, string>) {
  const name = new URL(`http://localhost${path}`).pathname.split("/").pop()!;
  const response = await reportRoute.GET(new Request(`http://localhost${path}`, { headers }), { params: Promise.resolve({ name }) });
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, text: new TextDecoder().decode(bytes), bytes };
}

type Column = { key: string; label: string; type: string };

/**
 * The sheet of an XLSX report read back as JSON would say it: numbers as numbers (money compared as the exact
 * decimal the JSON sends, to 4 places), date cells as YYYY-MM-DD or the ISO instant, empty cells as null.
 */
async function sheetRows(bytes: Uint8Array, columns: Column[]) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const header = (sheet.getRow(1).values as unknown[]).slice(1);
  const rows: Record<string, unknown>[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    rows.push(Object.fromEntries(columns.map((c, index) => [c.key, fromCell(row.getCell(index + 1), c.type)])));
  });
  return { header, rows, frozen: sheet.views[0] };
}

function fromCell(cell: ExcelJS.Cell, type: string): unknown {
  const value = cell.value;
  if (value === null || value === undefined) return null;
  // A share shown as a percent; anything else would show 0.75 where the page says 75%.
  if (type === "percent" && cell.numFmt !== "0.0%") return `${String(value)} without a percent format`;
  if (value instanceof Date) return type === "date" ? value.toISOString().slice(0, 10) : value.toISOString();
  return value;
}

/** The JSON row with money's exact decimal strings as numbers: the sheet holds them as numbers. */
function asSheetHolds(row: Record<string, unknown>, columns: Column[]) {
  return Object.fromEntries(columns.map((c) => [c.key, c.type === "decimal" && typeof row[c.key] === "string" ? Number(row[c.key]) : row[c.key]]));
}

describe("GET /api/v1/reports/supplier-performance", () => {
  it("answers numbers as JSON, and the same numbers as CSV to the session of the page", async () => {
    const { w, manager } = await buildSupplierRecord();
    const key = await buildApiKey(db, "viewer");
    const path = `/api/v1/reports/supplier-performance?site=${w.site.code}`;
    const json = await callRoute(reportRoute.GET, { path, key: key.key, params: { name: "supplier-performance" } });
    expect(json.status).toBe(200);
    expect(json.json).toMatchObject({ name: "supplier-performance", title: "Supplier performance", filters: { site: w.site.code } });
    const row = json.json.data.find((r: { supplier: string }) => r.supplier === w.supplier.code);
    // 2 orders; fill (10 + 5) / 20; on time: the first by its promise, the second had no due date; damaged 1 of 16.
    expect(row).toMatchObject({ orders: 2, lines: 2, fillRate: 0.75, onTimeRate: 1, damagedUnits: 1, damagedRate: 0.063 });
    expect(row.promisedLeadTimeDays).toBeGreaterThanOrEqual(4);
    expect(row.promisedLeadTimeDays).toBeLessThanOrEqual(5);

    const { cookie } = await signInSession(db, manager);
    const csv = await get(`${path}&format=csv`, { cookie });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toMatch(/^attachment; filename="supplier-performance-\d{4}-\d{2}-\d{2}\.csv"$/);
    const [header, ...lines] = csv.text
      .replace(/^\uFEFF/, "")
      .trim()
      .split(/\r?\n/);
    const keys = json.json.columns.map((c: { key: string }) => c.key);
    expect(header).toBe(keys.join(","));
    const cells = lines.map((line) => line.split(",")).find((cells) => cells[0] === w.supplier.code)!;
    expect(cells).toEqual(keys.map((k: string) => (row[k] === null ? "" : String(row[k]))));
  });

  it("404s a report that does not exist and 422s a malformed or reversed period or day, naming the field", async () => {
    const key = await buildApiKey(db, "manager");
    const unknown = await callRoute(reportRoute.GET, { path: "/api/v1/reports/nothing-here", key: key.key, params: { name: "nothing-here" } });
    expect(unknown).toMatchObject({ status: 404, json: { code: "not_found" } });
    const call = (query: string) =>
      callRoute(reportRoute.GET, { path: `/api/v1/reports/supplier-performance?${query}`, key: key.key, params: { name: "supplier-performance" } });
    const bad = await call("from=01%2F10%2F2026");
    expect(bad.status).toBe(422);
    expect(bad.json.errors).toEqual([expect.objectContaining({ field: "from" })]);
    const reversed = await call("from=2026-10-31&to=2026-10-01");
    expect(reversed.status).toBe(422);
    expect(reversed.json.errors).toEqual([{ field: "from", message: "On or before `to`" }]);
    const format = await call("format=docx");
    expect(format.status).toBe(422);
    expect(format.json.errors).toEqual([expect.objectContaining({ field: "format" })]);
    // The valuation page's day is a date picker, but a day typed or bookmarked otherwise is still refused on its field.
    for (const asOf of ["2026-02-30", "31.03.2026"]) {
      const day = await callRoute(reportRoute.GET, {
        path: `/api/v1/reports/valuation?asOf=${encodeURIComponent(asOf)}`,
        key: key.key,
        params: { name: "valuation" },
      });
      expect(day.status).toBe(422);
      expect(day.json.errors).toEqual([expect.objectContaining({ field: "asOf" })]);
    }
  });

  it("403s a clerk, and a manager of one site asking for another; lists the report to whoever may run it", async () => {
    const { w } = await buildSupplierRecord();
    const elsewhere = await buildPurchasing(db);
    const call = (key: string, site: string) =>
      callRoute(reportRoute.GET, { path: `/api/v1/reports/supplier-performance?site=${site}`, key, params: { name: "supplier-performance" } });
    const clerk = await buildApiKey(db, "clerk", [elsewhere.site.code]);
    expect(await call(clerk.key, elsewhere.site.code)).toMatchObject({ status: 403, json: { code: "forbidden" } });
    const manager = await buildApiKey(db, "manager", [elsewhere.site.code]);
    expect(await call(manager.key, w.site.code)).toMatchObject({ status: 403, json: { code: "forbidden" } });
    const own = await call(manager.key, elsewhere.site.code);
    expect(own.status).toBe(200);
    expect(own.json.data.some((r: { supplier: string }) => r.supplier === w.supplier.code)).toBe(false);

    const listed = await callRoute(reportsRoute.GET, { path: "/api/v1/reports", key: manager.key });
    expect(listed.json.data.map((r: { name: string }) => r.name)).toContain("supplier-performance");
    const forClerk = await callRoute(reportsRoute.GET, { path: "/api/v1/reports", key: clerk.key });
    expect(forClerk).toMatchObject({ status: 403, json: { code: "forbidden" } });
  });
});

describe("every report", () => {
  it("answers the same rows as CSV and as XLSX as it does as JSON", async () => {
    const { w } = await buildSupplierRecord();
    await postMovement(db, SYSTEM_ACTOR, { kind: "loss", sku: w.items.plain.sku, quantity: 1, from: w.bins.a1.code, reason: "lost" });
    await postMovement(db, SYSTEM_ACTOR, {
      kind: "receive",
      sku: w.items.lotted.sku,
      quantity: 2,
      to: w.bins.a2.code,
      reason: "received",
      lot: "X1",
      expiresAt: isoDay(Date.now() + 5 * DAY),
    });
    const key = await buildApiKey(db, "manager");
    let rowsSeen = 0;
    for (const report of REPORTS) {
      const path = `/api/v1/reports/${report.name}?site=${w.site.code}`;
      const json = await callRoute(reportRoute.GET, { path, key: key.key, params: { name: report.name } });
      expect(json.status, report.name).toBe(200);
      const csv = await get(`${path}&format=csv`, { authorization: `Bearer ${key.key}` });
      const records = parse(csv.text.replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
      const asText = (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === null ? "" : String(v)]));
      expect(records, report.name).toEqual(json.json.data.map(asText));

      const xlsx = await get(`${path}&format=xlsx`, { authorization: `Bearer ${key.key}` });
      expect(xlsx.status, report.name).toBe(200);
      expect(xlsx.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      expect(xlsx.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="${report.name}-\\d{4}-\\d{2}-\\d{2}\\.xlsx"$`));
      const columns = json.json.columns as Column[];
      const sheet = await sheetRows(xlsx.bytes, columns);
      expect(sheet.header, report.name).toEqual(columns.map((c) => c.label));
      expect(sheet.frozen, report.name).toMatchObject({ state: "frozen", ySplit: 1 });
      expect(sheet.rows, report.name).toEqual(json.json.data.map((row: Record<string, unknown>) => asSheetHolds(row, columns)));

      // Every report prints: a PDF pdf-lib can load, titled, the labels on the page, a page per 57 rows or fewer.
      const pdf = await get(`${path}&format=pdf`, { authorization: `Bearer ${key.key}` });
      expect(pdf.status, report.name).toBe(200);
      expect(pdf.headers.get("content-type")).toBe("application/pdf");
      expect(pdf.headers.get("content-disposition")).toMatch(new RegExp(`^inline; filename="${report.name}-\\d{4}-\\d{2}-\\d{2}\\.pdf"$`));
      const printed = await PDFDocument.load(pdf.bytes);
      expect(printed.getTitle(), report.name).toBe(report.title);
      expect(printed.getPageCount(), report.name).toBe(Math.max(1, Math.ceil(records.length / pdfLayout(columns as ReportColumn[]).rowsPerPage)));
      const firstPage = (await pdfPagesText(pdf.bytes))[0];
      expect(firstPage, report.name).toEqual(expect.arrayContaining([report.title, `Page 1 of ${printed.getPageCount()}`]));
      rowsSeen += records.length;
    }
    expect(rowsSeen).toBeGreaterThanOrEqual(REPORTS.length - 2); // most reports have rows here, so the comparison compares something
  });
});
