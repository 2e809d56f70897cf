import { unitOfWork } from "../db/unit-of-work";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/can";
import { ImportRefused, RowProblems, type ImportMode, type ImportReport } from "../csv/import-report";
import { parseCsv, type CsvRow } from "../csv/parse-csv";
import type { Db } from "../db/client";
import { DomainError, Forbidden, ValidationFailed } from "../domain-error";
import { planMovement } from "./plan-lines";
import { MAX_BATCH, postMovements } from "./post-movement";
import { resolveReferences } from "./resolve-references";
import type { MovementInput, ParsedMovementInput } from "./schemas";
import { readStockRow, STOCK_CSV, stockColumnOf } from "./stock-csv-row";

type Candidate = { row: CsvRow; input: MovementInput; data: ParsedMovementInput };

const rowOf = (c: Candidate) => ({ line: c.row.line, sku: c.data.sku });

function reportRefusal(problems: RowProblems, candidate: Candidate, error: unknown) {
  if (error instanceof Forbidden) {
    problems.add(rowOf(candidate), "location", `You may not move stock at the site of ${candidate.data.to}`);
  } else if (error instanceof ValidationFailed) {
    for (const issue of error.issues) problems.add(rowOf(candidate), stockColumnOf(issue.field), issue.message);
  } else if (error instanceof DomainError) {
    problems.add(rowOf(candidate), "row", error.message);
  } else {
    throw error;
  }
}

/** A serial of an item listed on two rows (or twice on one) is refused on each: a unit is in one place. */
function refuseSerialsListedTwice(candidates: Candidate[], problems: RowProblems) {
  const lines = new Map<string, number[]>();
  for (const c of candidates) {
    for (const serial of c.data.serials ?? []) {
      const key = `${c.data.sku.toLowerCase()}\u0000${serial}`;
      lines.set(key, [...(lines.get(key) ?? []), c.row.line]);
    }
  }
  for (const c of candidates) {
    for (const serial of c.data.serials ?? []) {
      const others = lines.get(`${c.data.sku.toLowerCase()}\u0000${serial}`)!.filter((line) => line !== c.row.line);
      if (others.length > 0) problems.add(rowOf(c), "serials", `${serial}: also on line ${others.join(", ")}`);
    }
  }
}

/**
 * Serials already in physical stock cannot arrive again (the posting would refuse them): one query for the file.
 * Where such a unit is, is said only when the actor may see that site.
 */
async function refuseSerialsInStock(db: Db, actor: Actor, candidates: Candidate[], problems: RowProblems) {
  const pairs = candidates.flatMap((c) => (c.data.serials ?? []).map((serial) => ({ skuKey: c.data.sku.toLowerCase(), serial })));
  if (pairs.length === 0) return;
  const found = await db.$queryRaw<{ skuKey: string; serial: string; location: string; siteId: string }[]>`
    SELECT i."skuKey", s.serial, l.code AS location, l."siteId"::text AS "siteId"
    FROM unnest(${pairs.map((p) => p.skuKey)}::text[], ${pairs.map((p) => p.serial)}::text[]) AS wanted("skuKey", serial)
    JOIN "Item" i ON i."skuKey" = wanted."skuKey"
    JOIN "Serial" s ON s."itemId" = i.id AND s.serial = wanted.serial
    JOIN "Location" l ON l.id = s."locationId" AND stockroom_keeps_levels(l.type)`;
  const placeShown = (f: (typeof found)[number]) => (can(actor, "stock.view", { siteId: f.siteId }) ? f.location : "another site");
  const where = new Map(found.map((f) => [`${f.skuKey}\u0000${f.serial}`, placeShown(f)]));
  for (const c of candidates) {
    for (const serial of c.data.serials ?? []) {
      const location = where.get(`${c.data.sku.toLowerCase()}\u0000${serial}`);
      if (location) problems.add(rowOf(c), "serials", `${serial} is already in stock at ${location}`);
    }
  }
}

/**
 * Plans every row as the ledger would post it (lib/ledger/plan-lines.ts: item, location, site permission, storage
 * conditions, lot and expiry, serial count) without posting, and answers the site of each row that passed.
 * Planning only reads (a new lot is created by the posting itself), so a dry run writes nothing.
 */
async function planRows(db: Db, actor: Actor, candidates: Candidate[], problems: RowProblems): Promise<Map<number, string>> {
  const siteOfLine = new Map<number, string>();
  if (candidates.length === 0) return siteOfLine;
  const refs = await resolveReferences(
    db,
    candidates.map((c) => c.data),
  );
  for (const candidate of candidates) {
    try {
      siteOfLine.set(candidate.row.line, (await planMovement(db, actor, refs, candidate.data)).siteId);
    } catch (error) {
      reportRefusal(problems, candidate, error);
    }
  }
  return siteOfLine;
}

