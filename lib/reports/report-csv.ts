import { stringifyCsv, type CsvRecord } from "../csv/stringify-csv";
import { guardFormula } from "../csv/formula-guard";
import type { ReportColumn, ReportRow, ReportValue } from "./report";

/**
 * A report's rows as CSV (RFC 4180, UTF-8 with a BOM, through lib/csv): a header of the column keys — the names
 * of the JSON answer — and the same values: numbers as JSON writes them (a percent as its share 0..1), empty for
 * none, text guarded against running as a spreadsheet formula. A page of rows becomes a chunk of text as the
 * reader asks for it, so a streamed report is never one string.
 */
export function reportCsv(columns: readonly ReportColumn[], pages: AsyncIterable<readonly ReportRow[]>): AsyncIterable<string> {
  return stringifyCsv(
    columns.map((c) => c.key),
    records(columns, pages),
  );
}

async function* records(columns: readonly ReportColumn[], pages: AsyncIterable<readonly ReportRow[]>): AsyncGenerator<CsvRecord[]> {
  for await (const rows of pages) {
    yield rows.map((row): CsvRecord => Object.fromEntries(columns.map((c) => [c.key, cell(row[c.key] ?? null)])));
  }
}

function cell(value: ReportValue): string {
  if (value === null) return "";
  return typeof value === "number" ? String(value) : guardFormula(value);
}
