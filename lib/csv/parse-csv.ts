/**
 * An uploaded CSV → its rows as column → text, checked against the columns an import knows. Accepts what
 * spreadsheets write: UTF-8 with or without a BOM, comma or semicolon separators (Excel in much of Europe writes
 * semicolons), CRLF line ends, header names in any case. Problems with the file as a whole are thrown as
 * CsvRejected; problems with the values of a row are for the import to judge.
 */
import { CsvError, parse } from "csv-parse/sync";
import { ValidationFailed } from "../domain-error";

export const MAX_CSV_BYTES = 5 * 1024 * 1024;
export const MAX_CSV_ROWS = 20_000;

export type CsvDelimiter = "," | ";";

export type CsvSpec = {
  /** Every column the import reads, in the order an export writes them. */
  columns: readonly string[];
  /** Columns the header must name. */
  required: readonly string[];
  maxRows?: number;
  maxBytes?: number;
};

export type CsvRow = {
  /** Line of the file the row starts on (the header is line 1), as a spreadsheet shows it. */
  line: number;
  /** Every column of the spec, trimmed; "" when the file has no such column or the cell is empty. */
  values: Record<string, string>;
  /** How many more cells the row has than the header names: such a row is misaligned and cannot be trusted. */
  extraCells: number;
};

export type ParsedCsv = { delimiter: CsvDelimiter; rows: CsvRow[] };

/** A file an import cannot read at all: too large, not CSV, without the columns it needs. Nothing is imported. */
export class CsvRejected extends ValidationFailed {
  constructor(message: string) {
    super([{ field: "file", message }]);
  }

  static tooLarge(maxBytes: number): CsvRejected {
    return new CsvRejected(`The file is larger than ${megabytes(maxBytes)}: split it into smaller files`);
  }
}

/** "Supplier SKU" and "supplier-sku" both name the column supplier_sku. */
export function normaliseHeader(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

/** The separator of the header line: whichever of `;` and `,` it uses more often outside quotes; `,` on a tie. */
export function detectDelimiter(headerLine: string): CsvDelimiter {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === ",") commas++;
    else if (!quoted && char === ";") semicolons++;
  }
  return semicolons > commas ? ";" : ",";
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

type ParsedRecord = { record: string[]; raw: string; info: { lines: number } };

function readRecords(text: string, delimiter: CsvDelimiter, limit: number): ParsedRecord[] {
  try {
    return parse(text, {
      delimiter,
      info: true,
      raw: true,
      relax_column_count: true,
      // A stray quote inside an unquoted cell (12" pipe) is kept as text, as spreadsheets do.
      relax_quotes: true,
      skip_empty_lines: true,
      to: limit,
    }) as unknown as ParsedRecord[];
  } catch (error) {
    if (error instanceof CsvError) {
      const line = typeof error.lines === "number" ? ` (near line ${error.lines})` : "";
      const reason = error.code === "CSV_QUOTE_NOT_CLOSED" ? "a quoted value is never closed" : error.message.replace(/^[^:]*:\s*/, "");
      throw new CsvRejected(`The file is not valid CSV${line}: ${reason}`);
    }
    throw error;
  }
}

/** The line a record starts on: csv-parse counts the line it ends on, and a quoted value may span lines. */
function startLine(parsed: ParsedRecord): number {
  const body = parsed.raw.replace(/^\n+/, "").replace(/\n$/, "");
  return parsed.info.lines - (body.match(/\n/g)?.length ?? 0);
}

function checkHeader(header: string[], spec: CsvSpec): string[] {
  const names = header.map(normaliseHeader);
  const known = new Set(spec.columns);
  const unknown = names.filter((name) => name !== "" && !known.has(name));
  if (unknown.length > 0) {
    throw new CsvRejected(`Unknown column${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}. The columns are: ${spec.columns.join(", ")}`);
  }
  const twice = names.filter((name, index) => name !== "" && names.indexOf(name) !== index);
  if (twice.length > 0) throw new CsvRejected(`The column ${twice[0]} is named twice in the header`);
  const missing = spec.required.filter((name) => !names.includes(name));
  if (missing.length > 0) throw new CsvRejected(`The header lacks the column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`);
  return names;
}

/**
 * Parses `text` (a BOM is ignored) and checks it against `spec`: size, header, row count. Rows whose cells
 * are all empty (spreadsheets leave such rows below the data) are skipped.
 */
export function parseCsv(text: string, spec: CsvSpec): ParsedCsv {
  const maxBytes = spec.maxBytes ?? MAX_CSV_BYTES;
  const maxRows = spec.maxRows ?? MAX_CSV_ROWS;
  if (byteLength(text) > maxBytes) throw CsvRejected.tooLarge(maxBytes);
  // One line end for all, so line numbers are counted the same whichever system wrote the file.
  const normalised = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const headerLine = normalised.slice(0, normalised.indexOf("\n") === -1 ? undefined : normalised.indexOf("\n"));
  if (normalised.trim() === "") throw new CsvRejected("The file is empty");
  const delimiter = detectDelimiter(headerLine);

  // Header + the allowed rows + one more, to tell "exactly at the limit" from "over it" without reading further.
  const records = readRecords(normalised, delimiter, maxRows + 2);
  const names = checkHeader(records[0].record, spec);
  if (records.length > maxRows + 1) {
    throw new CsvRejected(`The file has more than ${maxRows.toLocaleString("en")} rows: split it into smaller files`);
  }
  const rows: CsvRow[] = [];
  for (const parsed of records.slice(1)) {
    const cells = parsed.record.map((cell) => cell.trim());
    if (cells.every((cell) => cell === "")) continue;
    const values: Record<string, string> = Object.fromEntries(spec.columns.map((column) => [column, ""]));
    names.forEach((name, index) => {
      if (name !== "") values[name] = cells[index] ?? "";
    });
    // Trailing empty cells (a separator at the end of the line) are harmless; text beyond the header is not.
    rows.push({ line: startLine(parsed), values, extraCells: cells.slice(names.length).filter((cell) => cell !== "").length });
  }
  if (rows.length === 0) throw new CsvRejected("The file has a header but no rows below it");
  return { delimiter, rows };
}