/** Which movement of a batch a refusal is about: `index` in its details, or the `movements.N.` of its field. */
function indexInBatch(error: DomainError): number | undefined {
  if (typeof error.details.index === "number") return error.details.index;
  const field = error instanceof ValidationFailed ? error.issues[0]?.field : undefined;
  const match = field ? /^movements\.(\d+)\./.exec(field) : null;
  return match ? Number(match[1]) : undefined;
}

/** Valid rows by site, in file order, in batches the ledger posts atomically. */
function batchesBySite(valid: Candidate[], siteOfLine: Map<number, string>): Candidate[][] {
  const bySite = new Map<string, Candidate[]>();
  for (const c of valid) {
    const site = siteOfLine.get(c.row.line)!;
    bySite.set(site, [...(bySite.get(site) ?? []), c]);
  }
  return [...bySite.values()].flatMap((rows) =>
    Array.from({ length: Math.ceil(rows.length / MAX_BATCH) }, (_, i) => rows.slice(i * MAX_BATCH, (i + 1) * MAX_BATCH)),
  );
}

/**
 * Opening stock from a CSV file (columns in ./stock-csv-row.ts): each row a `receive` into a location, reason
 * "received", reference OPENING-STOCK unless the row names one. Every row is first planned the way the ledger
 * plans a movement, without posting, so unknown SKUs or locations, bad quantities, missing lots or expiry dates,
 * serial counts, storage-condition mismatches and sites outside the actor's are reported per row.
 * `dry-run` writes nothing; `import-all` posts only when every row is valid (else ImportRefused, 422);
 * `import-valid` posts the valid rows. Posting goes through postMovements, in batches of up to 1,000 rows of one
 * site, each batch atomic, so the stock arrives as ordinary movements with their audit entries and events.
 * A row refused at posting time (stock changed since the check) is reported; in import-valid its batch is then
 * posted without it, in import-all nothing is posted (all the batches are one unit of work).
 */
export async function importOpeningStock(db: Db, actor: Actor, csvText: string, options: { mode: ImportMode }): Promise<ImportReport> {
  authorize(actor, "stock.move");
  const { rows, delimiter } = parseCsv(csvText, STOCK_CSV);
  const problems = new RowProblems();
  const candidates: Candidate[] = [];
  for (const row of rows) {
    const sku = row.values.sku || undefined;
    const reading = readStockRow(row.values, { decimalComma: delimiter === ";" });
    if (row.extraCells > 0) {
      problems.add(
        { line: row.line, sku },
        "row",
        `${row.extraCells} more cell${row.extraCells === 1 ? "" : "s"} than the header has columns: does a value with a "${delimiter}" need quotes?`,
      );
    }
    for (const error of reading.errors) problems.add({ line: row.line, sku }, error.field, error.message);
    if (reading.input && reading.data && row.extraCells === 0) candidates.push({ row, input: reading.input, data: reading.data });
  }
  refuseSerialsListedTwice(candidates, problems);
  await refuseSerialsInStock(db, actor, candidates, problems);
  const siteOfLine = await planRows(
    db,
    actor,
    candidates.filter((c) => !problems.has(c.row.line)),
    problems,
  );

  let imported = 0;
  const report = (): ImportReport => ({ rows: rows.length, valid: rows.length - problems.size, invalid: problems.list(), imported });
  if (options.mode === "dry-run") return report();
  if (options.mode === "import-all" && problems.size > 0) throw new ImportRefused(report());

  // One unit of work: import-all posts every row or none (a row refused at posting time undoes the batches before
  // it); import-valid posts each batch under a savepoint, so a refused row is reported and its batch goes again
  // without it. Each batch is still one atomic posting of the ledger's.
  await unitOfWork(
    db,
    async (tx) => {
      for (let batch of batchesBySite(
        candidates.filter((c) => !problems.has(c.row.line)),
        siteOfLine,
      )) {
        while (batch.length > 0) {
          try {
            await postMovements(
              tx as unknown as Db,
              actor,
              batch.map((c) => c.input),
            );
            imported += batch.length;
            break;
          } catch (error) {
            const index = error instanceof DomainError ? indexInBatch(error) : undefined;
            if (index === undefined || !batch[index]) throw error;
            reportRefusal(problems, batch[index], error);
            if (options.mode === "import-all") {
              imported = 0;
              throw new ImportRefused(report());
            }
            batch = batch.filter((_, i) => i !== index);
          }
        }
      }
    },
    { timeoutMs: 120_000 },
  );
  return report();
}
