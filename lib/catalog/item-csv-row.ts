/**
 * One catalogue item as a CSV row, both ways: what the items import reads and the items export writes, in the
 * same columns, so an export can be edited in a spreadsheet and imported again.
 */
import type { z } from "zod";
import type { CsvSpec } from "../csv/parse-csv";
import { guardFormula, unguardFormula } from "../csv/formula-guard";
import { joinListCell, splitListCell } from "../csv/list-cell";
import { stringifyCsvRows, type CsvRecord } from "../csv/stringify-csv";
import type { FieldIssue } from "../domain-error";
import type { ThresholdField } from "../thresholds/schemas";
import { itemInput, type ItemInput, type ItemView } from "./schemas";

/** The item-wide default thresholds a row carries (lib/thresholds), each column beside its field. */
export type ItemRowThresholds = Partial<Record<ThresholdField, number>>;
const THRESHOLD_COLUMN: Record<ThresholdField, ItemCsvColumn> = {
  min: "min_qty",
  max: "max_qty",
  reorderPoint: "reorder_point",
  reorderQuantity: "reorder_quantity",
  safetyStock: "safety_stock",
};

export const ITEM_CSV_COLUMNS = [
  "sku",
  "name",
  "description",
  "category",
  "unit",
  "tracking",
  "barcodes",
  "supplier",
  "supplier_sku",
  "unit_cost",
  "lead_time_days",
  "min_order_qty",
  "temp_min_c",
  "temp_max_c",
  "hazard_class",
  "handling_notes",
  "reorder_point",
  "min_qty",
  "max_qty",
  "reorder_quantity",
  "safety_stock",
  "costing_method",
  "standard_cost",
] as const;

export type ItemCsvColumn = (typeof ITEM_CSV_COLUMNS)[number];

export const ITEM_CSV: CsvSpec = { columns: ITEM_CSV_COLUMNS, required: ["sku", "name"] };

/** The catalogue's field names (the last named segment of a schema path) → the column a person corrects. */
const COLUMN_OF_FIELD: Record<string, ItemCsvColumn> = {
  sku: "sku",
  name: "name",
  description: "description",
  category: "category",
  unit: "unit",
  tracking: "tracking",
  barcodes: "barcodes",
  supplier: "supplier",
  supplierSku: "supplier_sku",
  unitCost: "unit_cost",
  currency: "unit_cost",
  leadTimeDays: "lead_time_days",
  minOrderQty: "min_order_qty",
  preferred: "supplier",
  tempMinC: "temp_min_c",
  tempMaxC: "temp_max_c",
  hazardClass: "hazard_class",
  handlingNotes: "handling_notes",
  reorderPoint: "reorder_point",
  min: "min_qty",
  max: "max_qty",
  reorderQuantity: "reorder_quantity",
  safetyStock: "safety_stock",
  costingMethod: "costing_method",
  standardCost: "standard_cost",
};

/** "suppliers.0.unitCost" or ["barcodes", 2] → the column it came from ("row" when it names none). */
export function itemColumnOf(path: string | readonly PropertyKey[]): string {
  const segments = typeof path === "string" ? path.split(".") : path;
  const named = segments.filter((s): s is string => typeof s === "string" && !/^\d+$/.test(s) && s !== "suppliers" && s !== "attributes");
  return COLUMN_OF_FIELD[named.at(-1) ?? ""] ?? "row";
}

export type ItemRowReading = {
  /** The row as the catalogue's input, when it passed the schema: what createItem is given. */
  input: ItemInput | null;
  /** The same, parsed (SKU trimmed, barcodes normalised, supplier code upper-cased): what checks compare. */
  data: z.output<typeof itemInput> | null;
  /** The item-wide default thresholds the row sets; empty cells set nothing. */
  thresholds: ItemRowThresholds;
  errors: FieldIssue[];
};

type ReadOptions = {
  /** Semicolon-separated files come from spreadsheets that write 12,50 for twelve and a half. */
  decimalComma: boolean;
};

const SUPPLIER_TERMS: ItemCsvColumn[] = ["supplier_sku", "unit_cost", "lead_time_days", "min_order_qty"];

/**
 * A row's cells → the catalogue's item input, judged by the catalogue's own schema (itemInput). Problems are
 * named by column. Checks that need the database (SKU or barcode taken, unknown supplier) are the import's.
 */
