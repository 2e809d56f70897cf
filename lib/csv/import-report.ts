/**
 * What a CSV import answers, whichever kind it is: how many rows, how many are valid, every bad row with the
 * reason per column, and how many were written. Shared by the catalogue's and the ledger's imports.
 */
import { z } from "zod";
import { ValidationFailed, type FieldIssue } from "../domain-error";
import { MAX_CSV_BYTES, MAX_CSV_ROWS } from "./parse-csv";

/** How an import takes its file: the CSV itself as the body, under the import's size limit. */
export const CSV_UPLOAD = { mediaTypes: ["text/csv"], maxBytes: MAX_CSV_BYTES } as const;

export const IMPORT_MODES = ["dry-run", "import-valid", "import-all"] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export const importQuery = z.object({
  mode: z
    .enum(IMPORT_MODES)
    .default("dry-run")
    .describe(
      "dry-run: check every row and write nothing · import-valid: write the valid rows, report the others · import-all: write only if every row is valid (else 422 with the report)",
    ),
});

const rowProblem = z.object({
  line: z.number().int().describe("Line of the file the row starts on; the header is line 1"),
  sku: z.string().optional().describe("The row's SKU, when it has one"),
  errors: z.array(z.object({ field: z.string().describe("Column name, or `row` for the row as a whole"), message: z.string() })),
});

export const importReport = z
  .object({
    rows: z.number().int().describe("Rows below the header (rows with every cell empty are not counted)"),
    valid: z.number().int().describe("Rows that passed every check"),
    invalid: z.array(rowProblem).describe("Every row with a problem, in file order"),
    imported: z.number().int().describe("Rows written; 0 for a dry run"),
  })
  .meta({ id: "ImportReport" });

export type ImportReport = z.infer<typeof importReport>;
export type RowProblem = z.infer<typeof rowProblem>;

/** The problems found so far, by the line of their row; a row may have several. */
export class RowProblems {
  private readonly byLine = new Map<number, RowProblem>();

  add(row: { line: number; sku?: string }, field: string, message: string): void {
    const problem = this.byLine.get(row.line) ?? { line: row.line, ...(row.sku ? { sku: row.sku } : {}), errors: [] };
    if (!problem.errors.some((e) => e.field === field && e.message === message)) problem.errors.push({ field, message });
    this.byLine.set(row.line, problem);
  }

  /** How many rows have a problem. */
  get size(): number {
    return this.byLine.size;
  }

  has(line: number): boolean {
    return this.byLine.has(line);
  }

  list(): RowProblem[] {
    return [...this.byLine.values()].sort((a, b) => a.line - b.line);
  }
}

const ISSUES_LISTED = 100;

/**
 * import-all found bad rows, or a write failed part-way: the report says which and how many were written.
 * A 422 whose problem JSON carries the whole report in `report` (and the first problems in `errors`).
 */
export class ImportRefused extends ValidationFailed {
  readonly code = "import_refused";
  constructor(readonly report: ImportReport) {
    const issues: FieldIssue[] = report.invalid
      .flatMap((row) => row.errors.map((e) => ({ field: `line.${row.line}.${e.field}`, message: e.message })))
      .slice(0, ISSUES_LISTED);
    super(issues);
    Object.assign(this.details, { report });
    const bad = `${report.invalid.length} of ${report.rows} row${report.rows === 1 ? "" : "s"} ${report.invalid.length === 1 ? "has a problem" : "have problems"}`;
    this.message =
      report.imported === 0
        ? `${bad}: nothing was imported. Correct them, or import only the valid rows`
        : `${bad}: ${report.imported} row${report.imported === 1 ? " was" : "s were"} imported before the import stopped`;
  }
}

/** How an import's body must look, for the operations' descriptions: written from the limits the parser applies. */
export const CSV_BODY_DESCRIPTION =
  `The body is the CSV file itself (Content-Type: text/csv), UTF-8, comma- or semicolon-separated, at most ` +
  `${MAX_CSV_BYTES / (1024 * 1024)} MB and ${MAX_CSV_ROWS.toLocaleString("en")} rows.`;
