import { isTransaction, unitOfWork } from "../db/unit-of-work";
import { DefaultNeedsEverySite } from "../thresholds/errors";
import { setThresholds } from "../thresholds/set-thresholds";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import { ImportRefused, RowProblems, type ImportMode, type ImportReport } from "../csv/import-report";
import { parseCsv, type CsvRow } from "../csv/parse-csv";
import type { Db } from "../db/client";
import { DomainError, ValidationFailed } from "../domain-error";
import { createItem } from "./create-item";
import { BarcodeTaken, SkuTaken } from "./errors";
import { ITEM_CSV, itemColumnOf, readItemRow, type ItemRowReading } from "./item-csv-row";

/**
 * Items written side by side: each is a few round trips, so a handful of writers import a large file several times
 * faster, while leaving most of the connection pool to everyone else.
 */
const WRITERS = 4;

type Candidate = {
  row: CsvRow;
  input: NonNullable<ItemRowReading["input"]>;
  data: NonNullable<ItemRowReading["data"]>;
  thresholds: ItemRowReading["thresholds"];
};

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

/** A SKU (any case) or barcode on several rows is refused on each of them: which row was meant is not ours to guess. */
function refuseRepeatsInFile(rows: CsvRow[], candidates: Candidate[], problems: RowProblems) {
  const linesOf = (keys: [string, CsvRow][]) => {
    const lines = new Map<string, number[]>();
    for (const [key, row] of keys) lines.set(key, [...(lines.get(key) ?? []), row.line]);
    return lines;
  };
  const skuLines = linesOf(rows.filter((row) => row.values.sku).map((row) => [row.values.sku.toLowerCase(), row]));
  for (const row of rows) {
    const others = (skuLines.get(row.values.sku.toLowerCase()) ?? []).filter((line) => line !== row.line);
    if (row.values.sku && others.length > 0)
      problems.add({ line: row.line, sku: row.values.sku }, "sku", `The SKU is also on line ${others.join(", ")}`);
  }
  const barcodeLines = linesOf(candidates.flatMap((c) => c.data.barcodes.map((code): [string, CsvRow] => [code, c.row])));
  for (const c of candidates) {
    for (const code of c.data.barcodes) {
      const others = (barcodeLines.get(code) ?? []).filter((line) => line !== c.row.line);
      if (others.length > 0) problems.add({ line: c.row.line, sku: c.data.sku }, "barcodes", `${code}: also on line ${others.join(", ")}`);
    }
  }
}

/** What the database already holds, in three queries for the whole file: taken SKUs and barcodes, unknown suppliers. */
async function refuseWhatExists(db: Db, candidates: Candidate[], problems: RowProblems) {
  if (candidates.length === 0) return;
  const skuKeys = [...new Set(candidates.map((c) => c.data.sku.toLowerCase()))];
  const barcodes = [...new Set(candidates.flatMap((c) => c.data.barcodes))];
  const supplierCodes = [...new Set(candidates.flatMap((c) => c.data.suppliers.map((s) => s.supplier)))];
  const [takenSkus, takenBarcodes, suppliers] = await Promise.all([
    db.$queryRaw<{ skuKey: string }[]>`SELECT "skuKey" FROM "Item" WHERE "skuKey" = ANY (${skuKeys})`,
    barcodes.length === 0
      ? []
      : db.$queryRaw<
          { code: string; sku: string }[]
        >`SELECT b.code, i.sku FROM "Barcode" b JOIN "Item" i ON i.id = b."itemId" WHERE b.code = ANY (${barcodes})`,
    db.supplier.findMany({ where: { code: { in: supplierCodes } }, select: { code: true } }),
  ]);
  const skuTaken = new Set(takenSkus.map((t) => t.skuKey));
  const barcodeHolder = new Map(takenBarcodes.map((t) => [t.code, t.sku]));
  const knownSupplier = new Set(suppliers.map((s) => s.code));
  for (const c of candidates) {
    const row = { line: c.row.line, sku: c.data.sku };
    if (skuTaken.has(c.data.sku.toLowerCase())) problems.add(row, "sku", new SkuTaken(c.data.sku).message);
    for (const code of c.data.barcodes) {
      if (barcodeHolder.has(code)) problems.add(row, "barcodes", new BarcodeTaken(code, barcodeHolder.get(code)).message);
    }
    for (const { supplier } of c.data.suppliers) {
      if (!knownSupplier.has(supplier)) problems.add(row, "supplier", `Unknown supplier code: ${supplier}`);
    }
  }
}

