/**
 * Thresholds as CSV rows, both ways: one row per item × site (site empty: the item-wide default), in the columns
 * the thresholds import reads and the export writes, so a buyer edits every site's numbers in a spreadsheet.
 */
import type { CsvSpec } from "../csv/parse-csv";
import { unguardFormula } from "../csv/formula-guard";
import { stringifyCsvRows, type CsvRecord } from "../csv/stringify-csv";
import type { FieldIssue } from "../domain-error";
import type { ThresholdField } from "./schemas";

export const THRESHOLD_CSV_COLUMNS = ["sku", "site", "min_qty", "max_qty", "reorder_point", "reorder_quantity", "safety_stock"] as const;

export const THRESHOLD_CSV: CsvSpec = { columns: THRESHOLD_CSV_COLUMNS, required: ["sku", "site"] };

/** Each threshold field → its column. */
export const THRESHOLD_COLUMN_OF: Record<ThresholdField, (typeof THRESHOLD_CSV_COLUMNS)[number]> = {
  min: "min_qty",
  max: "max_qty",
  reorderPoint: "reorder_point",
  reorderQuantity: "reorder_quantity",
  safetyStock: "safety_stock",
};

export type ThresholdRow = { sku: string; site: string | null; values: Partial<Record<ThresholdField, number | null>> };

/**
 * A row's cells → the thresholds it sets. An empty cell clears the field (a site row then inherits the default's
 * value), so the file says the whole row as it should be; "-" leaves a field as it is.
 */
export function readThresholdRow(cells: Record<string, string>): { row: ThresholdRow | null; errors: FieldIssue[] } {
  const errors: FieldIssue[] = [];
  const sku = unguardFormula(cells.sku ?? "");
  if (sku === "") errors.push({ field: "sku", message: "Name the item's SKU" });
  const site = (cells.site ?? "").trim().toUpperCase();
  const values: ThresholdRow["values"] = {};
  for (const [field, column] of Object.entries(THRESHOLD_COLUMN_OF) as [ThresholdField, string][]) {
    const text = (cells[column] ?? "").trim();
    if (text === "-") continue;
    if (text === "") values[field] = null;
    else if (/^\d{1,9}$/.test(text)) values[field] = Number(text);
    else errors.push({ field: column, message: "Enter a whole number of units, 0 or more (empty clears it, - keeps it)" });
  }
  if (values.min != null && values.max != null && values.min > values.max)
    errors.push({ field: "max_qty", message: `Must not be below min_qty (${values.min})` });
  return { row: errors.length > 0 ? null : { sku, site: site === "" ? null : site, values }, errors };
}

/** A thresholds row for the export: the row's own values, empty where it sets none. */
export function writeThresholdRow(row: ThresholdRow): CsvRecord {
  const record: CsvRecord = { sku: row.sku, site: row.site ?? "" };
  for (const [field, column] of Object.entries(THRESHOLD_COLUMN_OF) as [ThresholdField, string][]) {
    const value = row.values[field];
    record[column] = value == null ? "" : String(value);
  }
  return record;
}

/** A small file to start from: an item-wide default and one site that orders later and keeps more. */
export function thresholdCsvTemplate(): string {
  return stringifyCsvRows(THRESHOLD_CSV_COLUMNS, [
    writeThresholdRow({ sku: "DRILL-18V", site: null, values: { min: 2, max: 40, reorderPoint: 8, reorderQuantity: 20, safetyStock: 3 } }),
    writeThresholdRow({ sku: "DRILL-18V", site: "WH1", values: { reorderPoint: 12, max: 60 } }),
  ]);
}
