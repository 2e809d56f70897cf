import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ReportColumn, ReportRow } from "./report";
import { writeReportXlsx } from "./report-xlsx";

const columns: ReportColumn[] = [
  { key: "sku", label: "SKU", type: "text" },
  { key: "units", label: "Units", type: "integer" },
  { key: "value", label: "Value", type: "decimal" },
  { key: "days", label: "Days", type: "decimal" },
  { key: "share", label: "Share", type: "percent" },
  { key: "on", label: "On", type: "date" },
  { key: "at", label: "At", type: "timestamp" },
];

async function* pages(...batches: ReportRow[][]) {
  yield* batches;
}

async function written(batches: ReportRow[][]) {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on("data", (chunk: Buffer) => chunks.push(chunk));
  await writeReportXlsx(columns, pages(...batches), output, "A report");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  return workbook.worksheets[0];
}

describe("writeReportXlsx", () => {
  it("writes a frozen header of the labels, then typed cells with their formats, across pages", async () => {
    const sheet = await written([
      [{ sku: "=cmd|' /C calc'!A0", units: 3, value: "1234.5678", days: 4.5, share: 0.25, on: "2026-12-04", at: "2026-12-04T21:30:05.123Z" }],
      [{ sku: "B", units: 0, value: null, days: null, share: null, on: null, at: null }],
    ]);
    expect(sheet.name).toBe("A report");
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(columns.map((c) => c.label));
    const first = sheet.getRow(2);
    // Text stays text, even when it looks like a formula: a string cell is never evaluated.
    expect(first.getCell(1).value).toBe("=cmd|' /C calc'!A0");
    expect(first.getCell(2).value).toBe(3);
    expect(first.getCell(3)).toMatchObject({ value: 1234.5678, numFmt: "#,##0.0000" });
    expect(first.getCell(4).value).toBe(4.5);
    expect(first.getCell(5)).toMatchObject({ value: 0.25, numFmt: "0.0%" });
    expect((first.getCell(6).value as Date).toISOString()).toBe("2026-12-04T00:00:00.000Z");
    expect(first.getCell(6).numFmt).toBe("yyyy-mm-dd");
    expect((first.getCell(7).value as Date).toISOString()).toBe("2026-12-04T21:30:05.123Z");
    expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual(["B", 0]);
    expect(sheet.rowCount).toBe(3);
  });

  it("holds money's 4-place decimals below 10^11 exactly: the double prints back as the same decimal", () => {
    const decimal = fc.tuple(fc.bigInt({ min: -(10n ** 15n) + 1n, max: 10n ** 15n - 1n })).map(([tenThousandths]) => {
      const sign = tenThousandths < 0n ? "-" : "";
      const digits = (tenThousandths < 0n ? -tenThousandths : tenThousandths).toString().padStart(5, "0");
      return `${sign}${digits.slice(0, -4)}.${digits.slice(-4)}`;
    });
    fc.assert(
      fc.property(decimal, (text) => Number(text).toFixed(4) === text),
      { numRuns: 5_000 },
    );
  });
});
