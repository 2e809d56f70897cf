import { stringifyCsv, type CsvRecord } from "../csv/stringify-csv";
import { guardFormula } from "../csv/formula-guard";
import type { ReportColumn, ReportRow, ReportValue } from "./report";

/**
 * A report's rows as CSV (RFC 4180, UTF-8 with a BOM, through lib/csv): a header of the column keys — the names
 * of the JSON answer — and the same values: numbers as JSON writes them (a percent as its share 0..1), empty for
 * none, text guarded against running as a spreadsheet formula.
 */
export function reportCsv(columns: readonly ReportColumn[], rows: readonly ReportRow[]): AsyncIterable<string> {
  const keys = columns.map((c) => c.key);
  const records = rows.map((row): CsvRecord => Object.fromEntries(columns.map((c) => [c.key, cell(row[c.key] ?? null)])));
  return stringifyCsv(keys, onePage(records));
}

function cell(value: ReportValue): string {
  if (value === null) return "";
  return typeof value === "number" ? String(value) : guardFormula(value);
}

async function* onePage(records: CsvRecord[]): AsyncGenerator<CsvRecord[]> {
  yield records;
}
