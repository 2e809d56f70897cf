import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import { ImportRefused, RowProblems, type ImportMode, type ImportReport } from "../csv/import-report";
import { parseCsv, type CsvRow } from "../csv/parse-csv";
import type { Db, DbTx } from "../db/client";
import { unitOfWork } from "../db/unit-of-work";
import { DomainError, Forbidden, ValidationFailed } from "../domain-error";
import { setThresholds } from "./set-thresholds";
import { readThresholdRow, THRESHOLD_COLUMN_OF, THRESHOLD_CSV, type ThresholdRow } from "./threshold-csv-row";
import type { ThresholdField } from "./schemas";

type Candidate = { line: number; row: ThresholdRow };

/** A 20,000-row file is one transaction of small statements: give it time. */
const IMPORT_TIMEOUT_MS = 120_000;

const columnOfField = (field: string) => THRESHOLD_COLUMN_OF[field as ThresholdField] ?? (field === "site" ? "site" : "row");

/** Unknown SKUs and site codes, in two queries for the whole file. */
async function refuseUnknown(db: Db | DbTx, candidates: Candidate[], problems: RowProblems) {
  const skuKeys = [...new Set(candidates.map((c) => c.row.sku.toLowerCase()))];
  const siteCodes = [...new Set(candidates.flatMap((c) => (c.row.site ? [c.row.site] : [])))];
  const items = await db.item.findMany({ where: { skuKey: { in: skuKeys } }, select: { skuKey: true } });
  const sites = await db.site.findMany({ where: { code: { in: siteCodes } }, select: { code: true } });
  const knownSku = new Set(items.map((i) => i.skuKey));
  const knownSite = new Set(sites.map((s) => s.code));
  for (const { line, row } of candidates) {
    if (!knownSku.has(row.sku.toLowerCase())) problems.add({ line, sku: row.sku }, "sku", `No item has the SKU ${row.sku}`);
    if (row.site && !knownSite.has(row.site)) problems.add({ line, sku: row.sku }, "site", `No site has the code ${row.site}`);
  }
}

/** The same item and site on two rows: which one was meant is not ours to guess. */
function refuseRepeats(candidates: Candidate[], problems: RowProblems) {
  const lines = new Map<string, number[]>();
  const keyOf = (c: Candidate) => `${c.row.sku.toLowerCase()}|${c.row.site ?? ""}`;
  for (const c of candidates) lines.set(keyOf(c), [...(lines.get(keyOf(c)) ?? []), c.line]);
  for (const c of candidates) {
    const others = lines.get(keyOf(c))!.filter((line) => line !== c.line);
    if (others.length > 0) problems.add({ line: c.line, sku: c.row.sku }, "site", `The same SKU and site are also on line ${others.join(", ")}`);
  }
}

/** A refusal at write time (the actor's site scope, min above max once in force), named by column. */
function reportRefusal(problems: RowProblems, candidate: Candidate, error: DomainError) {
  const row = { line: candidate.line, sku: candidate.row.sku };
  if (error instanceof ValidationFailed) for (const issue of error.issues) problems.add(row, columnOfField(issue.field), issue.message);
  else problems.add(row, error instanceof Forbidden ? "site" : "row", error.message);
}

/**
 * Thresholds from a CSV file (columns in ./threshold-csv-row.ts): one row per item × site, or per item with the
 * site empty for the item-wide default. Every row is checked first (numbers, known SKU and site, no row twice),
 * then written by setThresholds — the same rules, audit and event as the item page and the API — in one
 * transaction, each row under its own savepoint: import-all writes everything or nothing, import-valid writes the
 * valid rows and reports the others, dry-run writes nothing.
 */
export async function importThresholds(db: Db, actor: Actor, csvText: string, options: { mode: ImportMode }): Promise<ImportReport> {
  authorize(actor, "thresholds.manage");
  const { rows } = parseCsv(csvText, THRESHOLD_CSV);
  const problems = new RowProblems();
  const candidates = readRows(rows, problems);
  refuseRepeats(candidates, problems);
  await refuseUnknown(db, candidates, problems);

  let imported = 0;
  const report = (): ImportReport => ({ rows: rows.length, valid: rows.length - problems.size, invalid: problems.list(), imported });
  if (options.mode === "dry-run") return report();
  if (options.mode === "import-all" && problems.size > 0) throw new ImportRefused(report());
  const valid = candidates.filter((c) => !problems.has(c.line));
  return unitOfWork(
    db,
    async (tx) => {
      for (const candidate of valid) {
        try {
          await setThresholds(tx, actor, candidate.row.sku, { site: candidate.row.site ?? undefined, ...candidate.row.values });
          imported++;
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          reportRefusal(problems, candidate, error);
        }
      }
      if (options.mode === "import-all" && problems.size > 0) {
        imported = 0; // the transaction rolls back what was written
        throw new ImportRefused(report());
      }
      return report();
    },
    { timeoutMs: IMPORT_TIMEOUT_MS },
  );
}

function readRows(rows: CsvRow[], problems: RowProblems): Candidate[] {
  const candidates: Candidate[] = [];
  for (const csvRow of rows) {
    const sku = csvRow.values.sku || undefined;
    if (csvRow.extraCells > 0) problems.add({ line: csvRow.line, sku }, "row", "More cells than the header has columns: does a value need quotes?");
    const { row, errors } = readThresholdRow(csvRow.values);
    for (const error of errors) problems.add({ line: csvRow.line, sku }, error.field, error.message);
    if (row && csvRow.extraCells === 0) candidates.push({ line: csvRow.line, row });
  }
  return candidates;
}
