/**
 * One stock level as a CSV row, both ways: what the opening-stock import reads (a receipt into a location) and
 * the stock export writes, in the same columns, so an export can be edited and imported into a new system.
 */
import type { CsvSpec } from "../csv/parse-csv";
import { guardFormula, unguardFormula } from "../csv/formula-guard";
import { joinListCell, splitListCell } from "../csv/list-cell";
import { stringifyCsvRows, type CsvRecord } from "../csv/stringify-csv";
import type { FieldIssue } from "../domain-error";
import { OPENING_STOCK_REFERENCE } from "./post-opening-stock";
import { movementInput, type MovementInput, type ParsedMovementInput } from "./schemas";

export const STOCK_CSV_COLUMNS = ["sku", "location", "quantity", "lot", "expires", "serials", "unit_cost", "reference"] as const;

export type StockCsvColumn = (typeof STOCK_CSV_COLUMNS)[number];

export const STOCK_CSV: CsvSpec = { columns: STOCK_CSV_COLUMNS, required: ["sku", "location", "quantity"] };

/** The reason every opening-stock receipt carries: one of the default reason codes. */
export const OPENING_STOCK_REASON = "received";

/** The ledger's field names → the column a person corrects. */
const COLUMN_OF_FIELD: Record<string, StockCsvColumn> = {
  sku: "sku",
  to: "location",
  from: "location",
  quantity: "quantity",
  lot: "lot",
  expiresAt: "expires",
  serials: "serials",
  unitCost: "unit_cost",
  currency: "unit_cost",
  reference: "reference",
};

/** "to", "movements.3.expiresAt" or ["serials", 2] → the column it came from ("row" when it names none). */
export function stockColumnOf(path: string | readonly PropertyKey[]): string {
  const segments = typeof path === "string" ? path.split(".") : path;
  const named = segments.filter((s): s is string => typeof s === "string" && !/^\d+$/.test(s) && s !== "movements");
  return COLUMN_OF_FIELD[named.at(-1) ?? ""] ?? "row";
}

export type StockRowReading = { input: MovementInput | null; data: ParsedMovementInput | null; errors: FieldIssue[] };

/**
 * A row's cells → a `receive` movement (supplier → location, reason "received", reference OPENING-STOCK unless
 * the row names one), judged by the ledger's own schema. Rules that need the database are the ledger's planning.
 */
export function readStockRow(values: Record<string, string>, options: { decimalComma: boolean }): StockRowReading {
  const errors: FieldIssue[] = [];
  const text = (column: StockCsvColumn) => {
    const value = unguardFormula(values[column] ?? "");
    return value === "" ? undefined : value;
  };
  const quantityText = text("quantity");
  if (quantityText !== undefined && !/^\d+$/.test(quantityText))
    errors.push({ field: "quantity", message: "Enter a whole number of units, like 12" });
  if (text("expires") && !text("lot")) errors.push({ field: "expires", message: "Name the lot this expiry date belongs to" });
  const unitCost = text("unit_cost");
  const serials = splitListCell(text("serials") ?? "");

  const input: MovementInput = {
    kind: "receive",
    sku: text("sku") ?? "",
    quantity: quantityText === undefined ? Number.NaN : Number(quantityText),
    to: text("location") ?? "",
    lot: text("lot"),
    expiresAt: text("expires"),
    serials: serials.length > 0 ? serials : undefined,
    unitCost: unitCost !== undefined && options.decimalComma ? unitCost.replace(",", ".") : unitCost,
    reason: OPENING_STOCK_REASON,
    reference: text("reference") ?? OPENING_STOCK_REFERENCE,
  };
  const parsed = movementInput.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const column = stockColumnOf(issue.path);
      if (column === "quantity" && errors.some((e) => e.field === "quantity")) continue;
      const message = column === "location" && issue.code === "too_small" ? "Name the location the stock is in" : issue.message;
      errors.push({ field: column, message: column === "quantity" && quantityText === undefined ? "Enter the quantity" : message });
    }
  }
  if (errors.length > 0) return { input: null, data: null, errors };
  return { input, data: parsed.data ?? null, errors };
}

export type StockLevelRow = { sku: string; location: string; quantity: number; lot: string | null; expires: string | null; serials: string[] | null };

/** A level as a row of the export; the cost and reference columns are left for the person to fill in. */
export function writeStockRow(level: StockLevelRow): CsvRecord {
  return {
    sku: level.sku,
    location: level.location,
    quantity: String(level.quantity),
    lot: guardFormula(level.lot ?? ""),
    expires: level.expires ?? "",
    serials: guardFormula(joinListCell(level.serials ?? [])),
    unit_cost: "",
    reference: "",
  };
}

/** A file to start from: the header and example rows for an untracked and a lot-tracked item. */
export function stockCsvTemplate(): string {
  return stringifyCsvRows(STOCK_CSV_COLUMNS, [
    { sku: "SAMPLE-0001", location: "WH1-A01-01", quantity: "12", lot: "", expires: "", serials: "", unit_cost: "89.90", reference: "" },
    {
      sku: "SAMPLE-0002",
      location: "WH1-C01-01",
      quantity: "40",
      lot: "L2026-117",
      expires: "2027-03-31",
      serials: "",
      unit_cost: "",
      reference: "STOCKTAKE-2026",
    },
  ]);
}