/** A refusal at write time (someone took the SKU meanwhile), named by column like the checks before it. */
function reportRefusal(problems: RowProblems, candidate: Candidate, error: DomainError) {
  const row = { line: candidate.row.line, sku: candidate.data.sku };
  if (error instanceof DefaultNeedsEverySite) problems.add(row, "reorder_point", error.message);
  else if (error instanceof ValidationFailed) for (const issue of error.issues) problems.add(row, itemColumnOf(issue.field), issue.message);
  else problems.add(row, error instanceof BarcodeTaken ? "barcodes" : "sku", error.message);
}

/** The item and its item-wide default thresholds, as one unit: a row is written whole or not at all. */
async function createItemWithThresholds(db: Db, actor: Actor, candidate: Candidate) {
  if (Object.keys(candidate.thresholds).length === 0) return createItem(db, actor, candidate.input);
  return unitOfWork(db, async (tx) => {
    const item = await createItem(tx as unknown as Db, actor, candidate.input); // joins this unit under a savepoint
    await setThresholds(tx, actor, item.sku, candidate.thresholds);
    return item;
  });
}

/**
 * Items from a CSV file (columns in ./item-csv-row.ts). Every row is checked first, by the catalogue's own
 * schema and rules: the SKU and barcodes must be new (in the catalogue and in the file), the supplier known.
 * `dry-run` writes nothing; `import-all` writes only when every row is valid, else throws ImportRefused (422)
 * with the report; `import-valid` writes the valid rows and reports the rest.
 *
 * Each item is written by createItem, in a transaction of its own with its audit entry and event (four at a
 * time): a row refused at write time (its SKU taken meanwhile) is reported and, in import-valid, the others still
 * land. So import-all is all or nothing at the check, not across a concurrent change; should one happen, import-all
 * stops writing and throws ImportRefused whose report says how many items were written. Inside a caller's unit of
 * work (an import sent with an Idempotency-Key or from the import screen) the items are written one at a time
 * (savepoints on one connection must not interleave), and a refused import-all takes every item back.
 */
export async function importItems(db: Db, actor: Actor, csvText: string, options: { mode: ImportMode }): Promise<ImportReport> {
  authorize(actor, "catalog.manage");
  const { rows, delimiter } = parseCsv(csvText, ITEM_CSV);
  const problems = new RowProblems();
  const candidates: Candidate[] = [];
  for (const row of rows) {
    const reading = readItemRow(row.values, { decimalComma: delimiter === ";" });
    const sku = row.values.sku || undefined;
    if (row.extraCells > 0) {
      problems.add(
        { line: row.line, sku },
        "row",
        `${plural(row.extraCells, "cell")} more than the header has columns: does a value with a "${delimiter}" need quotes?`,
      );
    }
    for (const error of reading.errors) problems.add({ line: row.line, sku }, error.field, error.message);
    if (reading.input && reading.data && row.extraCells === 0)
      candidates.push({ row, input: reading.input, data: reading.data, thresholds: reading.thresholds });
  }
  refuseRepeatsInFile(rows, candidates, problems);
  await refuseWhatExists(db, candidates, problems);

  let imported = 0;
  const report = (): ImportReport => ({ rows: rows.length, valid: rows.length - problems.size, invalid: problems.list(), imported });
  if (options.mode === "dry-run") return report();
  if (options.mode === "import-all" && problems.size > 0) throw new ImportRefused(report());
  const queue = candidates.filter((c) => !problems.has(c.row.line));
  const inTransaction = isTransaction(db);
  let stopped = false;
  const writer = async () => {
    try {
      for (let candidate = queue.shift(); candidate && !stopped; candidate = queue.shift()) {
        try {
          await createItemWithThresholds(db, actor, candidate);
          imported++;
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          reportRefusal(problems, candidate, error);
          if (options.mode === "import-all") stopped = true;
        }
      }
    } catch (error) {
      stopped = true; // the others finish the item in hand and take no more
      throw error;
    }
  };
  const failed = (await Promise.allSettled(Array.from({ length: inTransaction ? 1 : WRITERS }, writer))).find((o) => o.status === "rejected");
  if (failed) throw failed.reason;
  if (options.mode === "import-all" && problems.size > 0) {
    if (inTransaction) imported = 0; // the caller's unit of work rolls back what was written
    throw new ImportRefused(report());
  }
  return report();
}