export function readItemRow(values: Record<string, string>, options: ReadOptions): ItemRowReading {
  const errors: FieldIssue[] = [];
  const text = (column: ItemCsvColumn) => {
    const value = unguardFormula(values[column] ?? "");
    return value === "" ? undefined : value;
  };
  const number = (column: ItemCsvColumn, shape: RegExp, message: string) => {
    const raw = text(column);
    if (raw === undefined) return undefined;
    const value = options.decimalComma ? raw.replace(",", ".") : raw;
    if (!shape.test(value)) {
      errors.push({ field: column, message });
      return undefined;
    }
    return Number(value);
  };
  const whole = (column: ItemCsvColumn) => number(column, /^-?\d+$/, "Enter a whole number, like 12");
  const temperature = (column: ItemCsvColumn) => number(column, /^-?\d+(\.\d+)?$/, "Enter degrees Celsius, like -18 or 4.5");

  const supplier = text("supplier");
  const unitCost = text("unit_cost");
  const supplierTerms = {
    supplierSku: text("supplier_sku"),
    unitCost: unitCost !== undefined && options.decimalComma ? unitCost.replace(",", ".") : unitCost,
    leadTimeDays: whole("lead_time_days"),
    minOrderQty: whole("min_order_qty"),
  };
  if (!supplier && SUPPLIER_TERMS.some((column) => text(column) !== undefined)) {
    errors.push({ field: "supplier", message: "Name the supplier (by its code) these terms are for" });
  }
  const thresholds: ItemRowThresholds = {};
  for (const [field, column] of Object.entries(THRESHOLD_COLUMN) as [ThresholdField, ItemCsvColumn][]) {
    const value = whole(column);
    if (value !== undefined && value < 0) errors.push({ field: column, message: "Enter 0 or more" });
    else if (value !== undefined) thresholds[field] = value;
  }
  if (thresholds.min !== undefined && thresholds.max !== undefined && thresholds.min > thresholds.max) {
    errors.push({ field: "max_qty", message: `Must not be below min_qty (${thresholds.min})` });
  }

  const input: ItemInput = {
    sku: text("sku") ?? "",
    name: text("name") ?? "",
    description: text("description"),
    category: text("category"),
    unit: text("unit"),
    tracking: text("tracking")?.toLowerCase() as ItemInput["tracking"],
    barcodes: splitListCell(unguardFormula(values.barcodes ?? "")),
    // The one supplier a row can name is the one to order from.
    suppliers: supplier ? [{ supplier, ...supplierTerms, preferred: true }] : [],
    tempMinC: temperature("temp_min_c"),
    tempMaxC: temperature("temp_max_c"),
    hazardClass: text("hazard_class"),
    handlingNotes: text("handling_notes"),
    costingMethod: text("costing_method")?.toLowerCase() as ItemInput["costingMethod"],
    standardCost: options.decimalComma ? text("standard_cost")?.replace(",", ".") : text("standard_cost"),
  };
  const parsed = itemInput.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const column = itemColumnOf(issue.path);
      const barcode = issue.path[0] === "barcodes" && typeof issue.path[1] === "number" ? input.barcodes?.[issue.path[1]] : undefined;
      const message =
        column === "tracking"
          ? "Use none, lot or serial"
          : column === "costing_method"
            ? "Use fifo, average or standard"
            : issue.message.replace("tempMinC", "temp_min_c");
      errors.push({ field: column, message: barcode ? `${barcode}: ${message}` : message });
    }
  }
  // Cells that could not be read are left out of the input, so the schema cannot have caught them.
  if (errors.length > 0) return { input: null, data: null, thresholds, errors };
  return { input, data: parsed.data ?? null, thresholds, errors };
}

const cell = (value: string | number | null | undefined) => (value === null || value === undefined ? "" : String(value));

/**
 * An item as a row of the export, with its item-wide default thresholds. Of several suppliers only the first (the
 * preferred one) fits the columns; text that a spreadsheet would run as a formula is guarded
 * (lib/csv/formula-guard.ts).
 */
export function writeItemRow(item: ItemView, thresholds: Partial<Record<ThresholdField, number | null>> = {}): CsvRecord {
  const supplier = item.suppliers[0];
  return {
    sku: item.sku,
    name: guardFormula(item.name),
    description: guardFormula(item.description ?? ""),
    category: guardFormula(item.category ?? ""),
    unit: guardFormula(item.unit),
    tracking: item.tracking,
    barcodes: guardFormula(joinListCell(item.barcodes.map((b) => b.code))),
    supplier: cell(supplier?.supplier),
    supplier_sku: guardFormula(supplier?.supplierSku ?? ""),
    unit_cost: cell(supplier?.unitCost),
    lead_time_days: cell(supplier?.leadTimeDays),
    min_order_qty: cell(supplier?.minOrderQty),
    temp_min_c: cell(item.storage.tempMinC),
    temp_max_c: cell(item.storage.tempMaxC),
    hazard_class: guardFormula(item.storage.hazardClass ?? ""),
    handling_notes: guardFormula(item.storage.handlingNotes ?? ""),
    reorder_point: cell(thresholds.reorderPoint),
    min_qty: cell(thresholds.min),
    max_qty: cell(thresholds.max),
    reorder_quantity: cell(thresholds.reorderQuantity),
    safety_stock: cell(thresholds.safetyStock),
    costing_method: cell(item.costing.method),
    standard_cost: cell(item.costing.standardCost),
  };
}

/** A file to start from: the header and two example rows, one with every column filled. */
export function itemCsvTemplate(): string {
  const empty = Object.fromEntries(ITEM_CSV_COLUMNS.map((c) => [c, ""])) as CsvRecord;
  return stringifyCsvRows(ITEM_CSV_COLUMNS, [
    {
      ...empty,
      sku: "SAMPLE-0001",
      name: "Cordless drill driver 18 V",
      description: "Two batteries, charger and case",
      category: "Tools > Power tools > Drills",
      unit: "ea",
      tracking: "none",
      barcodes: "4006381333931",
      supplier: "RHW",
      supplier_sku: "RW 100.200",
      unit_cost: "89.90",
      lead_time_days: "5",
      min_order_qty: "2",
      reorder_point: "4",
      min_qty: "2",
      max_qty: "20",
      reorder_quantity: "10",
      safety_stock: "1",
    },
    {
      ...empty,
      sku: "SAMPLE-0002",
      name: "Natural yoghurt 1 kg",
      category: "Food service > Chilled > Dairy",
      unit: "ea",
      tracking: "lot",
      temp_min_c: "2",
      temp_max_c: "8",
      handling_notes: "Keep refrigerated",
    },
  ]);
}
