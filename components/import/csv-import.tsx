"use client";

import Link from "next/link";
import { useEffect, useRef, useState, useTransition } from "react";
import { importCsvAction } from "@/app/(app)/items/import/actions";
import type { ImportMode, ImportReport } from "@/lib/csv/import-report";
import { newIdempotencyKey } from "@/lib/http/api-client";
import { FORM_TOKEN_FIELD } from "@/lib/http/form-state";
import { Button } from "../ui/button";
import { RadioCard } from "../ui/radio-card";
import { ImportReportTable } from "./import-report-table";

export type ImportKind = "items" | "stock" | "thresholds";

export type ImportKindChoice = {
  kind: ImportKind;
  label: string;
  description: string;
  columns: string;
  /** A data: URL of a template file, built on the server from the columns the import reads. */
  templateHref: string;
  templateName: string;
};

type Outcome = { kind: ImportKind; mode: ImportMode; report: ImportReport | null; ok: boolean; message?: string };

const count = (n: number, word: string) => `${n.toLocaleString("en")} ${word}${n === 1 ? "" : "s"}`;

function formatSize(bytes: number) {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function Counts({ report }: { report: ImportReport }) {
  const bad = report.invalid.length;
  const cells: [string, string, string][] = [
    ["Rows", report.rows.toLocaleString("en"), "text-slate-900"],
    ["Valid", report.valid.toLocaleString("en"), "text-green-800"],
    ["With problems", bad.toLocaleString("en"), bad > 0 ? "text-red-700" : "text-slate-900"],
  ];
  return (
    <dl className="grid grid-cols-3 gap-2" data-testid="import-counts">
      {cells.map(([label, value, tone]) => (
        <div key={label} className="flex flex-col justify-between gap-1 rounded-lg bg-slate-50 p-3">
          <dt className="text-xs font-medium text-slate-600">{label}</dt>
          <dd className={`text-xl font-semibold tabular-nums ${tone}`}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function successMessage(kind: ImportKind, report: ImportReport) {
  const what =
    kind === "items"
      ? count(report.imported, "item")
      : `${count(report.imported, "row")} of ${kind === "thresholds" ? "thresholds" : "opening stock"}`;
  const skipped =
    report.invalid.length > 0
      ? ` ${count(report.invalid.length, "row")} with problems ${report.invalid.length === 1 ? "was" : "were"} left out (listed below).`
      : "";
  return `Imported ${what}.${skipped}`;
}

/**
 * The import journey: choose what to import and a file, check it (a dry run that writes nothing), read the
 * report, then import everything or only the valid rows. The file stays chosen between the check and the import.
 */
export function CsvImport({ kinds, maxBytes }: { kinds: ImportKindChoice[]; maxBytes: number }) {
  const [kind, setKind] = useState<ImportKind>(kinds[0].kind);
  const [file, setFile] = useState<File | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [working, setWorking] = useState<ImportMode | null>(null);
  const [pending, startTransition] = useTransition();
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const pendingToken = useRef<string | null>(null);
  const choice = kinds.find((k) => k.kind === kind) ?? kinds[0];

  // Bring the answer into view (and to screen readers) when it arrives: on a phone it is below the fold.
  useEffect(() => {
    if (outcome) resultHeading.current?.focus();
  }, [outcome]);

  function run(mode: ImportMode) {
    if (!file) return;
    if (file.size > maxBytes) {
      setOutcome({ kind, mode, report: null, ok: false, message: `The file is larger than ${formatSize(maxBytes)}: split it into smaller files.` });
      return;
    }
    const form = new FormData();
    form.set("kind", kind);
    form.set("mode", mode);
    form.set("file", file);
    // One token per attempt until an answer comes: trying again after a lost answer imports once.
    pendingToken.current ??= newIdempotencyKey();
    form.set(FORM_TOKEN_FIELD, pendingToken.current);
    setWorking(mode);
    startTransition(async () => {
      try {
        const state = await importCsvAction(form);
        pendingToken.current = null;
        const data = state.data as { report?: ImportReport } | undefined;
        setOutcome({ kind, mode, report: data?.report ?? null, ok: state.ok, message: state.message });
      } catch {
        setOutcome({
          kind,
          mode,
          report: null,
          ok: false,
          message: "The file could not be sent or processed. Try again; if it keeps failing, split it into smaller files.",
        });
      } finally {
        setWorking(null);
      }
    });
  }

  function reset(next: { kind?: ImportKind; file?: File | null }) {
    pendingToken.current = null;
    if (next.kind) setKind(next.kind);
    if (next.file !== undefined) setFile(next.file);
    setOutcome(null);
  }

  const report = outcome?.report ?? null;
  const checked = outcome?.ok && outcome.mode === "dry-run" && report;
  const imported = outcome?.ok && outcome.mode !== "dry-run" && report;
  const bad = report?.invalid.length ?? 0;

  return (
    <div className="space-y-4">
      <section className="space-y-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5" aria-label="Import a CSV file">
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">What to import</legend>
          <div className={`mt-1 grid gap-2 ${kinds.length > 1 ? "sm:grid-cols-2" : ""}`}>
            {kinds.map((k) => (
              <RadioCard
                key={k.kind}
                name="kind"
                value={k.kind}
                checked={kind === k.kind}
                onChange={() => reset({ kind: k.kind })}
                hasDot
                className="p-3"
              >
                <span>
                  <span className="block font-semibold">{k.label}</span>
                  <span className="block text-sm text-slate-600">{k.description}</span>
                </span>
              </RadioCard>
            ))}
          </div>
        </fieldset>

        <p className="text-sm text-slate-600">
          Columns: <span className="font-mono text-xs text-slate-800">{choice.columns}</span>.{" "}
          <a href={choice.templateHref} download={choice.templateName} className="font-medium text-brand-700 underline underline-offset-2">
            Download a template
          </a>
        </p>

        <div>
          <label htmlFor="csv-file" className="block text-sm font-medium text-slate-800">
            CSV file
          </label>
          <input
            id="csv-file"
            ref={fileInput}
            type="file"
            accept=".csv,text/csv,text/plain"
            onChange={(event) => reset({ file: event.target.files?.[0] ?? null })}
            className="mt-1 block w-full text-sm text-slate-700 file:mr-3 file:min-h-11 file:cursor-pointer file:rounded-lg file:border file:border-slate-300 file:bg-white file:px-4 file:font-medium file:text-slate-900 hover:file:bg-slate-100"
          />
          <p className="mt-1 text-sm text-slate-500">
            {file
              ? `${formatSize(file.size)}, ready to check.`
              : `UTF-8, comma- or semicolon-separated, up to ${formatSize(maxBytes)} and 20,000 rows.`}
          </p>
        </div>

        <Button type="button" onClick={() => run("dry-run")} disabled={!file || pending} className="w-full sm:w-auto">
          {working === "dry-run" ? "Checking…" : "Check file"}
        </Button>

        {pending ? (
          <div role="status" className="space-y-2" data-testid="import-progress">
            <progress
              className="h-2 w-full overflow-hidden rounded-full accent-brand-700"
              aria-label={working === "dry-run" ? "Checking the file" : "Importing"}
            />
            <p className="text-sm text-slate-600">
              {working === "dry-run"
                ? `Checking every row of ${file?.name}… nothing is written yet.`
                : "Importing… a large file takes a minute or two: keep this page open."}
            </p>
          </div>
        ) : null}
      </section>

      {outcome ? (
        <section
          className="space-y-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5"
          aria-labelledby="import-result"
          data-testid="import-result"
        >
          <h2 id="import-result" ref={resultHeading} tabIndex={-1} className="text-base font-semibold focus:outline-none">
            {checked ? (bad === 0 ? "Every row is valid" : `${count(bad, "row")} with problems`) : imported ? "Import finished" : "Not imported"}
          </h2>

          {imported ? (
            <p role="status" className="rounded-lg bg-green-50 p-3 text-sm text-green-800">
              {successMessage(outcome.kind, imported)}
            </p>
          ) : outcome.message ? (
            <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm text-red-800">
              {outcome.message}
            </p>
          ) : null}

          {report ? <Counts report={report} /> : null}
          {report && bad > 0 ? <ImportReportTable invalid={report.invalid} /> : null}

          {checked ? (
            <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap">
              <Button type="button" onClick={() => run("import-all")} disabled={pending || bad > 0}>
                {working === "import-all" ? "Importing…" : `Import all ${count(checked.rows, "row")}`}
              </Button>
              {bad > 0 && checked.valid > 0 ? (
                <Button type="button" variant="secondary" onClick={() => run("import-valid")} disabled={pending}>
                  {working === "import-valid" ? "Importing…" : `Import the ${count(checked.valid, "valid row")}`}
                </Button>
              ) : null}
              {bad > 0 ? (
                <p className="text-sm text-slate-600 sm:basis-full">
                  Correct the rows above and check the file again, or import only the valid rows and add the others later.
                </p>
              ) : null}
            </div>
          ) : null}

          {imported ? (
            <div className="flex flex-wrap gap-2">
              {outcome.kind === "items" ? (
                <Link
                  href="/items"
                  className="inline-flex min-h-11 items-center rounded-lg border border-slate-300 bg-white px-4 font-medium hover:bg-slate-100"
                >
                  Open the items list
                </Link>
              ) : null}
              <Button
                type="button"
                variant="ghost"
                onClick={() => {
                  if (fileInput.current) fileInput.current.value = "";
                  reset({ file: null });
                }}
              >
                Import another file
              </Button>
            </div>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
