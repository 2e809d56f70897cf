import { once } from "node:events";
import { PassThrough, Readable, type Writable } from "node:stream";
import ExcelJS from "exceljs";
import type { ColumnType, ReportColumn, ReportRow, ReportValue } from "./report";

/** Number formats of the cells; text stays General. A decimal number that is not money keeps General too. */
const MONEY_FORMAT = "#,##0.0000";
const PERCENT_FORMAT = "0.0%";
const DATE_FORMAT = "yyyy-mm-dd";
const TIMESTAMP_FORMAT = "yyyy-mm-dd hh:mm:ss";

/**
 * A report as an XLSX workbook, written page by page to `output` with exceljs's streaming writer: one sheet, a
 * frozen header row of the column labels, then one row per report row. Numbers stay numbers (a percent a share
 * 0..1 shown as a percent), dates are real date cells (UTC; a day at midnight), text is text — a spreadsheet cell
 * typed as a string is never run as a formula, so it needs no guard as the CSV does. Rows are committed as they
 * are written, so memory holds about one page, not the sheet.
 */
export async function writeReportXlsx(
  columns: readonly ReportColumn[],
  pages: AsyncIterable<readonly ReportRow[]>,
  output: Writable,
  sheetName: string,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ key: c.key, width: Math.max(10, Math.min(40, c.label.length + 4)) }));
  const header = sheet.addRow(columns.map((c) => c.label));
  header.font = { bold: true };
  header.commit();
  for await (const page of pages) {
    for (const row of page) {
      const line = sheet.addRow(columns.map((c) => cellValue(row[c.key] ?? null, c.type)));
      columns.forEach((c, index) => {
        const format = numberFormat(row[c.key] ?? null, c.type);
        if (format) line.getCell(index + 1).numFmt = format;
      });
      line.commit();
    }
    // Wait for the reader between pages: exceljs does not itself stop writing while the response is unread. A
    // reader that went away closes the stream: stop reading the report then.
    if (output.writableNeedDrain) await Promise.race([once(output, "drain"), once(output, "close")]);
    if (output.destroyed) throw new Error("The download was abandoned before the report was written");
  }
  sheet.commit();
  await workbook.commit();
}

/** The workbook as a byte stream for a response body; a failure while writing aborts the stream. */
export function reportXlsxStream(
  columns: readonly ReportColumn[],
  pages: AsyncIterable<readonly ReportRow[]>,
  sheetName: string,
): ReadableStream<Uint8Array> {
  const output = new PassThrough();
  writeReportXlsx(columns, pages, output, sheetName).catch((error: unknown) => output.destroy(error as Error));
  return Readable.toWeb(output) as ReadableStream<Uint8Array>;
}

function cellValue(value: ReportValue, type: ColumnType): ExcelJS.CellValue {
  if (value === null || value === "") return null;
  switch (type) {
    case "integer":
    case "percent":
    case "decimal":
      // Money arrives as an exact decimal string of at most 4 places. Number() of such a string below 1e11 is the
      // double nearest to it, and printing that double with 4 places gives the same string back: nothing is lost,
      // and the sheet can sum it. (A spreadsheet holds doubles anyway; this is the closest it can hold.)
      return typeof value === "number" ? value : Number(value);
    case "date":
      return new Date(`${value}T00:00:00Z`);
    case "timestamp":
      return new Date(value);
    default:
      return String(value);
  }
}

function numberFormat(value: ReportValue, type: ColumnType): string | null {
  if (type === "percent") return PERCENT_FORMAT;
  if (type === "decimal" && typeof value === "string") return MONEY_FORMAT;
  if (type === "date") return DATE_FORMAT;
  if (type === "timestamp") return TIMESTAMP_FORMAT;
  return null;
}
